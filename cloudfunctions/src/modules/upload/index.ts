/** upload: files people upload, whose they are, and the daily quota. */
export { assertOwnUploads, type FileRef } from './application/assert-own-uploads'
export { UPLOAD_LIMITS } from './domain/upload.limits'
