import Taro from '@tarojs/taro'
import { type AlbumHost, type AlbumOutcome, albumOutcomeText, saveToAlbum } from './album-flow'
import type { PosterSurface } from './poster-surface'

export const SAVE_LABEL = '保存到相册'

/** What the page says after saving; null when WeChat or the consent popup already spoke. */
export const outcomeText = albumOutcomeText

type AuthSetting = Record<string, boolean | undefined>

const host: AlbumHost = {
  getSetting: () => Taro.getSetting().then((r) => ({ authSetting: r.authSetting as AuthSetting })),
  authorize: (scope) => Taro.authorize({ scope: scope as keyof Taro.AuthSetting }),
  openSetting: () =>
    Taro.openSetting().then((r) => ({ authSetting: r.authSetting as AuthSetting })),
  confirm: (o) => Taro.showModal({ ...o, cancelText: '取消' }).then((r) => r.confirm),
  saveImageToPhotosAlbum: (filePath) => Taro.saveImageToPhotosAlbum({ filePath }),
}

/** The drawn canvas as a PNG temp file, then into the album (album-flow.ts asks for permission). */
export const savePoster = async (surface: PosterSurface, _token: string): Promise<AlbumOutcome> => {
  let filePath: string
  try {
    const r = await Taro.canvasToTempFilePath({
      canvas: surface.canvas as unknown as Taro.Canvas,
      fileType: 'png',
    })
    filePath = r.tempFilePath
  } catch {
    return 'failed'
  }
  return saveToAlbum(host, filePath)
}
