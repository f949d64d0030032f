import { enforceLimit } from '../../core'
import type { Deps } from '../../deps'
import {
  UPLOAD_BYTES_PER_DAY,
  UPLOAD_BYTES_TOO_MANY,
  UPLOADS_PER_DAY,
  UPLOADS_TOO_MANY,
} from '../domain/upload.limits'
import { type UploadKind, Uploads } from '../domain/upload.record'
import { PRIVATE_KINDS } from '../domain/upload.rules'
import { queueImageCheck } from '../../risk'

/** Images others will see go through WeChat's image check; ID photos never leave us, videos are not images. */
const CHECKED_KINDS: readonly UploadKind[] = [
  'listing-photos',
  'avatars',
  'evidence',
  'chat-images',
  'review-photos',
].filter((k) => !(PRIVATE_KINDS as readonly string[]).includes(k)) as UploadKind[]

export interface UploadedBytes {
  kind: UploadKind
  /** Where the Files port should keep it (the caller picks an unguessable name). */
  path: string
  bytes: Uint8Array
  contentType: string
}

/**
 * Counts the upload against today's quota (one file, its bytes), stores it, and records it as
 * the user's, so the use cases that take fileIds can tell whose it is. An image others will see
 * is queued for WeChat's check in the same transaction (the owner's openid comes from the caller,
 * who looked the user up: this module knows files, not users).
 */
export const storeUpload = async (
  deps: Deps,
  owner: { _id: string; openid: string },
  upload: UploadedBytes,
): Promise<string> => {
  await enforceLimit(deps.limits, UPLOADS_PER_DAY, owner._id, UPLOADS_TOO_MANY)
  await enforceLimit(
    deps.limits,
    UPLOAD_BYTES_PER_DAY,
    owner._id,
    UPLOAD_BYTES_TOO_MANY,
    upload.bytes.length,
  )
  const fileId = await deps.files.put(upload.path, upload.bytes, upload.contentType)
  await deps.store.transaction(async (tx) => {
    await recordUpload(
      { store: tx, clock: deps.clock },
      {
        fileId,
        ownerId: owner._id,
        kind: upload.kind,
        bytes: upload.bytes.length,
        contentType: upload.contentType,
      },
    )
    if (CHECKED_KINDS.includes(upload.kind))
      await queueImageCheck(deps, tx, { fileId, ownerId: owner._id, openid: owner.openid })
  })
  return fileId
}

/** Records a stored file as `ownerId`'s upload of `kind` (also how the seed owns its photos). */
export const recordUpload = (
  deps: { store: Pick<Deps['store'], 'insert'>; clock: Deps['clock'] },
  u: { fileId: string; ownerId: string; kind: UploadKind; bytes: number; contentType: string },
) =>
  deps.store.insert(Uploads, {
    _id: u.fileId,
    ownerId: u.ownerId,
    kind: u.kind,
    bytes: u.bytes,
    contentType: u.contentType,
    createdAt: deps.clock.now(),
  })
