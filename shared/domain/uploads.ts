/** Where an upload may go; the client names one and the server checks every file against it. */
/**
 * `evidence`: photos a party attaches to a contested return, seen by the parties and operators.
 * `chat-images`: photos sent in a chat, seen by its two parties (and an operator for a report).
 * `review-photos`: photos in a review or its 追评, public once the review is published.
 */
export const UPLOAD_KINDS = [
  'listing-photos',
  'avatars',
  'listing-videos',
  'id-cards',
  'evidence',
  'chat-images',
  'review-photos',
] as const
export type UploadKind = (typeof UPLOAD_KINDS)[number]

const MB = 1024 * 1024

/** Photos of any kind: a phone's full-size JPEG is 3-8 MB. */
export const MAX_IMAGE_BYTES = 10 * MB
/** A listing's short video (WeChat's chooseMedia caps it at 60 s); phones record ~10 MB a minute. */
export const MAX_VIDEO_BYTES = 50 * MB

/** The most a file of this kind may hold: the server stops reading past it, the app checks before sending. */
export const maxUploadBytes = (kind: UploadKind) =>
  kind === 'listing-videos' ? MAX_VIDEO_BYTES : MAX_IMAGE_BYTES
