import type { AlbumOutcome } from './album-flow'
import type { PosterSurface } from './poster-surface'

export const SAVE_LABEL = '保存图片'

/** What the page says after saving. */
export const outcomeText = (outcome: AlbumOutcome): string | null =>
  outcome === 'saved' ? '已保存' : outcome === 'failed' ? '保存失败，请稍后再试' : null

/** The name the browser saves the poster under. */
export const posterFileName = (token: string) => `linquan-poster-${token}.png`

/** The browser has no album: the poster is downloaded as a PNG through a real <a download>. */
export const savePoster = async (surface: PosterSurface, token: string): Promise<AlbumOutcome> => {
  let url: string
  try {
    url = (surface.canvas as HTMLCanvasElement).toDataURL('image/png')
  } catch {
    // A photo from an origin that does not allow it taints the canvas.
    return 'failed'
  }
  const a = document.createElement('a')
  a.href = url
  a.download = posterFileName(token)
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  return 'saved'
}
