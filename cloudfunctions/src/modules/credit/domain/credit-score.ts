/**
 * Reading a score: a user's state, weighted by what the trust graph says of each other account,
 * decayed to `now`, through the factors of credit-formula.ts. Pure: the production use cases and
 * the benchmark call this same function.
 */

import { tierOfScore, type CreditTierKey } from '@shared/domain/credit/credit-tiers'
import {
  BASE,
  WEIGHTS,
  accountAgeFactor,
  bayesianStars,
  buyingFactor,
  chatFactor,
  clampScore,
  decayAt,
  disputeFactor,
  identityFactor,
  lateShipmentFactor,
  penaltyFactor,
  ratingsFactor,
  sellerCancelFactor,
  sellingFactor,
} from './credit-formula'
import { pairDiscounted, type CreditState } from './credit-state'

/**
 * What the last full run of the trust graph says about one user's partners: how much each one's
 * trades and reviews count for this user (their trust × this user's circle discount × 0 for a
 * shared identity). Partners it has not seen count WEIGHTS.unknownPartnerWeight.
 */
export interface PartnerWeights {
  partners: Record<string, number>
}

export const NO_GRAPH: PartnerWeights = { partners: {} }

export const CREDIT_FACTOR_KEYS = [
  'identity',
  'age',
  'selling',
  'buying',
  'ratings',
  'disputes',
  'cancellations',
  'lateShipments',
  'chat',
  'penalties',
] as const
export type CreditFactorKey = (typeof CREDIT_FACTOR_KEYS)[number]

export interface CreditBreakdown {
  score: number
  tier: CreditTierKey
  /** Unrounded points per factor. */
  points: Record<CreditFactorKey, number>
  totals: {
    effectiveSold: number
    effectiveBought: number
    ratingWeight: number
    bayesianStars: number
    disputes: number
    late: number
    cancels: number
    verified: boolean
    onboarded: boolean
    ageDays: number
  }
  /** What strangers may see: trades and reviews with accounts that count (weight ≥ 0.5). */
  public: { trades: number; reviews: number; goodReviews: number }
}

const weightOf = (graph: PartnerWeights, partner: string) =>
  graph.partners[partner] ?? WEIGHTS.unknownPartnerWeight

/** Public counts include partners that count at least this much, and those not yet graphed. */
const COUNTS = 0.5
const counts = (graph: PartnerWeights, partner: string) =>
  graph.partners[partner] === undefined || graph.partners[partner] >= COUNTS

export const scoreOf = (
  state: CreditState,
  ctx: { createdAt: number; now: number; graph: PartnerWeights },
): CreditBreakdown => {
  const d = decayAt(ctx.now)
  let effectiveSold = 0
  let effectiveBought = 0
  let trades = 0
  for (const [partner, list] of Object.entries(state.sold)) {
    const w = weightOf(ctx.graph, partner)
    effectiveSold += w * pairDiscounted(list) * d
    if (counts(ctx.graph, partner)) trades += list.length
  }
  for (const [partner, list] of Object.entries(state.bought)) {
    const w = weightOf(ctx.graph, partner)
    effectiveBought += w * pairDiscounted(list) * d
    if (counts(ctx.graph, partner)) trades += list.length
  }
  let starSum = 0
  let ratingWeight = 0
  let reviews = 0
  let goodReviews = 0
  for (const [partner, list] of Object.entries(state.reviews)) {
    const w = weightOf(ctx.graph, partner)
    list.forEach(([stars, scaledWeight], k) => {
      const weight = (w * scaledWeight * d) / (k + 1)
      starSum += stars * weight
      ratingWeight += weight
    })
    if (counts(ctx.graph, partner)) {
      reviews += list.length
      goodReviews += list.filter(([stars]) => stars >= 4).length
    }
  }
  const disputes = state.disputes * d
  const late = state.late * d
  const cancels = state.cancels * d
  const points: Record<CreditFactorKey, number> = {
    identity: identityFactor(state.verified, state.onboarded),
    age: accountAgeFactor(ctx.createdAt, ctx.now),
    selling: sellingFactor(effectiveSold),
    buying: buyingFactor(effectiveBought),
    ratings: ratingsFactor(starSum, ratingWeight),
    disputes: disputeFactor(disputes),
    cancellations: sellerCancelFactor(cancels, effectiveSold),
    lateShipments: lateShipmentFactor(late, effectiveSold),
    chat: chatFactor(state.chatAnswered * d, state.chatAsked * d),
    penalties: penaltyFactor(state.penalties * d),
  }
  const score = clampScore(BASE + Object.values(points).reduce((a, b) => a + b, 0))
  return {
    score,
    tier: tierOfScore(score).key,
    points,
    totals: {
      effectiveSold,
      effectiveBought,
      ratingWeight,
      bayesianStars: bayesianStars(starSum, ratingWeight),
      disputes,
      late,
      cancels,
      verified: state.verified,
      onboarded: state.onboarded,
      ageDays: Math.floor(Math.max(0, ctx.now - ctx.createdAt) / 86_400_000),
    },
    public: { trades, reviews, goodReviews },
  }
}
