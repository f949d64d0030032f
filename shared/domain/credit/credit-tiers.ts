/**
 * Credit tiers (信用等级) and what each one changes: the one table that listings, checkout and
 * payouts read (through the CreditTiers port on the server) and the 信用 page shows.
 */

import { DAY } from '../time'

export const CREDIT_SCORE_MIN = 350
export const CREDIT_SCORE_MAX = 950
/** Where a new account stands: the middle of 中等, with room both ways. */
export const CREDIT_SCORE_START = 560

export const CREDIT_TIER_KEYS = ['excellent', 'great', 'good', 'fair', 'poor'] as const
export type CreditTierKey = (typeof CREDIT_TIER_KEYS)[number]

export interface CreditTier {
  key: CreditTierKey
  label: '极好' | '优秀' | '良好' | '中等' | '较差'
  /** The lowest score in the tier. */
  minScore: number
  /** The badge on cards, the listing page and the storefront; high tiers only. */
  badge: string | null
  /** Listings the seller may have on sale (active) at once. */
  liveListingCap: number
  /** The commission rate as a share of the normal rate, in percent (50 = half price). */
  commissionPercent: number
  /** Extra time the money waits after the buyer confirms before it is released to the seller. */
  payoutHoldMs: number
}

/** Highest first: the first tier whose minScore a score reaches is its tier. */
export const CREDIT_TIERS: readonly CreditTier[] = [
  {
    key: 'excellent',
    label: '极好',
    minScore: 800,
    badge: '信用极好',
    liveListingCap: 300,
    commissionPercent: 50,
    payoutHoldMs: 0,
  },
  {
    key: 'great',
    label: '优秀',
    minScore: 700,
    badge: '信用优秀',
    liveListingCap: 150,
    commissionPercent: 100,
    payoutHoldMs: 0,
  },
  {
    key: 'good',
    label: '良好',
    minScore: 620,
    badge: null,
    liveListingCap: 80,
    commissionPercent: 100,
    payoutHoldMs: 0,
  },
  {
    key: 'fair',
    label: '中等',
    minScore: 520,
    badge: null,
    liveListingCap: 50,
    commissionPercent: 100,
    payoutHoldMs: 0,
  },
  {
    key: 'poor',
    label: '较差',
    minScore: CREDIT_SCORE_MIN,
    badge: null,
    liveListingCap: 10,
    commissionPercent: 100,
    payoutHoldMs: 7 * DAY,
  },
]

export const tierByKey = (key: CreditTierKey): CreditTier =>
  CREDIT_TIERS.find((t) => t.key === key)!

export const tierOfScore = (score: number): CreditTier =>
  CREDIT_TIERS.find((t) => score >= t.minScore) ?? CREDIT_TIERS[CREDIT_TIERS.length - 1]

/** Where an account without any credit record stands: 中等. */
export const START_TIER = tierOfScore(CREDIT_SCORE_START)

/** How high a tier stands: 较差 0 … 极好 4 (a tier lift is a difference of these). */
export const tierRank = (key: CreditTierKey) =>
  CREDIT_TIER_KEYS.length - 1 - CREDIT_TIER_KEYS.indexOf(key)

/** The privileges and limits of a tier in plain Chinese (the 信用 page lists them). */
export const privilegesOf = (tier: CreditTier): string[] => {
  const lines = [`最多同时在售 ${tier.liveListingCap} 件宝贝`]
  if (tier.badge) lines.push(`商品卡片、宝贝详情和店铺显示「${tier.badge}」标识`)
  if (tier.commissionPercent < 100)
    lines.push(`平台服务费 ${tier.commissionPercent / 10} 折（下单时按当时等级锁定）`)
  if (tier.payoutHoldMs > 0)
    lines.push(`买家确认收货后，货款多等待 ${tier.payoutHoldMs / DAY} 天再结算到账`)
  else lines.push('买家确认收货后货款立即结算')
  return lines
}
