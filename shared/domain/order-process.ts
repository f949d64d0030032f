/**
 * The order process: one graph of states and transitions, each with the actor allowed to take it,
 * the money it moves, and the fulfilment it applies to. The backend enforces it with
 * compare-and-set updates; the client only reads it to choose buttons. Modelled on Sharetribe's
 * purchase process, with escrow through WeChat Pay 平台收付通 (ARCHITECTURE.md §5–6).
 */

import { DAY, MINUTE } from './time'

/** How the item reaches the buyer. */
export type Fulfilment = 'courier' | 'meetup' | 'service'

export const ORDER_STATES = [
  'pending_payment',
  'closed',
  'paid',
  'shipped',
  'delivered',
  'received',
  'completed',
  'refund_requested',
  'returning',
  'disputed',
  'refunded',
  'compensating',
  'compensated',
] as const
export type OrderState = (typeof ORDER_STATES)[number]

export type Actor = 'buyer' | 'seller' | 'operator' | 'system'

/** What a transition does with the money held at the seller's WeChat Pay sub-merchant. */
export type MoneyAction =
  | 'none'
  | 'capture' // the payment notification: money frozen at the seller's merchant
  | 'close_payment' // unpaid order closed: nothing was taken
  | 'refund_full' // back to the buyer before release
  | 'refund_partial' // part back to the buyer, the rest released (operator)
  | 'release' // profit sharing takes the commission, the rest unfreezes to the seller
  | 'compensate' // after release: the guarantee fund pays the buyer, a claim on the seller

/**
 * What a guard may look at besides the state: facts about the order that the graph's states do
 * not carry. Every field is derived from the stored order (see `orderFacts` on the backend).
 */
export interface OrderFacts {
  /** What the buyer asked for after shipment, if anything. */
  refundType: 'refund_only' | 'return' | null
  /** 退货退款: the buyer has sent the item back (a waybill, or a booked courier collected it). */
  returnSent: boolean
  /** The courier reported the return's 签收. */
  returnDelivered: boolean
  /** The release to the seller went through at WeChat Pay. */
  released: boolean
  /** A 上门取件 booking is running for the seller's parcel / for the buyer's return (not collected, cancelled or failed). */
  outboundPickupActive: boolean
  returnPickupActive: boolean
}

/** Conditions a transition or step needs beyond its states; each is one pure rule. */
export const GUARDS = {
  refundOnly: {
    says: 'The buyer asked for 仅退款.',
    holds: (f: OrderFacts) => f.refundType !== 'return',
  },
  returnAsked: {
    says: 'The buyer asked for 退货退款.',
    holds: (f: OrderFacts) => f.refundType === 'return',
  },
  returnSent: {
    says: 'The return is on its way or arrived.',
    holds: (f: OrderFacts) => f.returnSent,
  },
  returnDue: {
    says: 'A return was agreed and has not been sent.',
    holds: (f: OrderFacts) => f.refundType === 'return' && !f.returnSent,
  },
  returnInTransit: {
    says: 'The return was sent and no 签收 was reported.',
    holds: (f: OrderFacts) => f.returnSent && !f.returnDelivered,
  },
  returnDelivered: {
    says: "The courier reported the return's 签收.",
    holds: (f: OrderFacts) => f.returnDelivered,
  },
  released: {
    says: 'The money reached the seller (先行赔付 comes after release).',
    holds: (f: OrderFacts) => f.released,
  },
  noOutboundPickup: {
    says: 'No courier is booked for the parcel (a booked one stands in for the waybill).',
    holds: (f: OrderFacts) => !f.outboundPickupActive,
  },
  outboundPickup: {
    says: 'A courier is booked for the parcel.',
    holds: (f: OrderFacts) => f.outboundPickupActive,
  },
  returnDueNoPickup: {
    says: 'A return is due and no courier is booked for it.',
    holds: (f: OrderFacts) => f.refundType === 'return' && !f.returnSent && !f.returnPickupActive,
  },
  returnPickup: {
    says: 'A courier is booked for the return.',
    holds: (f: OrderFacts) => f.returnPickupActive,
  },
  returnNotSent: {
    says: 'Nothing has been sent back yet (a return can still be agreed).',
    holds: (f: OrderFacts) => !f.returnSent,
  },
} as const
export type GuardName = keyof typeof GUARDS

