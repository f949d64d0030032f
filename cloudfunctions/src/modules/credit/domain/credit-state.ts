/**
 * A user's credit state: the totals their events add up to, kept so that adding one event is a
 * small step (the incremental path) and folding all of them gives the same state (the full path).
 * Weights are stored scaled against the decay epoch and per other account, so the state does not
 * depend on the order the events arrive in, and trust weights are applied only when it is read.
 */

import type { CreditEventFacts } from './credit-event'
import { scaled, valueWeight } from './credit-formula'

/** How many trades (or reviews) of one pair are kept: past 100 the 1/k discount leaves ≤ 1% each. */
export const PAIR_KEEP = 100

export interface CreditState {
  verified: boolean
  onboarded: boolean
  /** Per buyer: the scaled value weight of each sale to them, largest first. */
  sold: Record<string, number[]>
  /** Per seller: each purchase from them, largest first. */
  bought: Record<string, number[]>
  /** Per reviewer: [stars, scaled weight] of each review they gave, best first. */
  reviews: Record<string, [number, number][]>
  /** Scaled sums. */
  late: number
  cancels: number
  disputes: number
  penalties: number
  chatAnswered: number
  chatAsked: number
}

export const emptyState = (): CreditState => ({
  verified: false,
  onboarded: false,
  sold: {},
  bought: {},
  reviews: {},
  late: 0,
  cancels: 0,
  disputes: 0,
  penalties: 0,
  chatAnswered: 0,
  chatAsked: 0,
})

/** Inserts into a list kept in descending order (by `before`), dropping what falls past PAIR_KEEP. */
const insertSorted = <T>(list: T[], item: T, before: (a: T, b: T) => boolean): void => {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (before(list[mid], item) || !before(item, list[mid])) lo = mid + 1
    else hi = mid
  }
  list.splice(lo, 0, item)
  if (list.length > PAIR_KEEP) list.length = PAIR_KEEP
}

const larger = (a: number, b: number) => a > b
const betterReview = (a: [number, number], b: [number, number]) =>
  a[0] > b[0] || (a[0] === b[0] && a[1] > b[1])

const partnerOf = (e: CreditEventFacts) => e.partnerId ?? 'unknown'

/** Adds one event to a state in place (the full path folds thousands without copying). */
export const addEvent = (state: CreditState, e: CreditEventFacts): void => {
  switch (e.kind) {
    case 'trade_sold':
    case 'trade_bought': {
      const side = state[e.kind === 'trade_sold' ? 'sold' : 'bought']
      const list = (side[partnerOf(e)] ??= [])
      insertSorted(list, scaled(valueWeight(e.amountFen ?? 0), e.at), larger)
      return
    }
    case 'review_received': {
      const stars = Math.max(1, Math.min(5, Math.round(e.stars ?? 0)))
      const list = (state.reviews[partnerOf(e)] ??= [])
      insertSorted(list, [stars, scaled(1, e.at)], betterReview)
      return
    }
    case 'late_shipment':
      state.late += scaled(1, e.at)
      return
    case 'seller_cancel':
      state.cancels += scaled(1, e.at)
      return
    case 'dispute_lost':
      state.disputes += scaled(e.share ?? 1, e.at)
      return
    case 'penalty':
      // Negative points undo a penalty an appeal overturned: dated as the penalty was, they
      // cancel it exactly (the score's penaltyFactor never lets the sum pay credit back).
      state.penalties += scaled(e.points ?? 0, e.at)
      return
    case 'chat_replies':
      state.chatAnswered += scaled(Math.max(0, e.answered ?? 0), e.at)
      state.chatAsked += scaled(Math.max(0, e.asked ?? 0), e.at)
      return
    case 'identity_verified':
      state.verified = true
      return
    case 'seller_onboarded':
      state.onboarded = true
      return
  }
}

/** The incremental path: one event added to a stored state (which is left as it was). */
export const applyEvent = (state: CreditState, e: CreditEventFacts): CreditState => {
  const next = structuredClone(state)
  addEvent(next, e)
  return next
}

/** The full path: every event of a user folded from nothing. */
export const foldEvents = (events: Iterable<CreditEventFacts>): CreditState => {
  const state = emptyState()
  for (const e of events) addEvent(state, e)
  return state
}

/** Σ list[k]/(k+1): the k-th trade between the same two accounts counts 1/k. */
export const pairDiscounted = (list: readonly number[]) =>
  list.reduce((sum, w, k) => sum + w / (k + 1), 0)
