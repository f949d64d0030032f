import { HOUR } from '@shared/domain/time'
import { ACTIVE_PICKUP_STATES } from '@shared/domain/pickup'
import type { OrderRecord, PickupRecord, ShipmentRecord } from '../../order'

/** A parcel whose pushes went quiet is asked about this often. */
export const TRACKING_POLL_MS = 2 * HOUR
/** A booked pickup whose status pushes went quiet: couriers move within the hour. */
export const PICKUP_POLL_MS = 30 * 60_000

const moving = (s: ShipmentRecord | null | undefined) => !!s?.companyCode && !s.tracking?.finished
const waiting = (p: PickupRecord | null | undefined) =>
  !!p && ACTIVE_PICKUP_STATES.includes(p.state) && p.state !== 'booking'

/**
 * When the courier poll should next look at this order: soon while a booked courier has not
 * come, later while a parcel is on its way, never when nothing is. Every change to a parcel or a
 * booking recomputes it, so no one path can switch another's check off.
 */
export const nextCourierCheck = (order: OrderRecord, now: number): number | null => {
  const times: number[] = []
  if (waiting(order.pickup) || waiting(order.refund?.returnPickup)) times.push(now + PICKUP_POLL_MS)
  if (moving(order.shipment) || moving(order.refund?.returnShipment))
    times.push(now + TRACKING_POLL_MS)
  return times.length ? Math.min(...times) : null
}
