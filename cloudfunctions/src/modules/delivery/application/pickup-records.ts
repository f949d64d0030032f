import { ACTIVE_PICKUP_STATES, type PickupState } from '@shared/domain/pickup'
import type { OrderState } from '@shared/domain/order-process'
import type { TransactionOps } from '../../core/ports/document-store.port'
import type { OrderMoveReaction } from '../../deps'
import { enqueue } from '../../outbox'
import { JOBS, type Leg, type OrderRecord, type PickupRecord } from '../../order'

/** The booking of one leg: the seller's on the order, the buyer's return on the refund. */
export const pickupOf = (order: OrderRecord, leg: Leg): PickupRecord | null =>
  (leg === 'outbound' ? order.pickup : order.refund?.returnPickup) ?? null

export const withPickup = (
  order: OrderRecord,
  leg: Leg,
  pickup: PickupRecord,
): Partial<OrderRecord> =>
  leg === 'outbound' ? { pickup } : { refund: { ...order.refund!, returnPickup: pickup } }

export const isActivePickup = (p: PickupRecord | null | undefined): boolean =>
  !!p && ACTIVE_PICKUP_STATES.includes(p.state)

/** A booking being called off; null when there is none to call off. */
export const cancellingPatch = (
  order: OrderRecord,
  leg: Leg,
  now: number,
): Partial<OrderRecord> | null => {
  const p = pickupOf(order, leg)
  if (!p || !isActivePickup(p) || p.state === 'cancelling') return null
  // Not yet placed: nothing to tell the courier, and the placing job sees the booking is off.
  const state: PickupState = p.state === 'booking' ? 'cancelled' : 'cancelling'
  return withPickup(order, leg, { ...p, state, updatedAt: now })
}

/** The courier is told in a job, written in the same transaction as the cancelling state. */
export const enqueuePickupCancel = async (
  tx: TransactionOps,
  order: OrderRecord,
  leg: Leg,
  now: number,
) => {
  const p = pickupOf(order, leg)
  if (p?.state !== 'cancelling') return
  await enqueue(tx, {
    key: JOBS.pickupCancel.key(order._id, leg, p.attempt),
    kind: JOBS.pickupCancel.kind,
    orderId: order._id,
    at: now,
  })
}

/** The state a leg's courier is booked for: leaving it (a cancel, a refund, a dispute…) calls the courier off. */
const BOOKED_IN: Record<Leg, OrderState> = { outbound: 'paid', return: 'returning' }

/** Bookings a transition into `to` leaves behind, as a patch; their cancel jobs follow with `enqueuePickupCancels`. */
export const abandonedPickups = (
  order: OrderRecord,
  to: OrderState,
  now: number,
): Partial<OrderRecord> => {
  let patched = order
  let patch: Partial<OrderRecord> = {}
  for (const leg of ['outbound', 'return'] as const) {
    if (to === BOOKED_IN[leg]) continue
    const p = cancellingPatch(patched, leg, now)
    if (p) {
      patched = { ...patched, ...p }
      patch = { ...patch, ...p }
    }
  }
  return patch
}

export const enqueuePickupCancels = async (tx: TransactionOps, order: OrderRecord, now: number) => {
  for (const leg of ['outbound', 'return'] as const) await enqueuePickupCancel(tx, order, leg, now)
}

/** How delivery reacts to an order move: a booking for the state being left is called off. */
export const pickupReaction: OrderMoveReaction = {
  patch: abandonedPickups,
  inTx: enqueuePickupCancels,
}
