import { useCallback, useRef, useState } from 'react'
import { api, isAuthError } from '@/services'
import { posterPixels } from '@/utils/poster/poster-layout'
import { renderPoster } from '@/utils/poster/render-poster'
import { type PosterPhase, failureOf } from './poster-failure'
import type { PosterSurface } from './poster-surface'

const FETCHED = 20
const DRAWN = 95

/**
 * Fetches the poster of share `token` and draws it on the page's canvas: loading (with how far
 * it got) → ready, or failed with a message. A signed-out caller is sent to sign in (the
 * services do that on UNAUTHENTICATED) and the page keeps its loading state meanwhile.
 */
export const usePoster = (token: string, acquire: () => Promise<PosterSurface>) => {
  const [phase, setPhase] = useState<PosterPhase>({
    kind: 'loading',
    percent: 0,
    text: '正在生成海报…',
  })
  const surface = useRef<PosterSurface | null>(null)
  const run = useRef(0)

  const make = useCallback(async () => {
    const mine = ++run.current
    const progress = (percent: number, text: string) => {
      if (run.current === mine) setPhase({ kind: 'loading', percent: Math.round(percent), text })
    }
    progress(5, '正在生成小程序码…')
    try {
      const poster = await api.share.poster(token)
      progress(FETCHED, '正在加载图片…')
      const s = (surface.current ??= await acquire())
      const pixels = posterPixels(s.cssWidth, s.pixelRatio)
      const { coverMissing } = await renderPoster(s, poster, pixels, (loaded) =>
        progress(FETCHED + (DRAWN - FETCHED) * loaded, '正在绘制海报…'),
      )
      if (run.current === mine) setPhase({ kind: 'ready', poster, coverMissing })
    } catch (e) {
      if (run.current !== mine) return
      if (isAuthError(e)) return
      setPhase(failureOf(e))
    }
  }, [token, acquire])

  return { phase, make, surface }
}