interface TransitionSpec {
  name: string
  from: readonly OrderState[]
  to: OrderState
  actor: Actor
  money: MoneyAction
  /** Fulfilments this transition applies to; all when absent. */
  only?: readonly Fulfilment[]
  /** A condition beyond the state (GUARDS); none when absent. */
  guard?: GuardName
  /** One sentence for people reading the graph. */
  says: string
}

export const TRANSITIONS = [
  {
    name: 'pay',
    from: ['pending_payment'],
    to: 'paid',
    actor: 'system',
    money: 'capture',
    says: 'WeChat Pay confirms the payment; the money is frozen at the seller.',
  },
  {
    name: 'cancelUnpaid',
    from: ['pending_payment'],
    to: 'closed',
    actor: 'buyer',
    money: 'close_payment',
    says: 'The buyer gives up before paying; the listing is free again.',
  },
  {
    name: 'expire',
    from: ['pending_payment'],
    to: 'closed',
    actor: 'system',
    money: 'close_payment',
    says: 'Nobody paid within 15 minutes: the payment is closed and the listing released.',
  },
  {
    name: 'ship',
    from: ['paid'],
    to: 'shipped',
    actor: 'seller',
    money: 'none',
    only: ['courier'],
    guard: 'noOutboundPickup',
    says: 'The seller hands the parcel to a courier.',
  },
  {
    name: 'deliver',
    from: ['shipped'],
    to: 'delivered',
    actor: 'system',
    money: 'none',
    only: ['courier'],
    says: 'The courier reports 签收.',
  },
  {
    name: 'deliverService',
    from: ['paid'],
    to: 'delivered',
    actor: 'seller',
    money: 'none',
    only: ['service'],
    says: 'The provider says the service is done.',
  },
  {
    name: 'handOver',
    from: ['paid'],
    to: 'received',
    actor: 'seller',
    money: 'release',
    only: ['meetup'],
    says: "The seller enters the buyer's 6-digit handover code at the meeting: the buyer has the item.",
  },
  {
    name: 'confirm',
    from: ['shipped', 'delivered'],
    to: 'received',
    actor: 'buyer',
    money: 'release',
    says: 'The buyer confirms receipt (or accepts the service).',
  },
  {
    name: 'autoConfirm',
    from: ['shipped', 'delivered'],
    to: 'received',
    actor: 'system',
    money: 'release',
    says: 'The buyer stayed silent until the confirmation timer ran out.',
  },
  {
    name: 'complete',
    from: ['received'],
    to: 'completed',
    actor: 'system',
    money: 'none',
    says: 'Profit sharing finished: the seller has the money.',
  },
  {
    name: 'cancelPaid',
    from: ['paid'],
    to: 'refunded',
    actor: 'buyer',
    money: 'refund_full',
    says: 'The buyer cancels before shipment or handover: a full refund.',
  },
  {
    name: 'autoCancel',
    from: ['paid'],
    to: 'refunded',
    actor: 'system',
    money: 'refund_full',
    says: 'The seller did not ship or meet within 7 days: a full refund.',
  },
  {
    name: 'requestRefund',
    from: ['shipped', 'delivered'],
    to: 'refund_requested',
    actor: 'buyer',
    money: 'none',
    says: 'The buyer asks for 仅退款 or 退货退款 before confirming.',
  },
  {
    name: 'agreeRefund',
    from: ['refund_requested'],
    to: 'refunded',
    actor: 'seller',
    money: 'refund_full',
    guard: 'refundOnly',
    says: 'The seller agrees to refund without a return (仅退款).',
  },
  {
    name: 'agreeReturn',
    from: ['refund_requested'],
    to: 'returning',
    actor: 'seller',
    money: 'none',
    guard: 'returnAsked',
    says: 'The seller agrees to 退货退款: the buyer sends the item back.',
  },
  {
    name: 'receiveReturn',
    from: ['returning'],
    to: 'refunded',
    actor: 'seller',
    money: 'refund_full',
    says: 'The seller confirms the return arrived: the refund runs.',
  },
  {
    name: 'contestReturn',
    from: ['returning'],
    to: 'disputed',
    actor: 'seller',
    money: 'none',
    guard: 'returnSent',
    says: 'The seller says 未收到退货 or 退货有问题, with evidence: an operator decides.',
  },
  {
    name: 'autoReceiveReturn',
    from: ['returning'],
    to: 'refunded',
    actor: 'system',
    money: 'refund_full',
    guard: 'returnDelivered',
    says: "The return's 签收 was 3 days ago and the seller neither confirmed nor contested it.",
  },
  {
    name: 'returnUnconfirmed',
    from: ['returning'],
    to: 'disputed',
    actor: 'system',
    money: 'none',
    guard: 'returnInTransit',
    says: 'The return was sent 10 days ago and no courier reported its 签收: an operator decides (an untracked return never refunds by itself).',
  },
  {
    name: 'returnLapsed',
    from: ['returning'],
    to: 'received',
    actor: 'system',
    money: 'release',
    guard: 'returnDue',
    says: 'The buyer did not send the item back within 7 days of the agreement: the request lapses and the money is released.',
  },
  {
    name: 'refuseRefund',
    from: ['refund_requested'],
    to: 'disputed',
    actor: 'seller',
    money: 'none',
    says: 'The seller refuses: an operator decides.',
  },
  {
    name: 'autoAgreeRefund',
    from: ['refund_requested'],
    to: 'refunded',
    actor: 'system',
    money: 'refund_full',
    guard: 'refundOnly',
    says: 'The seller did not answer a 仅退款 request within 2 days: it is granted.',
  },
  {
    name: 'autoAgreeReturn',
    from: ['refund_requested'],
    to: 'returning',
    actor: 'system',
    money: 'none',
    guard: 'returnAsked',
    says: 'The seller did not answer a 退货退款 request within 2 days: the buyer may send it back.',
  },
  {
    name: 'resolveRefund',
    from: ['disputed'],
    to: 'refunded',
    actor: 'operator',
    money: 'refund_full',
    says: 'The operator refunds the buyer in full.',
  },
  {
    name: 'resolvePartial',
    from: ['disputed'],
    to: 'received',
    actor: 'operator',
    money: 'refund_partial',
    says: 'The operator refunds part; the rest is released to the seller.',
  },
  {
    name: 'resolveRelease',
    from: ['disputed'],
    to: 'received',
    actor: 'operator',
    money: 'release',
    says: 'The operator finds for the seller: the money is released.',
  },
  {
    name: 'settleRefund',
    from: ['disputed'],
    to: 'refunded',
    actor: 'system',
    money: 'refund_full',
    says: "Both parties agreed a full refund in the dispute's negotiation (one proposed, the other accepted).",
  },
  {
    name: 'settlePartial',
    from: ['disputed'],
    to: 'received',
    actor: 'system',
    money: 'refund_partial',
    says: 'Both parties agreed a partial refund; the rest is released to the seller.',
  },
  {
    name: 'settleReturn',
    from: ['disputed'],
    to: 'returning',
    actor: 'system',
    money: 'none',
    guard: 'returnNotSent',
    says: 'Both parties agreed 退货退款: the buyer sends the item back and the return path refunds.',
  },
  {
    name: 'settleRelease',
    from: ['disputed'],
    to: 'received',
    actor: 'system',
    money: 'release',
    says: 'Both parties agreed the money goes to the seller (the buyer withdrew the claim).',
  },
  {
    name: 'juryRefund',
    from: ['disputed'],
    to: 'refunded',
    actor: 'system',
    money: 'refund_full',
    says: 'The community jury (小法庭) found for the buyer by majority: a full refund.',
  },
  {
    name: 'juryRelease',
    from: ['disputed'],
    to: 'received',
    actor: 'system',
    money: 'release',
    says: 'The community jury (小法庭) found for the seller by majority: the money is released.',
  },
  {
    name: 'compensate',
    from: ['received', 'completed'],
    to: 'compensating',
    actor: 'operator',
    money: 'compensate',
    guard: 'released',
    says: 'After release the guarantee fund pays the buyer first (先行赔付), at most what the buyer paid less what was refunded; WeChat Pay carries it out.',
  },
  {
    name: 'compensationPaid',
    from: ['compensating'],
    to: 'compensated',
    actor: 'system',
    money: 'none',
    says: 'WeChat Pay confirms the 先行赔付 refund: the buyer has the money and a claim on the seller is recorded.',
  },
  {
    name: 'compensationRefused',
    from: ['compensating'],
    to: 'completed',
    actor: 'system',
    money: 'none',
    says: 'WeChat Pay refuses the 先行赔付 for good: nothing moved, and an operator may compensate again.',
  },
] as const satisfies readonly TransitionSpec[]

