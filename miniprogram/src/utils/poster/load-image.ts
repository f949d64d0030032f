import type { DrawSurface, ImageLike, LoadableImage } from './canvas-2d'

/** A photo that has not loaded by then is drawn as the placeholder rather than waited for. */
export const IMAGE_TIMEOUT_MS = 8000

/**
 * Loads `src` with the surface's own image factory (weapp images belong to the canvas that made
 * them); null when it fails or takes longer than `timeoutMs`, so a layout can draw without it.
 */
export const loadImage = (
  surface: Pick<DrawSurface, 'createImage'>,
  src: string,
  timeoutMs = IMAGE_TIMEOUT_MS,
): Promise<ImageLike | null> =>
  new Promise((resolve) => {
    let image: LoadableImage
    try {
      image = surface.createImage()
    } catch {
      resolve(null)
      return
    }
    const timer = setTimeout(() => done(null), timeoutMs)
    const done = (result: ImageLike | null) => {
      clearTimeout(timer)
      image.onload = null
      image.onerror = null
      resolve(result)
    }
    image.onload = () => done(image.width > 0 && image.height > 0 ? image : null)
    image.onerror = () => done(null)
    image.src = src
  })
