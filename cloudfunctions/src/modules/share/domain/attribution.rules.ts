import type { AttributionVoid, ChainLink } from './share.records'

export interface Attribution {
  /** Who a reward programme may credit, first sharer first; empty when void. */
  referrers: string[]
  voided: AttributionVoid | null
}

/**
 * The sharers of a chain with its loops erased, in order: a person met again cuts the chain back
 * to where they first were (A → B → A → C is A → C), so a second account passing a card back
 * and forth adds nobody.
 */
export const loopErased = (chain: readonly ChainLink[]): string[] => {
  const path: string[] = []
  for (const { sharerId } of chain) {
    const seen = path.indexOf(sharerId)
    if (seen >= 0) path.length = seen + 1
    else path.push(sharerId)
  }
  return path
}

/**
 * Who an order's chain credits. Nobody when the buyer shared it to themselves ('self'), when the
 * buyer is anywhere in the chain (a card they passed on came back to them: 'loop'), or when only
 * the seller shared it ('seller': selling one's own listing is no referral). The seller is never
 * credited; everyone else once, loops erased.
 */
export const attribute = (
  chain: readonly ChainLink[],
  buyerId: string,
  sellerId: string,
): Attribution => {
  if (chain.length === 0) return { referrers: [], voided: 'seller' }
  if (chain.at(-1)!.sharerId === buyerId) return { referrers: [], voided: 'self' }
  if (chain.some((l) => l.sharerId === buyerId)) return { referrers: [], voided: 'loop' }
  const referrers = loopErased(chain).filter((s) => s !== sellerId)
  return referrers.length ? { referrers, voided: null } : { referrers: [], voided: 'seller' }
}

/** Whether the order counts toward its share's orders in the seller's stats: the buyer did not bring themselves. */
export const countsForStats = (voided: AttributionVoid | null) =>
  voided !== 'self' && voided !== 'loop'