export type TransitionName = (typeof TRANSITIONS)[number]['name']
export type Transition = TransitionSpec & { name: TransitionName }

/**
 * When an order entered what its timers count from (epoch ms; null when it has not). The backend
 * reads each from the stored order (`orderClocks`): a field, or the time of an event in its timeline.
 */
export interface OrderClocks {
  createdAt: number
  paidAt: number | null
  /** The outbound parcel's shipment. */
  shippedAt: number | null
  /** The last deliver / deliverService step. */
  deliveredAt: number | null
  refundRequestedAt: number | null
  /** The last agreeReturn / autoAgreeReturn / settleReturn step. */
  returnAgreedAt: number | null
  returnShippedAt: number | null
  /** The courier's 签收 event of the return parcel. */
  returnDeliveredAt: number | null
  /** A booked courier's window ends (plus a day to collect) for the leg whose timer it holds. */
  outboundPickupUntil: number | null
  returnPickupUntil: number | null
}

interface TimerSpec {
  transition: TransitionName
  after: number
  from: keyof OrderClocks
  only?: readonly Fulfilment[]
  /** A courier booked near the end of this clock holds it until the window has passed. */
  heldBy?: 'outboundPickupUntil' | 'returnPickupUntil'
  says: string
}

/** Timers: each fires a system transition (its state and guard apply) once its clock has run out. */
export const TIMERS = [
  {
    transition: 'expire',
    after: 15 * MINUTE,
    from: 'createdAt',
    says: 'Unpaid orders close after 15 minutes.',
  },
  {
    transition: 'autoCancel',
    after: 7 * DAY,
    from: 'paidAt',
    heldBy: 'outboundPickupUntil',
    says: 'Not shipped, met or served within 7 days: refund (a booked courier holds the clock until its window).',
  },
  {
    transition: 'autoConfirm',
    after: 10 * DAY,
    from: 'shippedAt',
    only: ['courier'],
    says: 'Courier orders confirm 10 days after shipment.',
  },
  {
    transition: 'autoConfirm',
    after: 2 * DAY,
    from: 'deliveredAt',
    only: ['service'],
    says: 'Services are accepted 2 days after delivery.',
  },
  {
    transition: 'autoReceiveReturn',
    after: 3 * DAY,
    from: 'returnDeliveredAt',
    says: 'A return the courier reports 签收 gives the seller 3 days to inspect it, then refunds.',
  },
  {
    transition: 'returnUnconfirmed',
    after: 10 * DAY,
    from: 'returnShippedAt',
    says: 'A return without a 签收 10 days after it was sent goes to an operator.',
  },
  {
    transition: 'returnLapsed',
    after: 7 * DAY,
    from: 'returnAgreedAt',
    heldBy: 'returnPickupUntil',
    says: 'A return not sent within 7 days of the agreement lapses (a booked courier holds the clock until its window).',
  },
  {
    transition: 'autoAgreeRefund',
    after: 2 * DAY,
    from: 'refundRequestedAt',
    says: 'A seller silent for 2 days on 仅退款 agrees.',
  },
  {
    transition: 'autoAgreeReturn',
    after: 2 * DAY,
    from: 'refundRequestedAt',
    says: 'A seller silent for 2 days on 退货退款 agrees to the return.',
  },
] as const satisfies readonly TimerSpec[]

