import { useCallback } from 'react'
import Taro from '@tarojs/taro'
import { Canvas } from '@tarojs/components'
import type { Ctx2D, LoadableImage } from '@/utils/poster/canvas-2d'
import { CANVAS_ID, type PosterSurface } from './poster-surface'

interface CanvasNode {
  width: number
  height: number
  getContext(type: '2d'): unknown
  createImage(): unknown
}
type Found = { node?: CanvasNode | null; width?: number } | null

const findCanvas = () =>
  new Promise<Found>((resolve) =>
    Taro.createSelectorQuery()
      .select(`#${CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((res: Found[]) => resolve(res?.[0] ?? null)),
  )

const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 50))

const pixelRatio = () => {
  try {
    return Taro.getWindowInfo().pixelRatio || 2
  } catch {
    return Taro.getSystemInfoSync().pixelRatio || 2
  }
}

/**
 * A Canvas 2D node (`<canvas type="2d">`) on the page and the way to reach it: Taro writes the
 * page's nodes with setData, so the node may show up a frame or two after the first render.
 */
export function usePosterCanvas() {
  const acquire = useCallback(async (): Promise<PosterSurface> => {
    for (let tries = 0; tries < 20; tries++) {
      const found = await findCanvas()
      const canvas = found?.node
      if (canvas) {
        const ctx = canvas.getContext('2d') as Ctx2D | null
        if (!ctx) break
        return {
          canvas,
          ctx,
          createImage: () => canvas.createImage() as LoadableImage,
          cssWidth: found.width ?? 0,
          pixelRatio: pixelRatio(),
        }
      }
      await nextFrame()
    }
    throw new Error('poster canvas not found')
  }, [])
  const element = <Canvas type='2d' id={CANVAS_ID} className='poster__canvas' />
  return { element, acquire }
}
