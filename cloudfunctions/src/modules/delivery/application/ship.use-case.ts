import type { Waybill } from '@shared/contracts/order.contract'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { act, loadVisibleOrder, runOrderJobs, loadOrder } from '../../order'
import type { UserRecord } from '../../user'
import { nextCourierCheck } from '../domain/courier-checks'
import { isActivePickup } from './pickup-records'
import { assertWaybillFresh, verifyReturnParcel } from './return-checks'
import { recordParcel, resolveWaybill, startReturn } from './tracking.use-case'

/**
 * The parcels people send themselves (over the counter, not a booked 上门取件): the seller's
 * shipment and the buyer's return, each checked with the courier before the order moves.
 */

/** 发货 with a waybill: the company checked against (or recognised from) the number, tracking subscribed. */
export const shipOrder = async (
  deps: Deps,
  seller: UserRecord,
  orderId: string,
  waybill: Waybill,
) => {
  const order = await loadVisibleOrder(deps, seller, orderId)
  // Refused before the number is looked at: whether a waybill is another order's parcel (and a
  // kuaidi100 lookup) is for the seller of this order alone, not for its buyer or an operator.
  if (order.sellerId !== seller._id) throw new AppError(ErrorCodes.FORBIDDEN)
  await assertWaybillFresh(deps, waybill.waybillNo, orderId, 'outbound')
  const shipment = await resolveWaybill(deps, waybill)
  return act(deps, {
    orderId,
    name: 'ship',
    actor: 'seller',
    user: seller,
    // A booked courier is still coming: the seller calls it off before shipping another way.
    check: (o) => {
      if (isActivePickup(o.pickup)) throw new AppError(ErrorCodes.ORDER_PICKUP_ACTIVE)
    },
    patch: (o, now) => {
      const next = { ...o, shipment: { ...shipment, shippedAt: now } }
      return { shipment: next.shipment, trackingCheckAt: nextCourierCheck(next, now) }
    },
    alsoInTx: (tx, next) => recordParcel(tx, next, next.shipment!, 'outbound', next.updatedAt),
  })
}

/** The buyer's return waybill: not a state change, but it starts the return's clock and its tracking. */
export const shipReturn = async (
  deps: Deps,
  buyer: UserRecord,
  orderId: string,
  waybill: Waybill,
) => {
  const order = await loadVisibleOrder(deps, buyer, orderId)
  if (
    order.buyerId !== buyer._id ||
    order.state !== 'returning' ||
    !order.refund ||
    order.refund.returnShipment
  ) {
    throw new AppError(ErrorCodes.ORDER_WRONG_STATE)
  }
  if (isActivePickup(order.refund.returnPickup)) throw new AppError(ErrorCodes.ORDER_PICKUP_ACTIVE)
  const parcel = await resolveWaybill(deps, waybill)
  const tracking = await verifyReturnParcel(deps, order, parcel)
  const now = deps.clock.now()
  const latestAt = tracking.events.reduce((m, e) => Math.max(m, e.at), 0)
  await startReturn(
    deps,
    order,
    {
      ...parcel,
      tracking: {
        state: tracking.state,
        events: tracking.events,
        latestAt,
        finished: tracking.finished,
        updatedAt: now,
      },
    },
    { actor: 'buyer' },
  )
  // The return's tracking subscription goes out now, as a transition's jobs do.
  await runOrderJobs(deps, orderId).catch(() => undefined)
  return (await loadOrder(deps.store, orderId))!
}