/** Reminders go out this long before a timer fires. */
export const REMINDER_BEFORE = {
  expire: 5 * MINUTE,
  autoCancel: DAY,
  autoConfirm: DAY,
  autoReceiveReturn: DAY,
  returnUnconfirmed: DAY,
  returnLapsed: DAY,
  autoAgreeRefund: DAY,
  autoAgreeReturn: DAY,
} as const

export const transition = (name: TransitionName): Transition =>
  TRANSITIONS.find((t) => t.name === name)! as Transition

const applies = (t: Transition, fulfilment: Fulfilment) => !t.only || t.only.includes(fulfilment)
/** Without facts a guard is not judged (the state-level question: is this step possible at all). */
const guarded = (t: Transition, facts?: OrderFacts) =>
  !t.guard || !facts || GUARDS[t.guard].holds(facts)

/** Whether `actor` may take transition `name` from `state` for this kind of order (and, given facts, its guard holds). */
export const canTake = (
  name: TransitionName,
  state: OrderState,
  actor: Actor,
  fulfilment: Fulfilment,
  facts?: OrderFacts,
): boolean => {
  const t = transition(name)
  return t.actor === actor && t.from.includes(state) && applies(t, fulfilment) && guarded(t, facts)
}

/**
 * Steps a person takes that are not transitions of their own: paying (WeChat Pay's notification
 * moves the order), booking or calling off a courier, and sending a return back (a waybill).
 */
