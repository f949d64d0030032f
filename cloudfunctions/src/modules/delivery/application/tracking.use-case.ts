import { isPermanentRefusal } from '../../core/ports/provider-error'
import type { Waybill } from '@shared/contracts/order.contract'
import { courierCompany } from '@shared/domain/couriers'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import type { TransactionOps } from '../../core/ports/document-store.port'
import { CourierError, type Tracking } from '../ports/courier.port'
import { enqueue } from '../../outbox'
import type { Actor } from '@shared/domain/order-process'
import { nextCourierCheck } from '../domain/courier-checks'
import {
  scheduleOf,
  JOBS,
  type OrderRecord,
  type ShipmentRecord,
  type TrackingRecord,
  takeTransition,
  loadOrder,
  updateOrder,
} from '../../order'
import { Parcels } from '../domain/shipment.record'
import { retryOnRace } from './retry-on-race'

export { TRACKING_POLL_MS } from '../domain/courier-checks'

const unavailable = (e: unknown) => e instanceof CourierError && !isPermanentRefusal(e)

/**
 * The company of a waybill: the one the seller named (it must fit the number when the courier
 * can tell), or the one the number belongs to. When the aggregator is unreachable the seller's
 * word is taken and tracking starts once it answers.
 */
export const resolveWaybill = async (deps: Deps, input: Waybill): Promise<ShipmentRecord> => {
  const named = input.company ? courierCompany(input.company) : undefined
  let candidates: string[] | null = null
  try {
    candidates = await deps.courier.detectCompany(input.waybillNo)
  } catch (e) {
    if (!unavailable(e)) throw e
  }
  const code = named?.code ?? (candidates?.length ? candidates[0] : undefined)
  if (candidates && named && !candidates.includes(named.code) && candidates.length > 0) {
    throw new AppError(ErrorCodes.ORDER_WAYBILL_MISMATCH, undefined, {
      path: ['waybillNo'],
      candidates,
    })
  }
  if (candidates && candidates.length === 0 && !input.company) {
    throw new AppError(ErrorCodes.ORDER_UNKNOWN_WAYBILL, undefined, { path: ['waybillNo'] })
  }
  const known = code ? courierCompany(code) : undefined
  if (!known && !input.company)
    throw new AppError(ErrorCodes.ORDER_UNKNOWN_WAYBILL, undefined, { path: ['waybillNo'] })
  return {
    company: known?.name ?? input.company!,
    companyCode: known?.code ?? null,
    waybillNo: input.waybillNo,
    shippedAt: deps.clock.now(),
    tracking: null,
  }
}

/** Inside the ship (or return) transaction: the parcel index and the jobs that follow a shipment. */
export const recordParcel = async (
  tx: TransactionOps,
  order: OrderRecord,
  parcel: ShipmentRecord,
  leg: 'outbound' | 'return',
  now: number,
) => {
  const used = await tx.get(Parcels, parcel.waybillNo)
  // Checked again inside the transaction: a number taken meanwhile by another order is refused whole.
  if (used && (used.orderId !== order._id || used.leg !== leg))
    throw new AppError(ErrorCodes.ORDER_WAYBILL_REUSED, undefined, { path: ['waybillNo'] })
  if (!used)
    await tx.insert(Parcels, {
      _id: parcel.waybillNo,
      orderId: order._id,
      leg,
      companyCode: parcel.companyCode,
    })
  if (parcel.companyCode) {
    await enqueue(tx, {
      key: JOBS.subscribe.key(order._id, leg),
      kind: JOBS.subscribe.kind,
      orderId: order._id,
      at: now,
    })
  }
  if (leg === 'outbound') {
    await enqueue(tx, {
      key: JOBS.shippingInfo.key(order._id),
      kind: JOBS.shippingInfo.kind,
      orderId: order._id,
      at: now,
    })
  }
}

