import { MAX_VIDEO_BYTES, maxUploadBytes } from '@shared/domain/uploads'
import type { UploadKind } from './upload.record'

/** The most a file of this kind may hold; reading stops as soon as an upload passes it. */
export const maxBytesFor = maxUploadBytes

/** The largest file of any kind: a body announcing more is refused before a byte is read. */
export const MAX_ANY_UPLOAD_BYTES = MAX_VIDEO_BYTES

/** Uploads only the backend reads (ID card photos forwarded to WeChat Pay): never served by URL. */
export const PRIVATE_KINDS: readonly UploadKind[] = ['id-cards']
