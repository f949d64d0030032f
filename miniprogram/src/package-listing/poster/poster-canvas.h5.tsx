import { useCallback, useRef } from 'react'
import type { Ctx2D } from '@/utils/poster/canvas-2d'
import { createBrowserImage } from '@/utils/poster/offscreen-surface.h5'
import { CANVAS_ID, type PosterSurface } from './poster-surface'

/**
 * A plain <canvas> (not Taro's Canvas, whose H5 element resets its size to the CSS box on every
 * render and so would wipe the drawing and its pixel ratio).
 */
export function usePosterCanvas() {
  const ref = useRef<HTMLCanvasElement | null>(null)
  const acquire = useCallback(async (): Promise<PosterSurface> => {
    const canvas = ref.current
    const ctx = canvas?.getContext('2d')
    if (!canvas || !ctx) throw new Error('poster canvas not found')
    return {
      canvas,
      ctx: ctx as unknown as Ctx2D,
      createImage: createBrowserImage,
      cssWidth: canvas.clientWidth,
      pixelRatio: window.devicePixelRatio || 1,
    }
  }, [])
  const element = <canvas id={CANVAS_ID} className='poster__canvas' ref={ref} />
  return { element, acquire }
}
