import type { Ctx2D, LoadableImage, OffscreenSurface } from './canvas-2d'

/** An <img> that may be drawn and exported: photos from another origin must allow it (CORS). */
export const createBrowserImage = (): LoadableImage => {
  const image = new Image()
  image.crossOrigin = 'anonymous'
  return image as unknown as LoadableImage
}

/** A detached <canvas>; null where canvas is unavailable (jsdom without a canvas package). */
export const createOffscreenSurface = (width: number, height: number): OffscreenSurface | null => {
  if (typeof document === 'undefined') return null
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  let ctx: CanvasRenderingContext2D | null = null
  try {
    ctx = canvas.getContext('2d')
  } catch {
    ctx = null
  }
  if (!ctx) return null
  return {
    canvas,
    ctx: ctx as unknown as Ctx2D,
    createImage: createBrowserImage,
    exportImage: async () => canvas.toDataURL('image/jpeg', 0.9),
  }
}
