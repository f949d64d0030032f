import type { RecommendBasis, RecommendPage } from '@shared/contracts/recommend.contract'
import { ErrorCodes } from '@shared/errors/error-codes'

/**
 * A page of 推荐 that survives its ranking being replaced meanwhile (a refresh on another
 * device, or a day-old cursor): the top of a fresh ranking instead. The paged list drops cards it
 * already shows, so nothing appears twice.
 */
export const recommendPage = async <I extends { cursor?: string }>(
  load: (input: I) => Promise<RecommendPage>,
  input: I,
): Promise<RecommendPage> => {
  try {
    return await load(input)
  } catch (e) {
    const expired = (e as { code?: unknown } | null)?.code === ErrorCodes.RECOMMEND_CURSOR_EXPIRED
    if (!input.cursor || !expired) throw e
    return load({ ...input, cursor: undefined })
  }
}

/** The line above 推荐: what the order is based on, in plain words. */
export const recommendNote = (basis: RecommendBasis | null, signedIn: boolean): string => {
  if (basis === 'personal') return '根据你的浏览、想要和关注推荐'
  return signedIn
    ? '附近热门 · 看看、点想要，推荐会越来越懂你'
    : '附近热门 · 登录后按你的浏览和想要推荐'
}
