import { updateIfUnchanged } from '../../core/application/update-if-unchanged'
import type { Deps } from '../../deps'
import { openShippingAddress } from '../../address/domain/sealed-address'
import { nextCourierCheck } from '../domain/courier-checks'
import { Orders } from '../../order/domain/order.record'
import { applyTracking } from './tracking.use-case'
import { checkPickup } from './pickup.use-case'

/**
 * Whatever the courier's pushes may have missed (dropped, or our endpoint was down) is asked
 * about directly: bookings whose courier has not come, parcels whose tracking went quiet. Every
 * order with something at the courier carries the time of its next check, pushed forward by news.
 */
export const pollTracking = async (deps: Deps) => {
  const now = deps.clock.now()
  const due = await deps.store.find(
    Orders,
    { trackingCheckAt: { $lte: now } },
    { orderBy: { field: 'trackingCheckAt', direction: 'asc' }, limit: 100 },
  )
  let applied = 0
  for (const order of due.items) {
    for (const leg of ['outbound', 'return'] as const) {
      try {
        if ((await checkPickup(deps, order, leg)) === 'applied') applied++
      } catch {
        // The aggregator did not answer: the next poll asks again.
      }
    }
    for (const parcel of [order.shipment, order.refund?.returnShipment]) {
      if (!parcel?.companyCode || parcel.tracking?.finished) continue
      try {
        const t = await deps.courier.track({
          company: parcel.companyCode,
          waybillNo: parcel.waybillNo,
          phone: order.address ? openShippingAddress(deps, order.address).phone : undefined,
        })
        if ((await applyTracking(deps, parcel.waybillNo, t)) === 'applied') applied++
      } catch {
        // As above.
      }
    }
    const fresh = (await deps.store.get(Orders, order._id))!
    if (
      fresh.trackingCheckAt !== null &&
      fresh.trackingCheckAt !== undefined &&
      fresh.trackingCheckAt <= now
    ) {
      await updateIfUnchanged(deps.store, Orders, order._id, fresh, {
        trackingCheckAt: nextCourierCheck(fresh, now),
      }).catch(() => undefined)
    }
  }
  return applied
}
