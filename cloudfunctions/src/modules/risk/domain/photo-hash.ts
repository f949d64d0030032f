import { LISTING_RISK } from './listing-risk.rules'

/**
 * dHash, the difference hash: the picture in greyscale shrunk to 9×8, each bit saying whether a
 * pixel is brighter than its right-hand neighbour (8 comparisons × 8 rows = 64 bits). Gradients
 * survive resizing, recompression and small colour shifts, so copies of one photo hash within a
 * few bits of each other, while different photos differ in about half. Stored as 16 hex digits.
 */
export const DHASH_WIDTH = 9
export const DHASH_HEIGHT = 8

/**
 * The picture is first shrunk to 8× the grid (72×64) and each cell is the mean of its 8×8 block:
 * a cell is then a fraction, not a rounded byte, so the flat backdrops of product photos compare
 * the same way in a copy (libvips shrinking straight to 9×8 gave copies 5–14 bits apart, block
 * means 0–4).
 */
export const DHASH_BLOCK = 8

/** The 9×8 cell means of a greyscale picture of 72×64 pixels, row by row. */
export const cellMeans = (grey: Uint8Array): Float64Array => {
  const w = DHASH_WIDTH * DHASH_BLOCK
  if (grey.length !== w * DHASH_HEIGHT * DHASH_BLOCK)
    throw new Error(`dHash wants ${w}×${DHASH_HEIGHT * DHASH_BLOCK} pixels, got ${grey.length}`)
  const cells = new Float64Array(DHASH_WIDTH * DHASH_HEIGHT)
  for (let i = 0; i < grey.length; i++) {
    const x = i % w
    const y = (i - x) / w
    cells[Math.floor(y / DHASH_BLOCK) * DHASH_WIDTH + Math.floor(x / DHASH_BLOCK)]! += grey[i]!
  }
  return cells
}

/** The hash of 9×8 cells (grey levels or sums, row by row). */
export const dhashOfPixels = (grey: ArrayLike<number>): string => {
  if (grey.length !== DHASH_WIDTH * DHASH_HEIGHT)
    throw new Error(`dHash wants ${DHASH_WIDTH}×${DHASH_HEIGHT} cells, got ${grey.length}`)
  let hex = ''
  for (let row = 0; row < DHASH_HEIGHT; row++) {
    let byte = 0
    for (let col = 0; col < DHASH_WIDTH - 1; col++) {
      const left = grey[row * DHASH_WIDTH + col]!
      const right = grey[row * DHASH_WIDTH + col + 1]!
      byte = (byte << 1) | (left > right ? 1 : 0)
    }
    hex += byte.toString(16).padStart(2, '0')
  }
  return hex
}

const popcount32 = (x: number) => {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

/** The two 32-bit halves of a 16-hex-digit hash. */
export const halvesOf = (hash: string): [number, number] => [
  parseInt(hash.slice(0, 8), 16),
  parseInt(hash.slice(8, 16), 16),
]

/** How many of the 64 bits differ. */
export const hammingDistance = (a: string, b: string): number => {
  const [a0, a1] = halvesOf(a)
  const [b0, b1] = halvesOf(b)
  return popcount32((a0 ^ b0) >>> 0) + popcount32((a1 ^ b1) >>> 0)
}

/** Set bits of a hash. */
export const bitsSet = (hash: string): number => hammingDistance(hash, '0'.repeat(16))

/**
 * Whether a hash can tell photos apart: a flat picture (blank, one colour, a 1×1 placeholder)
 * hashes to nearly all zeros or ones, which many unrelated images share.
 */
export const isInformative = (hash: string): boolean => {
  const n = bitsSet(hash)
  const min = LISTING_RISK.photo.minInformativeBits
  return n >= min && n <= 64 - min
}

/**
 * The hash cut into LISTING_RISK.photo.bands equal bands, in order (band i is compared with band
 * i only): two hashes within maxDistance bits share at least one band exactly (pigeonhole: 3
 * differing bits cannot touch all 4 bands), so exact band lookups find every candidate.
 */
export const bandsOf = (hash: string): string[] => {
  const n = LISTING_RISK.photo.bands
  const width = 16 / n
  return Array.from({ length: n }, (_, i) => hash.slice(i * width, (i + 1) * width))
}
