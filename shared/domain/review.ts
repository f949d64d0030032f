/**
 * Reviews (评价) after a trade, as pure rules the server enforces and the form reads: who may rate
 * whom after which ending of an order, the windows, the tags each side may be given, and the
 * double-blind rule (neither party reads the other's review until both are in or the window closes).
 */

import type { TransitionName } from './order-process'
import { DAY } from './time'

/** A party of an order as a reviewer: the buyer rates the seller, the seller rates the buyer. */
export type ReviewParty = 'buyer' | 'seller'
export const REVIEW_PARTIES = ['buyer', 'seller'] as const satisfies readonly ReviewParty[]

export const otherParty = (p: ReviewParty): ReviewParty => (p === 'buyer' ? 'seller' : 'buyer')

export const REVIEW_LIMITS = {
  /** Both parties may rate each other for 7 days after the order completes. */
  windowMs: 7 * DAY,
  /** One 追评 within 30 days of completion. */
  followUpMs: 30 * DAY,
  /** A reminder goes out a day before the window closes, to whoever has not rated yet. */
  remindBeforeMs: DAY,
  starsMin: 1,
  starsMax: 5,
  tagsMax: 5,
  textMax: 500,
  replyMax: 300,
  photosMax: 6,
} as const

/**
 * The tags a review may carry, by the role of the one rated: what buyers say of sellers, what
 * sellers say of buyers (闲鱼's and 转转's usual words, the good ones first).
 */
export const REVIEW_TAGS = {
  seller: [
    '描述相符',
    '发货快',
    '沟通愉快',
    '爽快',
    '包装好',
    '物美价廉',
    '守时',
    '与描述不符',
    '发货慢',
    '回复慢',
  ],
  buyer: ['付款爽快', '沟通愉快', '守时', '收货及时', '好说话', '爽约', '沟通不畅'],
} as const satisfies Record<ReviewParty, readonly string[]>

export type ReviewTag = (typeof REVIEW_TAGS)[ReviewParty][number]
export const ALL_REVIEW_TAGS = [...new Set([...REVIEW_TAGS.seller, ...REVIEW_TAGS.buyer])] as [
  ReviewTag,
  ...ReviewTag[],
]

/** The party a reviewer rates: a buyer's review is about the seller, and the other way round. */
export const rateeOf = (by: ReviewParty): ReviewParty => otherParty(by)

/** The tags a review by `by` may carry (those of the party it rates). */
export const tagsFor = (by: ReviewParty): readonly string[] => REVIEW_TAGS[rateeOf(by)]

/** 好评 (4–5 stars), 中评 (3) or 差评 (1–2). */
export const ratingLevel = (stars: number): 'good' | 'neutral' | 'bad' =>
  stars >= 4 ? 'good' : stars === 3 ? 'neutral' : 'bad'

export const RATING_LABELS = { good: '好评', neutral: '中评', bad: '差评' } as const

/** The times a review window runs by, all counted from the order's completion. */
export const reviewDeadlines = (completedAt: number) => ({
  closesAt: completedAt + REVIEW_LIMITS.windowMs,
  remindAt: completedAt + REVIEW_LIMITS.windowMs - REVIEW_LIMITS.remindBeforeMs,
  followUpUntil: completedAt + REVIEW_LIMITS.followUpMs,
})

/** Who may review after each way a dispute ends (the operator's decisions of order-process.ts). */
export const DISPUTE_OUTCOMES = {
  resolveRelease: ['buyer', 'seller'],
  resolvePartial: ['buyer', 'seller'],
  resolveRefund: ['buyer'],
  // The community jury's verdicts weigh as the platform's; a settlement the parties agreed
  // keeps the trade standing when money reached the seller.
  juryRelease: ['buyer', 'seller'],
  juryRefund: ['buyer'],
  settleRelease: ['buyer', 'seller'],
  settlePartial: ['buyer', 'seller'],
} as const satisfies Partial<Record<TransitionName, readonly ReviewParty[]>>

const isOutcome = (t: string): t is keyof typeof DISPUTE_OUTCOMES =>
  Object.hasOwn(DISPUTE_OUTCOMES, t)

/** Outcomes after which the order goes on to complete: its window opens at completion. */
const COMPLETING_OUTCOMES = new Set<string>([
  'resolveRelease',
  'resolvePartial',
  'juryRelease',
  'settleRelease',
  'settlePartial',
])

/**
 * Who may review an order that has just ended with `ended` (the transition that ended it), given
 * the steps of its history (its timeline, `ended` included). Reviews come from completed escrow orders; an order that went
 * through a dispute gives reviews only as the dispute's outcome allows:
 * - completed without a dispute: both parties;
 * - completed after the platform found for the seller (resolveRelease) or split it
 *   (resolvePartial): the trade stood, both parties;
 * - refunded because the platform found for the buyer (resolveRefund): the buyer alone, so others
 *   hear what went wrong and the seller who lost cannot answer with a revenge rating;
 * - every other refund, cancellation or closing: nobody (no trade took place).
 * The jury's verdicts (juryRefund / juryRelease) and agreed settlements are outcomes too.
 */
export const reviewersAfter = (ended: string, history: readonly string[]): ReviewParty[] => {
  if (ended === 'complete') {
    const decided = [...history].reverse().find(isOutcome)
    return decided ? [...DISPUTE_OUTCOMES[decided]] : ['buyer', 'seller']
  }
  return isOutcome(ended) && !COMPLETING_OUTCOMES.has(ended) ? [...DISPUTE_OUTCOMES[ended]] : []
}

/** A review as far as the blind rule cares: whose it is and whether it was published. */
export interface BlindReview {
  by: ReviewParty
  published: boolean
}

/** The double-blind rule: a party reads their own review always, the other's once it is published. */
export const mayRead = (review: BlindReview, viewer: ReviewParty) =>
  review.by === viewer || review.published

/**
 * Whether a window's reviews are published now: when every party who may review has submitted,
 * or when the window has closed (then whatever exists is published, and nothing when none is in).
 */
export const revealDue = (
  w: { closesAt: number; reviewers: readonly ReviewParty[] },
  submitted: readonly ReviewParty[],
  now: number,
) => now >= w.closesAt || w.reviewers.every((p) => submitted.includes(p))
