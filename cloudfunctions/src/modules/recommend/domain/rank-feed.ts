import { DIVERSITY, diversify } from './diversify'
import { type RankContext, type Rankable, rankByScore } from './feed-score'
import type { InterestProfile } from './interest-profile'

/**
 * The 推荐 order: candidates by score, then spread so no seller or category forms a wall. With a
 * category chip chosen every listing shares the category, so only the seller cap applies.
 */
export const rankFeed = <T extends Rankable>(
  profile: InterestProfile,
  candidates: T[],
  ctx: RankContext,
  options: { limit: number; oneCategory: boolean },
): T[] =>
  diversify(
    rankByScore(profile, candidates, ctx),
    options.limit,
    options.oneCategory ? { ...DIVERSITY, perCategory: Number.POSITIVE_INFINITY } : DIVERSITY,
  )
