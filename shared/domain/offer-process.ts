/**
 * The offer process (议价): one graph of states and transitions, each with the actor allowed to take
 * it. Modelled on Sharetribe's negotiation process: the buyer proposes a price, the seller accepts,
 * declines or counters, the buyer may counter back; an accepted offer lets that buyer check out at
 * the agreed price for a while. The backend enforces it with compare-and-set updates; the client
 * only reads it to choose buttons.
 */

import { DAY } from './time'

export const OFFER_STATES = [
  'awaiting_seller',
  'awaiting_buyer',
  'accepted',
  'declined',
  'withdrawn',
  'expired',
  'used',
] as const
export type OfferState = (typeof OFFER_STATES)[number]

export type OfferActor = 'buyer' | 'seller' | 'system'
/** Who proposed the price on the table. */
export type OfferParty = 'buyer' | 'seller'

/** An awaiting offer expires this long after its last move. */
export const OFFER_TTL_MS = DAY
/** An accepted offer may be checked out at the agreed price this long after the acceptance. */
export const CHECKOUT_WINDOW_MS = DAY

interface OfferTransitionSpec {
  name: string
  /** null: there is no offer yet (make starts one). */
  from: readonly (OfferState | null)[]
  to: OfferState
  actor: OfferActor
  /** The move puts a new price on the table. */
  prices?: true
  says: string
}

export const OFFER_TRANSITIONS = [
  {
    name: 'make',
    from: [null],
    to: 'awaiting_seller',
    actor: 'buyer',
    prices: true,
    says: 'The buyer offers a price below the listed one; the seller is to answer.',
  },
  {
    name: 'accept',
    from: ['awaiting_seller'],
    to: 'accepted',
    actor: 'seller',
    says: "The seller accepts the buyer's price.",
  },
  {
    name: 'accept',
    from: ['awaiting_buyer'],
    to: 'accepted',
    actor: 'buyer',
    says: "The buyer accepts the seller's counter.",
  },
  {
    name: 'decline',
    from: ['awaiting_seller'],
    to: 'declined',
    actor: 'seller',
    says: "The seller declines the buyer's price.",
  },
  {
    name: 'decline',
    from: ['awaiting_seller'],
    to: 'declined',
    actor: 'system',
    says: "The price is below the seller's floor: declined at once, the floor never shown.",
  },
  {
    name: 'decline',
    from: ['awaiting_buyer'],
    to: 'declined',
    actor: 'buyer',
    says: "The buyer declines the seller's counter.",
  },
  {
    name: 'counter',
    from: ['awaiting_seller'],
    to: 'awaiting_buyer',
    actor: 'seller',
    prices: true,
    says: 'The seller proposes another price; the buyer is to answer.',
  },
  {
    name: 'counter',
    from: ['awaiting_buyer'],
    to: 'awaiting_seller',
    actor: 'buyer',
    prices: true,
    says: 'The buyer proposes another price back; the seller is to answer.',
  },
  {
    name: 'withdraw',
    from: ['awaiting_seller', 'awaiting_buyer'],
    to: 'withdrawn',
    actor: 'buyer',
    says: 'The buyer takes the offer back before it is accepted.',
  },
  {
    name: 'expire',
    from: ['awaiting_seller', 'awaiting_buyer'],
    to: 'expired',
    actor: 'system',
    says: 'Nobody answered within 24 hours of the last move.',
  },
  {
    name: 'lapse',
    from: ['accepted'],
    to: 'expired',
    actor: 'system',
    says: 'The buyer did not check out and pay within 24 hours of the acceptance.',
  },
  {
    name: 'use',
    // An order checked out before the deadline may be paid after the lapse (its 15 minutes to pay,
    // a late notification): the money was taken at the agreed price, so the offer is used all the same.
    from: ['accepted', 'expired'],
    to: 'used',
    actor: 'system',
    says: 'The order made at the agreed price is paid: the offer is spent.',
  },
] as const satisfies readonly OfferTransitionSpec[]

export type OfferTransitionName = (typeof OFFER_TRANSITIONS)[number]['name']
export type OfferTransition = OfferTransitionSpec & { name: OfferTransitionName }

const specs = OFFER_TRANSITIONS as readonly OfferTransition[]

/** The transition `actor` would take by `name` from `state`, if the graph has one. */
export const offerTransition = (
  name: OfferTransitionName,
  state: OfferState | null,
  actor: OfferActor,
): OfferTransition | null =>
  specs.find((t) => t.name === name && t.actor === actor && t.from.includes(state)) ?? null

/** Where `actor` taking `name` from `state` leads (`state` null: no offer yet); null if they may not. */
export const offerStep = (
  name: OfferTransitionName,
  state: OfferState | null,
  actor: OfferActor,
): OfferState | null => offerTransition(name, state, actor)?.to ?? null

/** Whether the graph lets `actor` take `name` from any state at all (else: not theirs to take). */
export const isOfferActionOf = (name: OfferTransitionName, actor: OfferActor): boolean =>
  specs.some((t) => t.name === name && t.actor === actor)

/** The moves a party may make now: exactly the buttons the offer card shows them. */
export const offerActionsFor = (state: OfferState, actor: OfferParty): OfferTransitionName[] => [
  ...new Set(specs.filter((t) => t.actor === actor && t.from.includes(state)).map((t) => t.name)),
]

/** A live offer holds the buyer's one slot on the listing: it is awaiting an answer, or accepted and unspent. */
export const isLiveOffer = (state: OfferState): boolean =>
  state === 'awaiting_seller' || state === 'awaiting_buyer' || state === 'accepted'

/**
 * The timer that runs for an offer entering `state` at `at`: the expiry of an awaiting offer, the
 * checkout deadline of an accepted one; null once it is over.
 */
export const offerDueAt = (state: OfferState, at: number): number | null =>
  state === 'accepted'
    ? at + CHECKOUT_WINDOW_MS
    : state === 'awaiting_seller' || state === 'awaiting_buyer'
      ? at + OFFER_TTL_MS
      : null

/** Which system transition a due offer takes: expire while awaiting, lapse once accepted. */
export const offerTimerOf = (state: OfferState): 'expire' | 'lapse' | null =>
  state === 'accepted'
    ? 'lapse'
    : state === 'awaiting_seller' || state === 'awaiting_buyer'
      ? 'expire'
      : null
