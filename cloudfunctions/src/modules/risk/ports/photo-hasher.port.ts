/**
 * PhotoHasher: the perceptual hash (dHash, domain/photo-hash.ts) of an uploaded image's bytes,
 * for the photo-reuse check. The adapter decodes the image (sharp, native); the module only
 * compares hashes.
 */
export interface PhotoHasher {
  /** 16 hex digits, or null when the bytes are not an image it can read (or it cannot run here). */
  dhash(bytes: Uint8Array): Promise<string | null>
}
