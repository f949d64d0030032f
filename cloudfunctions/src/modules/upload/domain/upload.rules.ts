import type { UploadKind } from './upload.record'

const MB = 1024 * 1024

/** Photos of any kind: a phone's full-size JPEG is 3-8 MB. */
export const MAX_IMAGE_BYTES = 10 * MB
/** A listing's short video (WeChat's chooseMedia caps it at 60 s); phones record ~10 MB a minute. */
export const MAX_VIDEO_BYTES = 50 * MB

/** The most a file of this kind may hold; reading stops as soon as an upload passes it. */
export const maxBytesFor = (kind: UploadKind) => (kind === 'listing-videos' ? MAX_VIDEO_BYTES : MAX_IMAGE_BYTES)

/** The largest file of any kind: a body announcing more is refused before a byte is read. */
export const MAX_ANY_UPLOAD_BYTES = MAX_VIDEO_BYTES

/** Uploads only the backend reads (ID card photos forwarded to WeChat Pay): never served by URL. */
export const PRIVATE_KINDS: readonly UploadKind[] = ['id-cards']
