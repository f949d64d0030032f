import type { DrawSurface } from './canvas-2d'
import { loadImage } from './load-image'
import { type PosterData, drawPoster } from './poster-layout'

/** A poster without its 小程序码 is useless: the page says so and offers to try again. */
export class PosterQrMissingError extends Error {
  constructor() {
    super('小程序码加载失败')
  }
}

/**
 * Sizes the surface's canvas to `pixels`, loads the cover and the 小程序码 (reporting the share
 * of images loaded, 0 to 1, as each one settles) and draws the poster. A cover that will not load
 * leaves the placeholder; a 小程序码 that will not load is PosterQrMissingError.
 */
export const renderPoster = async (
  surface: DrawSurface,
  poster: PosterData,
  pixels: { width: number; height: number },
  onProgress?: (loaded: number) => void,
): Promise<{ coverMissing: boolean }> => {
  surface.canvas.width = pixels.width
  surface.canvas.height = pixels.height
  const sources = [poster.qrCodeUrl, poster.coverUrl].filter((s): s is string => !!s)
  let settled = 0
  const [qr, cover] = await Promise.all(
    sources.map((src) =>
      loadImage(surface, src).then((image) => {
        settled++
        onProgress?.(settled / sources.length)
        return image
      }),
    ),
  )
  if (!qr) throw new PosterQrMissingError()
  drawPoster(surface.ctx, pixels.width, poster, { qr, cover: cover ?? null })
  return { coverMissing: !!poster.coverUrl && !cover }
}
