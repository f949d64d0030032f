import { isServiceError } from '@/services/service-error'
import type { PosterData } from '@/utils/poster/poster-layout'
import { PosterQrMissingError } from '@/utils/poster/render-poster'

export type PosterPhase =
  | { kind: 'loading'; percent: number; text: string }
  | { kind: 'ready'; poster: PosterData; coverMissing: boolean }
  /** `retry` false: trying again cannot help (not the caller's share, the listing is gone). */
  | { kind: 'failed'; message: string; retry: boolean }

/** Why a poster cannot be made, in the words the page shows. */
export const failureOf = (e: unknown): Extract<PosterPhase, { kind: 'failed' }> => {
  if (e instanceof PosterQrMissingError) return { kind: 'failed', message: e.message, retry: true }
  if (!isServiceError(e))
    return { kind: 'failed', message: '海报生成失败，请稍后再试', retry: true }
  switch (e.code) {
    case 'COMMON.NOT_FOUND':
    case 'COMMON.VALIDATION':
      return { kind: 'failed', message: '这个分享不存在，或者不是你分享的', retry: false }
    case 'SHARE.TARGET_UNAVAILABLE':
      return { kind: 'failed', message: e.message, retry: false }
    default:
      // SHARE.POSTER_UNAVAILABLE (WeChat could not make the 小程序码), rate limits, the network.
      return { kind: 'failed', message: e.message, retry: true }
  }
}