const mergeTracking = (
  current: TrackingRecord | null,
  t: Tracking,
  now: number,
): TrackingRecord | null => {
  const latestAt = t.events.reduce((m, e) => Math.max(m, e.at), 0)
  if (current && latestAt <= current.latestAt && !(t.finished && !current.finished)) return null // stale or duplicate
  const seen = new Set((current?.events ?? []).map((e) => `${e.at}|${e.context}`))
  const events = [
    ...(current?.events ?? []),
    ...t.events.filter((e) => !seen.has(`${e.at}|${e.context}`)),
  ].sort((a, b) => a.at - b.at)
  const newest = events[events.length - 1]
  return {
    state: newest?.state ?? t.state,
    events,
    latestAt: Math.max(latestAt, current?.latestAt ?? 0),
    finished: t.finished,
    updatedAt: now,
  }
}

/**
 * Tracking news for a parcel (a push or a query), applied by compare-and-set and ordered by event
 * time, so a late 在途 never overwrites 签收. 签收 of the seller's parcel moves the order to
 * delivered (the auto-confirm clock keeps running from shipment); of a return, it starts the
 * 7 days after which the return counts as received.
 */
export const applyTracking = async (
  deps: Deps,
  waybillNo: string,
  tracking: Tracking,
): Promise<'applied' | 'stale' | 'unknown'> => {
  const parcel = await deps.store.get(Parcels, waybillNo)
  if (!parcel) return 'unknown'
  return retryOnRace(async () => {
    const order = (await loadOrder(deps.store, parcel.orderId))!
    const now = deps.clock.now()
    const shipment = parcel.leg === 'outbound' ? order.shipment : order.refund?.returnShipment
    if (!shipment) return 'unknown'
    const merged = mergeTracking(shipment.tracking, tracking, now)
    if (!merged) return 'stale'
    const next: ShipmentRecord = { ...shipment, tracking: merged }
    const placed: Partial<OrderRecord> =
      parcel.leg === 'outbound'
        ? { shipment: next }
        : { refund: { ...order.refund!, returnShipment: next } }
    const checkAt = nextCourierCheck({ ...order, ...placed }, now)
    const delivered = merged.state === 'delivered'
    if (delivered && parcel.leg === 'outbound' && order.state === 'shipped') {
      await takeTransition(deps, {
        orderId: order._id,
        name: 'deliver',
        actor: 'system',
        user: null,
        patch: () => ({ ...placed, trackingCheckAt: checkAt }),
        alsoInTx: (tx) =>
          enqueue(tx, {
            key: JOBS.confirmReceive.key(order._id),
            kind: JOBS.confirmReceive.kind,
            orderId: order._id,
            at: now,
          }),
      })
      return 'applied'
    }
    // A return's 签收 starts the seller's days to inspect it (the graph's autoReceiveReturn timer).
    const returnArrived = delivered && parcel.leg === 'return' && order.state === 'returning'
    await updateOrder(deps.store, order, {
      ...placed,
      trackingCheckAt: checkAt,
      ...(returnArrived ? scheduleOf({ ...order, ...placed }) : {}),
      updatedAt: now,
    })
    return 'applied'
  }, 'stale' as const)
}

/**
 * The buyer's return is on its way (a typed waybill, or a booked courier who collected it): not a
 * state change, but it starts the return's clock and its tracking. Compare-and-set on `version`.
 */
export const startReturn = async (
  deps: Deps,
  order: OrderRecord,
  parcel: ShipmentRecord,
  by: { actor: Actor; extra?: Partial<OrderRecord> },
): Promise<OrderRecord> => {
  const now = deps.clock.now()
  const base = { ...order, ...by.extra }
  const refund = { ...base.refund!, returnShipment: { ...parcel, shippedAt: now } }
  // Sent: the return's own clock (10 days for a 签收, or 3 after one already reported) replaces the lapse.
  const schedule = scheduleOf({ ...base, refund, returnShippedAt: now })
  return deps.store.transaction(async (tx) => {
    const next = await updateOrder(tx, order, {
      ...by.extra,
      refund,
      returnShippedAt: now,
      trackingCheckAt: nextCourierCheck({ ...base, refund }, now),
      ...schedule,
      events: [
        ...order.events,
        {
          transition: 'shipReturn',
          at: now,
          actor: by.actor,
          note: `退货寄回 ${parcel.company} ${parcel.waybillNo}`,
        },
      ],
      updatedAt: now,
    })
    await recordParcel(tx, next, refund.returnShipment, 'return', now)
    return next
  })
}