export const STEPS = [
  {
    name: 'pay',
    from: ['pending_payment'],
    actor: 'buyer',
    says: 'The buyer opens the payment sheet.',
  },
  {
    name: 'bookPickup',
    from: ['paid'],
    actor: 'seller',
    only: ['courier'],
    guard: 'noOutboundPickup',
    says: 'The seller books a courier to the door.',
  },
  {
    name: 'cancelPickup',
    from: ['paid'],
    actor: 'seller',
    only: ['courier'],
    guard: 'outboundPickup',
    says: 'The seller calls the booked courier off.',
  },
  {
    name: 'bookPickup',
    from: ['returning'],
    actor: 'buyer',
    guard: 'returnDueNoPickup',
    says: 'The buyer books a courier for the return.',
  },
  {
    name: 'cancelPickup',
    from: ['returning'],
    actor: 'buyer',
    guard: 'returnPickup',
    says: "The buyer calls the return's courier off.",
  },
  {
    name: 'shipReturn',
    from: ['returning'],
    actor: 'buyer',
    guard: 'returnDueNoPickup',
    says: 'The buyer sends the item back and enters the waybill.',
  },
] as const satisfies readonly {
  name: string
  from: readonly OrderState[]
  actor: Actor
  only?: readonly Fulfilment[]
  guard?: GuardName
  says: string
}[]
export type StepName = (typeof STEPS)[number]['name']

/** The steps and transitions a person may take now: exactly the buttons the order page shows them. */
export function actionsFor(
  state: OrderState,
  actor: Actor,
  fulfilment: Fulfilment,
): TransitionName[]
export function actionsFor(
  state: OrderState,
  actor: Actor,
  fulfilment: Fulfilment,
  facts: OrderFacts,
): (TransitionName | StepName)[]
export function actionsFor(
  state: OrderState,
  actor: Actor,
  fulfilment: Fulfilment,
  facts?: OrderFacts,
): (TransitionName | StepName)[] {
  const takes = (t: {
    from: readonly OrderState[]
    actor: Actor
    only?: readonly Fulfilment[]
    guard?: GuardName
  }) =>
    t.actor === actor &&
    t.from.includes(state) &&
    (!t.only || t.only.includes(fulfilment)) &&
    (!t.guard || !facts || GUARDS[t.guard].holds(facts))
  const transitions = (TRANSITIONS as readonly Transition[]).filter(takes).map((t) => t.name)
  // Steps need the facts (whether a courier is booked…); without them only the graph's transitions.
  return facts
    ? [...new Set([...STEPS.filter(takes).map((s) => s.name), ...transitions])]
    : transitions
}

export interface Deadline {
  transition: TransitionName
  at: number
}

/**
 * The timer that runs for an order now: of the timers whose transition the system may take from
 * this state (fulfilment and guard), the earliest, counted from its clock, held by a booked courier
 * where the timer says so. Null when the next step is up to a person, or the order is over.
 */
export const deadlineFor = (
  state: OrderState,
  fulfilment: Fulfilment,
  facts: OrderFacts,
  clocks: OrderClocks,
): Deadline | null => {
  let next: Deadline | null = null
  for (const timer of TIMERS as readonly TimerSpec[]) {
    if (timer.only && !timer.only.includes(fulfilment)) continue
    if (!canTake(timer.transition, state, 'system', fulfilment, facts)) continue
    const start = clocks[timer.from]
    if (start === null) continue
    const held = timer.heldBy ? clocks[timer.heldBy] : null
    const at = Math.max(start + timer.after, held ?? 0)
    if (!next || at < next.at) next = { transition: timer.transition, at }
  }
  return next
}

/** When the reminder before a deadline goes out; null when that timer has none. */
export const remindAt = (d: Deadline | null): number | null => {
  if (!d) return null
  const before = (REMINDER_BEFORE as Record<string, number>)[d.transition]
  return before === undefined ? null : d.at - before
}

/** When an unpaid order closes (and WeChat's time_expire): the expire timer from checkout. */
export const payBy = (createdAt: number) => createdAt + TIMERS[0].after

/** States with no way out (for anyone): the order is over. */
export const isFinal = (state: OrderState): boolean =>
  !(TRANSITIONS as readonly Transition[]).some((t) => t.from.includes(state))

/** Whether the money is still frozen at the seller's merchant in this state. */
export const holdsEscrow = (state: OrderState): boolean =>
  ['paid', 'shipped', 'delivered', 'refund_requested', 'returning', 'disputed'].includes(state)
