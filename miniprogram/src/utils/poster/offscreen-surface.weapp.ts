import Taro from '@tarojs/taro'
import type { Ctx2D, LoadableImage, OffscreenSurface } from './canvas-2d'

interface WeappOffscreenCanvas {
  width: number
  height: number
  getContext(type: '2d'): unknown
  createImage(): unknown
  toDataURL?: (type?: string, quality?: number) => string
}

const QUALITY = 0.9

/**
 * Writes a data URL to a file under USER_DATA_PATH: for base libraries whose canvasToTempFilePath
 * does not take an offscreen canvas but whose offscreen canvas has toDataURL.
 */
const writeDataUrl = (dataUrl: string) =>
  new Promise<string>((resolve, reject) => {
    const filePath = `${Taro.env.USER_DATA_PATH}/share-card-${Date.now()}.jpg`
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: dataUrl.replace(/^data:image\/\w+;base64,/, ''),
      encoding: 'base64',
      success: () => resolve(filePath),
      fail: reject,
    })
  })

/**
 * WeChat's offscreen 2D canvas (base library 2.16.1+); null where there is none, so the caller
 * falls back. It is exported with canvasToTempFilePath, or toDataURL written to a file.
 */
export const createOffscreenSurface = (width: number, height: number): OffscreenSurface | null => {
  if (typeof Taro.createOffscreenCanvas !== 'function') return null
  const canvas = Taro.createOffscreenCanvas({
    type: '2d',
    width,
    height,
  }) as unknown as WeappOffscreenCanvas
  const ctx = canvas.getContext('2d') as Ctx2D | null
  if (!ctx) return null
  return {
    canvas,
    ctx,
    createImage: () => canvas.createImage() as LoadableImage,
    exportImage: async () => {
      try {
        const r = await Taro.canvasToTempFilePath({
          canvas: canvas as unknown as Taro.Canvas,
          fileType: 'jpg',
          quality: QUALITY,
        })
        return r.tempFilePath
      } catch (e) {
        if (!canvas.toDataURL) throw e
        return writeDataUrl(canvas.toDataURL('image/jpeg', QUALITY))
      }
    },
  }
}
