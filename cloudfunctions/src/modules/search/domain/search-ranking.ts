/**
 * The relevance order of keyword search, as numbers: how much a listing's text answers the query,
 * then how fresh, near and well described it is. Pure, so every ListingSearch adapter ranks the
 * same way and the tests and bench:relevance read the same rule.
 */
import { DAY } from '@shared/domain/time'

/**
 * How strongly a listing holds an index term, by where the term comes from: title over
 * category and brand over description.
 */
export const TERM_WEIGHTS = {
  /** A whole word of the title: a jieba word, or a Latin or number run (AirPods, xt30, 2). */
  titleWord: 1,
  /** A group the title names: 耳机 and Apple for a title saying AirPods. */
  titleGroup: 0.9,
  /** A shorter word inside a title word: 耳机 in 蓝牙耳机. */
  titlePart: 0.8,
  /** A brand named in the description only. */
  brand: 0.75,
  /** The names of the listing's category and subcategory (耳机 for 数码 · 耳机音箱). */
  category: 0.7,
  /** One character of the title, for one-character searches (书). */
  titleChar: 0.5,
  /** Words and groups of the description. */
  description: 0.35,
} as const

/** Title, brand and category terms: relevance reads these matches first. */
export const STRONG_TERM_WEIGHT = 0.6

/** How a query word reaches a term: as typed, through the synonym table, as pinyin, or corrected. */
export const MATCH_WEIGHTS = {
  exact: 1,
  synonym: 0.95,
  pinyin: 0.8,
  correction: 0.75,
} as const

/** One query clause's alternatives and how well this listing holds the best of them. */
export interface ClauseMatch {
  alternatives: { token: string; weight: number }[]
}

/**
 * 0–1: the mean over the query's clauses of the best alternative the listing holds, each worth
 * its match weight times the listing's term weight. `termWeight` answers null for a term the
 * listing holds only where weights are not kept (its description).
 */
export const textScore = (
  clauses: ClauseMatch[],
  termWeight: (token: string) => number | null,
): number => {
  if (clauses.length === 0) return 0
  let sum = 0
  for (const c of clauses) {
    let best = 0
    for (const a of c.alternatives) {
      const w = termWeight(a.token) ?? TERM_WEIGHTS.description
      best = Math.max(best, a.weight * w)
    }
    sum += best
  }
  return sum / clauses.length
}

export const RANKING = {
  /** A listing's context (freshness, distance, quality, credit) moves its text score by ±20%. */
  textFloor: 0.6,
  /** A listing outside every category the query points to (苹果 the fruit, a case for 手机). */
  outsideCategory: 0.7,
  freshnessHalfLifeDays: 7,
  /** At this distance nearness is 0.5. */
  nearnessHalfKm: 3,
  weights: { freshness: 0.4, distance: 0.3, quality: 0.2, sellerCredit: 0.1 },
} as const

export interface RankSignals {
  /** From `textScore`. */
  text: number
  /** In a category the query points to (true), outside all of them (false), none named (null). */
  inQueryCategory: boolean | null
  /** Since the listing was published or last renewed (擦亮). */
  ageMs: number
  /** From the viewer, when the query had a point. */
  distanceMeters: number | null
  /** The listing quality score (shared/domain/listing-quality.ts), 0–100. */
  quality: number | null
  /**
   * Hook for the seller's credit, 0–1. No credit score exists yet (reviews and credit tiers are
   * still to come), so every listing passes null and the signal takes no part; when a score
   * exists, SearchDoc.sellerCredit carries it here with the weight above.
   */
  sellerCredit: number | null
}

/** 1 when just published, halving every week. */
export const freshness = (ageMs: number) =>
  0.5 ** (Math.max(0, ageMs) / (RANKING.freshnessHalfLifeDays * DAY))

/** 1 next door, 0.5 at 3 km, 0.25 at 9 km. */
export const nearness = (meters: number) =>
  1 / (1 + Math.max(0, meters) / 1000 / RANKING.nearnessHalfKm)

/**
 * The listing's place in relevance order: text × (0.6 + 0.4 × context), where context is the
 * weighted mean of the signals it has. Text dominates: the context moves a score between 60% and
 * 100% of its text, so a description-only match (at most 0.35) never passes a title match (at
 * least 0.9 × 0.95 × 0.7 × 0.6 = 0.36), while among title matches the fresh, near and well
 * described come first.
 */
export const rankScore = (s: RankSignals): number => {
  const text = s.text * (s.inQueryCategory === false ? RANKING.outsideCategory : 1)
  const { weights } = RANKING
  const parts: [number, number][] = [[weights.freshness, freshness(s.ageMs)]]
  if (s.distanceMeters !== null) parts.push([weights.distance, nearness(s.distanceMeters)])
  if (s.quality !== null) parts.push([weights.quality, Math.min(100, Math.max(0, s.quality)) / 100])
  if (s.sellerCredit !== null)
    parts.push([weights.sellerCredit, Math.min(1, Math.max(0, s.sellerCredit))])
  const total = parts.reduce((n, [w]) => n + w, 0)
  const context = parts.reduce((n, [w, v]) => n + w * v, 0) / total
  return text * (RANKING.textFloor + (1 - RANKING.textFloor) * context)
}
