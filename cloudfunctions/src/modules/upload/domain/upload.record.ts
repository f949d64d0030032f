import { UPLOAD_KINDS, type UploadKind } from '@shared/domain/uploads'
import { defineCollection } from '../../core/ports/document-store.port'

/** The folder an upload went to, and the kind a use case asks for when it takes a fileId. */
export { UPLOAD_KINDS, type UploadKind }

export const isUploadKind = (v: unknown): v is UploadKind =>
  (UPLOAD_KINDS as readonly unknown[]).includes(v)

/**
 * Who uploaded a file and for what, keyed by the fileId. A listing, an avatar or an ID photo may
 * only name files its user uploaded as that kind: a fileId seen elsewhere (another seller's
 * photo, a stranger's ID card) is not proof of anything.
 */
export interface UploadRecord {
  _id: string
  ownerId: string
  kind: UploadKind
  bytes: number
  contentType: string
  createdAt: number
}

export const Uploads = defineCollection<UploadRecord>('uploads', [
  {
    name: 'owner_created',
    fields: [{ field: 'ownerId' }, { field: 'createdAt', direction: 'desc' }],
  },
])
