import {
  cellMeans,
  DHASH_BLOCK,
  DHASH_HEIGHT,
  DHASH_WIDTH,
  dhashOfPixels,
} from '../domain/photo-hash'

type Sharp = (typeof import('sharp'))['default']

/**
 * sharp (libvips, native) is loaded the first time a photo is hashed, not when the function
 * starts: only publishing and editing listings with photos pay for it, and a runtime where it
 * cannot load (no prebuilt binary) loses the photo-reuse check, not publishing.
 */
let loading: Promise<Sharp | null> | null = null
const loadSharp = (): Promise<Sharp | null> =>
  (loading ??= import('sharp')
    // CommonJS or ES module, whichever the runtime hands back.
    .then((m) => m.default ?? (m as unknown as Sharp))
    .catch((e: unknown) => {
      console.warn('[risk] sharp unavailable, photo reuse not checked:', (e as Error).message)
      return null
    }))

/**
 * The dHash of an image file's bytes (JPEG, PNG, WebP, GIF…): greyscale, shrunk to 72×64 ignoring
 * the aspect ratio (a crop to another ratio would drop what a copy kept), averaged into 9×8 cells.
 * Null when the bytes are not an image sharp can read, or sharp is missing.
 */
export const dhashOfImage = async (bytes: Uint8Array): Promise<string | null> => {
  const sharp = await loadSharp()
  if (!sharp) return null
  try {
    const { data } = await sharp(bytes, { failOn: 'error', limitInputPixels: 40_000_000 })
      .rotate() // honour EXIF orientation: a phone photo and its re-save must agree
      .flatten({ background: '#ffffff' }) // a transparent PNG hashes as it is shown
      .greyscale()
      .resize(DHASH_WIDTH * DHASH_BLOCK, DHASH_HEIGHT * DHASH_BLOCK, { fit: 'fill' })
      .toColourspace('b-w')
      .raw()
      .toBuffer({ resolveWithObject: true })
    return dhashOfPixels(cellMeans(new Uint8Array(data.buffer, data.byteOffset, data.length)))
  } catch {
    return null
  }
}
