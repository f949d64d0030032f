import { distanceMeters, type GeoPoint } from '@shared/domain/geo'
import { DAY } from '@shared/domain/time'
import { brandOf, type InterestProfile, priceBand } from './interest-profile'

/** What the ranking reads of a candidate listing. `point` is the ~300 m grid point, never exact. */
export interface Rankable {
  id: string
  sellerId: string
  category: string
  subcategory: string | null
  title: string
  priceFen: number
  /** Last publish or 擦亮. */
  bumpedAt: number
  favoriteCount: number
  viewCount: number
  communityIds: string[]
  point: GeoPoint
}

/** The viewer's side of a ranking: the moment, where they are, and what they already did. */
export interface RankContext {
  now: number
  /** The viewer's point when they sent one; distance counts only then. */
  from: GeoPoint | null
  communityIds: string[]
  wantedIds: ReadonlySet<string>
  viewedIds: ReadonlySet<string>
}

/**
 * How a listing matches the profile. Each part is 0..1, measured against the person's favourite
 * (their top category scores 1, one they saw half as much 0.5), and the weights sum to 1.
 */
export const INTEREST_PARTS = {
  // The broad kind of thing (数码) is the steadiest sign of taste.
  category: 0.35,
  // The leaf (相机摄影 rather than 耳机音箱) separates people within a category.
  subcategory: 0.15,
  // The same brand again (索尼, 富士) is a strong but narrow sign.
  brand: 0.1,
  // What people pay for second-hand stays within a band (a ¥300 lens buyer is not a ¥6,000 body
  // buyer). Counted only as far as the category is theirs: the right price for the wrong thing
  // is no match.
  price: 0.3,
  // A title containing a word the person searched for (a model, a brand) answers that search.
  keyword: 0.1,
} as const

/** How much each term weighs in the final score. */
export const SCORE_WEIGHTS = {
  // The profile, scaled by its confidence: it decides once the person has a history.
  interest: 1,
  // Second-hand goods go fast: a new listing is more likely still there and still negotiable.
  freshness: 0.2,
  // What neighbours open and 想要 (the cold start for guests and new users).
  popularity: 0.2,
  // Face-to-face trading is the point of 邻圈: closer is easier, when we know where the viewer is.
  nearby: 0.15,
  // A listing in one of the viewer's 小区/学校 circles comes from a neighbour they chose.
  community: 0.1,
  // A seller the viewer follows is one they chose to hear from.
  followed: 0.15,
} as const

/** A price in the next band up or down gets this share of its credit: prices sit near edges. */
export const NEIGHBOUR_BAND = 0.25
/** Freshness halves every three days after a publish or 擦亮. */
export const FRESHNESS_HALF_LIFE_MS = 3 * DAY
/** A 想要 counts as this many views of interest when measuring popularity. */
export const WANT_AS_VIEWS = 3
/** Popularity is half-way at this many view-equivalents, and saturates after. */
export const POPULARITY_HALF = 10
/** Nearby is half-way at this distance. */
export const NEARBY_HALF_KM = 3
/**
 * Already seen: no longer news, so it keeps its match to the person's taste (people come back to
 * compare) but loses part of the freshness and popularity that put new things in front of them.
 * Something marked 想要 sits in their 想要 list already, so it loses all of it.
 */
export const SEEN_FACTOR = { viewed: 0.5, wanted: 0 } as const

export interface ScoreParts {
  interest: number
  freshness: number
  popularity: number
  nearby: number
  community: number
  followed: number
  /** What is left of freshness and popularity after having seen it (1 when not seen). */
  seen: number
}

/** A key's share against the largest share: the favourite is 1, the rest in proportion. */
const affinity = (m: Record<string, number>, key: string | null) => {
  const top = Math.max(0, ...Object.values(m))
  return key && top > 0 ? (m[key] ?? 0) / top : 0
}

/**
 * The price band's share among what the person saw in this category (among everything when the
 * category is new to them), with some credit for each neighbouring band.
 */
const priceAffinity = (profile: InterestProfile, category: string, priceFen: number) => {
  const bands = profile.categoryPriceBands[category] ?? profile.priceBands
  const b = priceBand(priceFen)
  const at = (band: number) => affinity(bands, String(band))
  return Math.min(1, at(b) + NEIGHBOUR_BAND * (at(b - 1) + at(b + 1)))
}

/** How well a listing matches the profile, 0..1, before the profile's confidence. */
export const interestOf = (profile: InterestProfile, l: Rankable): number => {
  const title = l.title.toLowerCase()
  const keywordHit = profile.keywords.some((k) => title.includes(k)) ? 1 : 0
  const category = affinity(profile.categories, l.category)
  return (
    INTEREST_PARTS.category * category +
    INTEREST_PARTS.subcategory * affinity(profile.subcategories, l.subcategory) +
    INTEREST_PARTS.brand * affinity(profile.brands, brandOf(l.title)) +
    INTEREST_PARTS.price * category * priceAffinity(profile, l.category, l.priceFen) +
    INTEREST_PARTS.keyword * keywordHit
  )
}

/** Each term of a listing's score, so a ranking can be explained term by term. */
export const scoreParts = (profile: InterestProfile, l: Rankable, ctx: RankContext): ScoreParts => {
  const interested = l.favoriteCount * WANT_AS_VIEWS + l.viewCount
  const km = ctx.from ? distanceMeters(ctx.from, l.point) / 1000 : null
  return {
    interest: profile.confidence * interestOf(profile, l),
    freshness: 0.5 ** (Math.max(0, ctx.now - l.bumpedAt) / FRESHNESS_HALF_LIFE_MS),
    popularity: interested / (interested + POPULARITY_HALF),
    nearby: km === null ? 0 : 1 / (1 + km / NEARBY_HALF_KM),
    community: l.communityIds.some((c) => ctx.communityIds.includes(c)) ? 1 : 0,
    followed: profile.followedSellerIds.includes(l.sellerId) ? 1 : 0,
    seen: ctx.wantedIds.has(l.id)
      ? SEEN_FACTOR.wanted
      : ctx.viewedIds.has(l.id)
        ? SEEN_FACTOR.viewed
        : 1,
  }
}

/** The weighted sum of the terms, freshness and popularity scaled by the seen factor. */
export const scoreOf = (p: ScoreParts): number =>
  SCORE_WEIGHTS.interest * p.interest +
  p.seen * (SCORE_WEIGHTS.freshness * p.freshness + SCORE_WEIGHTS.popularity * p.popularity) +
  SCORE_WEIGHTS.nearby * p.nearby +
  SCORE_WEIGHTS.community * p.community +
  SCORE_WEIGHTS.followed * p.followed

export const scoreListing = (profile: InterestProfile, l: Rankable, ctx: RankContext): number =>
  scoreOf(scoreParts(profile, l, ctx))

/**
 * Candidates in score order, best first; equal scores newest id first, so the same inputs always
 * give the same order.
 */
export const rankByScore = <T extends Rankable>(
  profile: InterestProfile,
  candidates: T[],
  ctx: RankContext,
): T[] =>
  candidates
    .map((l) => ({ l, s: scoreListing(profile, l, ctx) }))
    .sort((a, b) => b.s - a.s || (a.l.id < b.l.id ? 1 : a.l.id > b.l.id ? -1 : 0))
    .map((x) => x.l)
