import { enforceLimit } from '../../core'
import type { Deps } from '../../deps'
import {
  UPLOAD_BYTES_PER_DAY,
  UPLOAD_BYTES_TOO_MANY,
  UPLOADS_PER_DAY,
  UPLOADS_TOO_MANY,
} from '../domain/upload.limits'
import { type UploadKind, Uploads } from '../domain/upload.record'

export interface UploadedBytes {
  kind: UploadKind
  /** Where the Files port should keep it (the caller picks an unguessable name). */
  path: string
  bytes: Uint8Array
  contentType: string
}

/**
 * Counts the upload against today's quota (one file, its bytes), stores it, and records it as
 * the user's, so the use cases that take fileIds can tell whose it is.
 */
export const storeUpload = async (
  deps: Deps,
  owner: { _id: string },
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
  await recordUpload(deps, {
    fileId,
    ownerId: owner._id,
    kind: upload.kind,
    bytes: upload.bytes.length,
    contentType: upload.contentType,
  })
  return fileId
}

/** Records a stored file as `ownerId`'s upload of `kind` (also how the seed owns its photos). */
export const recordUpload = (
  deps: Pick<Deps, 'store' | 'clock'>,
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
