import type { PickupSlot, PickupState } from '@shared/domain/pickup'
import type { SealedShippingAddress } from '../../address'
import type { TrackingEvent, TrackingState } from '../../delivery/ports/courier.port'

/**
 * The parcels an order carries in its own document (the seller's shipment, a return, the courier
 * bookings): the order owns their shape; delivery fills them in (modules/delivery).
 */

/** Where a parcel is, as the courier last told us (push or query). */
export interface TrackingRecord {
  state: TrackingState
  /** Oldest first. */
  events: TrackingEvent[]
  /** Time of the newest event: a push or query not newer than this changes nothing. */
  latestAt: number
  finished: boolean
  updatedAt: number
}

/** A parcel on its way: the seller's to the buyer, or a return. */
export interface ShipmentRecord {
  /** The name people know (顺丰速运). */
  company: string
  /** kuaidi100's code, when the company is one we can track. */
  companyCode: string | null
  waybillNo: string
  shippedAt: number
  tracking: TrackingRecord | null
}

/**
 * A 上门取件 booking (kuaidi100 商家寄件) for one leg: the seller's parcel or the buyer's return.
 * `attempt` numbers the bookings of the leg, so a rebooking after a cancel gets a fresh key.
 */
export interface PickupRecord {
  attempt: number
  company: string
  companyCode: string
  slot: PickupSlot & { date: string }
  sender: SealedShippingAddress
  senderCity: string
  recipient: SealedShippingAddress
  weightKg: number
  state: PickupState
  /** kuaidi100's task and order ids, once it accepted the booking. */
  taskId: string | null
  courierOrderId: string | null
  courierName: string | null
  courierMobile: string | null
  quoteFen: number | null
  freightFen: number | null
  waybillNo: string | null
  failure: string | null
  bookedAt: number
  updatedAt: number
}
