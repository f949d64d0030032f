import {
  deadlineFor,
  remindAt,
  type OrderClocks,
  type OrderFacts,
  type TransitionName,
} from '@shared/domain/order-process'
import { slotEndOn } from '@shared/domain/pickup'
import { DAY } from '@shared/domain/time'
import { ACTIVE_PICKUP_STATES } from '@shared/domain/pickup'
import type { OrderRecord } from './order.record'
import type { PickupRecord } from './order-parcels'

const active = (p: PickupRecord | null | undefined): p is PickupRecord =>
  !!p && ACTIVE_PICKUP_STATES.includes(p.state)

/** The facts the order graph's guards read, from the stored order. */
export const orderFacts = (order: OrderRecord): OrderFacts => ({
  refundType: order.refund?.type ?? null,
  returnSent: !!order.refund?.returnShipment,
  returnDelivered: order.refund?.returnShipment?.tracking?.state === 'delivered',
  released: !!order.settlement?.releaseDone,
  outboundPickupActive: active(order.pickup),
  returnPickupActive: active(order.refund?.returnPickup),
})

/** The time of the last timeline step among `names`, or null. */
const lastStep = (order: OrderRecord, names: readonly string[]) =>
  order.events.reduce<number | null>((at, e) => (names.includes(e.transition) ? e.at : at), null)

/** A booked courier holds its leg's clock until a day after its window (for the courier to come). */
const holdOf = (p: PickupRecord | null | undefined) =>
  active(p) ? slotEndOn(p.slot.date, p.slot.end) + DAY : null

/** The clocks the graph's timers count from, read from the stored order's fields and timeline. */
export const orderClocks = (order: OrderRecord): OrderClocks => {
  const returned = order.refund?.returnShipment?.tracking
  return {
    createdAt: order.createdAt,
    paidAt: order.paidAt,
    shippedAt: order.shipment?.shippedAt ?? null,
    deliveredAt: lastStep(order, ['deliver', 'deliverService']),
    refundRequestedAt: order.refund?.requestedAt ?? null,
    returnAgreedAt: lastStep(order, ['agreeReturn', 'autoAgreeReturn', 'settleReturn']),
    returnShippedAt: order.refund?.returnShipment ? order.returnShippedAt : null,
    returnDeliveredAt:
      returned?.state === 'delivered'
        ? ([...returned.events].reverse().find((e) => e.state === 'delivered')?.at ??
          returned.updatedAt)
        : null,
    outboundPickupUntil: holdOf(order.pickup),
    returnPickupUntil: holdOf(order.refund?.returnPickup),
  }
}

/** The order's timer fields as the graph decides them now (written with every change that can move them). */
export const scheduleOf = (
  order: OrderRecord,
): { dueTransition: TransitionName | null; dueAt: number | null; remindAt: number | null } => {
  const d = deadlineFor(order.state, order.fulfilment, orderFacts(order), orderClocks(order))
  return { dueTransition: d?.transition ?? null, dueAt: d?.at ?? null, remindAt: remindAt(d) }
}
