/**
 * The credit formula (信用分): every weight, and why it is what it is, in one place.
 *
 *   score = clamp(BASE + Σ factor points, 350, 950)
 *
 * A new account stands at BASE (560, the middle of 中等). The positive factors together reach at
 * most +390, so a perfect record is exactly 950 and the top is never clipped: any bad event moves
 * a score that is above the floor. Every event decays with a half-life of 180 days: credit says
 * how someone behaves now, and an old mistake fades rather than staying for ever.
 *
 * Each factor below is a pure function of already-weighted totals (see credit-score.ts for how
 * events become totals: time decay, the pair discount, the trust of the other account).
 *
 * Anti-manipulation lives in the weights of the totals, not here:
 * - the k-th trade (or review) between the same two accounts counts 1/k;
 * - a trade counts by the other account's trust (personalised PageRank from long-standing,
 *   dispute-free accounts: trust-graph.ts), so a closed ring creates none;
 * - inside an account's trading circle (partners who also trade with each other) trades count
 *   (1 − the circle's share of the account's trades);
 * - accounts known to share a payment identity or device count nothing for each other;
 * - orders under ¥100 count in proportion to their value (a ¥1 order is 1% of one).
 */

import {
  CREDIT_SCORE_MAX,
  CREDIT_SCORE_MIN,
  CREDIT_SCORE_START,
} from '@shared/domain/credit/credit-tiers'
import { DAY, HOUR } from '@shared/domain/time'

export const BASE = CREDIT_SCORE_START
export const SCORE_MIN = CREDIT_SCORE_MIN
export const SCORE_MAX = CREDIT_SCORE_MAX

/** Half of an event's weight is gone after 180 days (issue 14). */
export const HALF_LIFE_MS = 180 * DAY
/**
 * Decayed weights are stored against a fixed epoch (w·2^((t−EPOCH)/H)), so adding an event never
 * rescales the others and a total is the same whatever the order of the events.
 */
export const DECAY_EPOCH = Date.UTC(2025, 0, 1)

/** A shipment (or handover, or service) later than this after payment is 发货超时. */
export const LATE_SHIPMENT_MS = 48 * HOUR

export const WEIGHTS = {
  /** WeChat Pay's real-name check passed: a real person answers for the account. */
  identityPoints: 20,
  /** 开通收款 finished: the seller can be paid, and so held to account, through escrow. */
  onboardedPoints: 20,
  /** Age alone proves little (an idle old account): at most 40, full after two years. */
  agePoints: 40,
  ageFullDays: 730,
  /** Selling is where trust matters most to others: up to 120, saturating (10 effective trades ≈ 63%). */
  sellPoints: 120,
  sellScale: 10,
  /** Buying carries less risk for the other side (the money is in escrow): up to 50. */
  buyPoints: 50,
  buyScale: 10,
  /**
   * Ratings: a Bayesian average with 8 prior reviews at 4.5★, so three 5★ (4.64) stay below
   * three hundred 4.9★ (4.89). Above the prior each 0.1★ is worth 22 points (5.0★ = +110);
   * below it 15 points, down to −300.
   */
  ratingPrior: 4.5,
  ratingPriorCount: 8,
  ratingUpPerStar: 220,
  ratingDownPerStar: 150,
  ratingFloor: -300,
  /**
   * Late shipments and seller-caused cancellations as a rate with a prior of 5 clean trades, so
   * one late parcel costs a new seller more than one in a hundred costs a big seller.
   */
  latePoints: 100,
  cancelPoints: 150,
  rateprior: 5,
  /** A lost dispute: 70 points each, never capped, so each one always lowers the score. */
  disputePoints: 70,
  /** Chat: Bayesian reply rate with 5 prior chats at 80%; 100% gives +30, the floor is −60. */
  chatPoints: 30,
  chatPrior: 0.8,
  chatPriorCount: 5,
  chatFloor: -60,
  /** A trade partner the trust graph has not seen yet (until the next full run) counts 30%. */
  unknownPartnerWeight: 0.3,
} as const

