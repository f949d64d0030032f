import { REMINDER_BEFORE, TIMERS, type Fulfilment, type OrderState, type TransitionName } from '@shared/domain/order-process'

const DAY = 86_400_000

/** Timers not in order-process.ts TIMERS because their clock starts at an event we stamp here. */
const MEETUP_AUTO_CANCEL = 7 * DAY

export interface Deadline {
  transition: TransitionName
  at: number
}

const timer = (transition: TransitionName, fulfilment: Fulfilment) =>
  TIMERS.find((t) => t.transition === transition && (!('only' in t) || (t.only as readonly string[]).includes(fulfilment)))

/**
 * The timer that runs once an order enters `state` at `now`: what fires, and when. Null when the
 * next step is up to a person (or the order is over); 'keep' when the running clock goes on.
 */
export const deadlineOnEntering = (
  state: OrderState,
  fulfilment: Fulfilment,
  now: number,
  refundType?: 'refund_only' | 'return',
): Deadline | null | 'keep' => {
  const after = (transition: TransitionName) => {
    const t = timer(transition, fulfilment)
    return t ? { transition, at: now + t.after } : null
  }
  switch (state) {
    case 'pending_payment':
      return after('expire')
    case 'paid':
      return fulfilment === 'meetup' ? { transition: 'autoCancel', at: now + MEETUP_AUTO_CANCEL } : after('autoCancel')
    case 'shipped':
      return after('autoConfirm')
    case 'delivered':
      // Courier parcels keep the clock started at shipment; services start theirs at delivery.
      return fulfilment === 'service' ? after('autoConfirm') : 'keep'
    case 'refund_requested':
      // The seller has 2 days to answer; silence agrees (the auto-confirm clock stops meanwhile).
      return after(refundType === 'return' ? 'autoAgreeReturn' : 'autoAgreeRefund')
    case 'returning':
      // The buyer has 7 days to send it back; the return's own clock replaces this once it is sent.
      return after('returnLapsed')
    default:
      return null
  }
}

/** When an unpaid order closes (and WeChat's time_expire): the expire timer from checkout. */
export const payBy = (createdAt: number) => createdAt + TIMERS.find((t) => t.transition === 'expire')!.after

const after = (transition: TransitionName, now: number): Deadline => ({ transition, at: now + TIMERS.find((t) => t.transition === transition)!.after })

/** Once the return is sent: 10 days for a courier to report its 签收, or an operator decides. */
export const returnSentDeadline = (now: number): Deadline => after('returnUnconfirmed', now)

/** Once the return's 签收 is reported: the seller's days to inspect it before the refund runs. */
export const returnDeliveredDeadline = (now: number): Deadline => after('autoReceiveReturn', now)

/** When the reminder before a deadline goes out. */
export const remindAt = (d: Deadline | null): number | null => {
  if (!d) return null
  const before = (REMINDER_BEFORE as Record<string, number>)[d.transition]
  return before === undefined ? null : d.at - before
}
