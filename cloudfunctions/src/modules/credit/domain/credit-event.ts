/**
 * What changes someone's credit: one event per fact, keyed by its source (an order, a review, an
 * onboarding), so a replayed hook or a re-run timer records it once. Every event is a link of the
 * user's hash chain (shared/domain/credit/credit-evidence.ts), so its fields are plain JSON.
 */

export const CREDIT_EVENT_KINDS = [
  'trade_sold',
  'trade_bought',
  'review_received',
  'dispute_lost',
  'seller_cancel',
  'late_shipment',
  'identity_verified',
  'seller_onboarded',
  'chat_replies',
  'penalty',
] as const
export type CreditEventKind = (typeof CREDIT_EVENT_KINDS)[number]

/** The facts of one event (what is hashed, with the user id and the chain's seq). */
export interface CreditEventFacts {
  kind: CreditEventKind
  /** What it came from (order id, review id…): with kind and user it is the idempotency key. */
  sourceId: string
  at: number
  /** The other account of a trade or review (for pair and circle discounts). */
  partnerId?: string
  /** trade_*: what was paid, in fen. */
  amountFen?: number
  /** review_received: 1–5. */
  stars?: number
  /** dispute_lost: 1 for a full loss, 0.5 when the operator split the money. */
  share?: number
  /** penalty: points taken off (issue 15's moderation uses this input); chat_replies: counts. */
  points?: number
  answered?: number
  asked?: number
  /** penalty: why, in the words the user sees. */
  reason?: string
}

/** The idempotency key of an event of a user: the same source never counts twice. */
export const creditEventKey = (userId: string, kind: CreditEventKind, sourceId: string) =>
  `${userId}:${kind}:${sourceId}`