/** How much one order counts by its value: ¥100 and up counts one (more for dearer, at most 2). */
export const valueWeight = (amountFen: number): number => {
  if (amountFen <= 0) return 0
  if (amountFen < 10_000) return amountFen / 10_000
  return Math.min(2, 1 + 0.5 * Math.log10(amountFen / 10_000))
}

/** A weight at time t against the epoch (its decay is applied once, when the score is read). */
export const scaled = (weight: number, at: number) =>
  weight * 2 ** ((at - DECAY_EPOCH) / HALF_LIFE_MS)

/** What a stored (scaled) weight is worth at `now`. */
export const decayAt = (now: number) => 2 ** (-(now - DECAY_EPOCH) / HALF_LIFE_MS)

const saturating = (max: number, scale: number, amount: number) =>
  max * (1 - Math.exp(-Math.max(0, amount) / scale))

// ---- the factors: each a pure function of its totals -------------------------------------------

export const identityFactor = (verified: boolean, onboarded: boolean) =>
  (verified ? WEIGHTS.identityPoints : 0) + (onboarded ? WEIGHTS.onboardedPoints : 0)

export const accountAgeFactor = (createdAt: number, now: number) =>
  WEIGHTS.agePoints *
  Math.sqrt(Math.min(1, Math.max(0, now - createdAt) / DAY / WEIGHTS.ageFullDays))

/** Effective trades as a seller (decayed, pair-discounted, trust-weighted, value-weighted). */
export const sellingFactor = (effectiveTrades: number) =>
  saturating(WEIGHTS.sellPoints, WEIGHTS.sellScale, effectiveTrades)

export const buyingFactor = (effectiveTrades: number) =>
  saturating(WEIGHTS.buyPoints, WEIGHTS.buyScale, effectiveTrades)

/** The Bayesian average of weighted stars. */
export const bayesianStars = (weightedStars: number, weight: number) =>
  (WEIGHTS.ratingPrior * WEIGHTS.ratingPriorCount + weightedStars) /
  (WEIGHTS.ratingPriorCount + weight)

export const ratingsFactor = (weightedStars: number, weight: number) => {
  const diff = bayesianStars(weightedStars, weight) - WEIGHTS.ratingPrior
  return diff >= 0
    ? diff * WEIGHTS.ratingUpPerStar
    : Math.max(WEIGHTS.ratingFloor, diff * WEIGHTS.ratingDownPerStar)
}

/** bad / (bad + clean + prior): more clean trades dilute it, each bad one raises it. */
const badRate = (bad: number, clean: number) =>
  bad <= 0 ? 0 : bad / (bad + Math.max(0, clean) + WEIGHTS.rateprior)

export const lateShipmentFactor = (late: number, effectiveSold: number) =>
  -WEIGHTS.latePoints * badRate(late, effectiveSold)

export const sellerCancelFactor = (cancels: number, effectiveSold: number) =>
  -WEIGHTS.cancelPoints * badRate(cancels, effectiveSold)

export const disputeFactor = (disputesLost: number) => -WEIGHTS.disputePoints * disputesLost

export const chatFactor = (answered: number, asked: number) => {
  const rate =
    (answered + WEIGHTS.chatPrior * WEIGHTS.chatPriorCount) / (asked + WEIGHTS.chatPriorCount)
  const points = (WEIGHTS.chatPoints * (rate - WEIGHTS.chatPrior)) / (1 - WEIGHTS.chatPrior)
  return Math.max(WEIGHTS.chatFloor, Math.min(WEIGHTS.chatPoints, points))
}

export const penaltyFactor = (points: number) => -Math.max(0, points)

export const clampScore = (raw: number) => Math.max(SCORE_MIN, Math.min(SCORE_MAX, Math.round(raw)))
