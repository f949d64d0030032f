import { isPermanentRefusal } from '../../core/ports/provider-error'
import type { JobHandler } from '../../outbox'
import { PermanentJobError } from '../../outbox'
import { openShippingAddress } from '../../address'
import { loadListing } from '../../listing'
import { JOBS, orderOf } from '../../order'
import { CourierError } from '../ports/courier.port'
import { PICKUP_JOB_HANDLERS } from './pickup.use-case'

/** kuaidi100's push subscription for a parcel just shipped or returned. */
const subscribeTracking: JobHandler = async (deps, job) => {
  const order = await orderOf(deps, job.orderId)
  const parcel = job._id.startsWith('TKR') ? order.refund?.returnShipment : order.shipment
  if (!parcel?.companyCode) return 'done'
  try {
    const listing = await loadListing(deps.store, order.listingId)
    const buyerSide = order.address?.region
    const [fromCity, toCity] = job._id.startsWith('TKR')
      ? [buyerSide, listing?.city]
      : [listing?.city, buyerSide]
    const phone = order.address ? openShippingAddress(deps, order.address).phone : undefined
    await deps.courier.subscribe({
      company: parcel.companyCode,
      waybillNo: parcel.waybillNo,
      phone,
      fromCity,
      toCity,
    })
    return 'done'
  } catch (e) {
    if (e instanceof CourierError && isPermanentRefusal(e))
      throw new PermanentJobError(`${e.code}: ${e.message}`)
    throw e
  }
}

/** Every outbox job delivery runs: bookings placed and called off, tracking subscriptions. */
export const DELIVERY_JOB_HANDLERS: Record<string, JobHandler> = {
  ...PICKUP_JOB_HANDLERS,
  [JOBS.subscribe.kind]: subscribeTracking,
}
