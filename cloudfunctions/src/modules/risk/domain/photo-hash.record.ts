import { defineCollection } from '../../core/ports/document-store.port'

/**
 * One photo of one listing, by its dHash (photo-hash.ts): what the photo-reuse check looks up
 * when another seller publishes. `band0`…`band3` are the hash's four 16-bit bands, each indexed,
 * so a lookup reads the few photos sharing a band instead of every photo (see LISTING_RISK.photo).
 * Only informative hashes are kept (a blank picture says nothing about reuse).
 */
export interface PhotoHashRecord {
  /** `${listingId}:${fileId}`: a listing showing a photo is recorded once. */
  _id: string
  hash: string
  band0: string
  band1: string
  band2: string
  band3: string
  sellerId: string
  listingId: string
  fileId: string
  createdAt: number
}

export const PHOTO_BANDS = ['band0', 'band1', 'band2', 'band3'] as const

export const PhotoHashes = defineCollection<PhotoHashRecord>('photo_hashes', [
  ...PHOTO_BANDS.map((b) => ({ name: b, fields: [{ field: b }] })),
  // The hash of a file already seen (a seller's photo on several listings is hashed once).
  { name: 'file', fields: [{ field: 'fileId' }] },
])
