import type { OrderEventSchema } from '@shared/contracts/order.contract'
import type { CommissionPolicy } from '@shared/domain/commission'
import type { Fulfilment, OrderState, TransitionName } from '@shared/domain/order-process'
import type { z } from 'zod'
import { defineCollection } from '../../core/ports/document-store.port'
import type { SealedShippingAddress } from '../../address'
import type { PickupRecord, ShipmentRecord } from './order-parcels'

export type OrderEvent = z.infer<typeof OrderEventSchema>

/** What the buyer asked for after shipment; the operator's decision lands in `resolution`. */
export interface RefundRequest {
  type: 'refund_only' | 'return'
  reason: string
  requestedAt: number
  sellerNote: string | null
  /** 退货退款: the seller's address the item goes back to (absent on orders from before it was asked). */
  returnAddress?: SealedShippingAddress | null
  returnShipment: ShipmentRecord | null
  returnPickup?: PickupRecord | null
  /** The seller's 未收到退货 / 退货有问题, with the evidence the operator decides on. */
  contest?: ReturnContest | null
}

export interface ReturnContest {
  reason: 'not_received' | 'damaged'
  note: string
  /** The seller's own uploads (the parcel, what was inside). */
  photoFileIds: string[]
  at: number
}

/**
 * The money decided by the last money transition, carried out by the outbox: a refund of
 * `refundFen` and/or a release of the rest. `refundDone`/`releaseDone` flip when WeChat Pay confirms.
 */
export interface Settlement {
  refundFen: number
  releaseFen: number
  commissionFen: number
  refundDone: boolean
  releaseDone: boolean
  /** 先行赔付 after release: paid by the platform (advance refund); 0 when none. */
  compensationFen: number
  compensationDone: boolean
  /** A low credit tier's payout hold: the release is not sent to WeChat Pay before this. */
  releaseNotBefore?: number
  /** Numbers the 先行赔付 tries: one WeChat refused for good lets an operator try again under a new key. */
  compensationAttempt?: number
  /**
   * The part of the release that collects the seller's guarantee-fund claim (sent to the platform
   * with the commission), decided once before the first profit-sharing call; unset until then.
   */
  claimDeductionFen?: number
}

/** An order as stored. The state moves only by compare-and-set on `version`. */
export interface OrderRecord {
  _id: string
  listingId: string
  buyerId: string
  sellerId: string
  title: string
  coverFileId: string | null
  fulfilment: Fulfilment
  state: OrderState
  /** The item's price: the listed one, or the agreed price of `offerId`. */
  priceFen: number
  /** The accepted offer (议价) whose price this order charges; absent for the listed price. */
  offerId?: string | null
  shippingFen: number
  totalFen: number
  commissionFen: number
  /**
   * The commission policy fixed at checkout (the seller's credit tier then: 极好 pays less); a
   * partial release charges by it, never more than commissionFen. Absent on older orders.
   */
  commissionPolicy?: CommissionPolicy
  /** Courier orders: where the parcel goes (the person sealed at rest). */
  address: SealedShippingAddress | null
  /** Meetup: the 6-digit code the buyer shows and the seller enters. */
  handoverCode: string | null
  shipment: ShipmentRecord | null
  /** The seller's 上门取件 booking, if they chose one. */
  pickup?: PickupRecord | null
  returnShippedAt: number | null
  /** When the tracking poll next looks at a parcel whose pushes may have stopped; null when none is on its way. */
  trackingCheckAt?: number | null
  /** The buyer's OPENID under our appid: WeChat's shipping upload and messages need it. */
  buyerOpenid?: string | null
  refund: RefundRequest | null
  /** WeChat Pay: the seller's sub-merchant, our out_trade_no (= order id), and what WeChat gave back. */
  subMchid: string
  prepayId: string | null
  transactionId: string | null
  settlement: Settlement | null
  /** The next timer: which transition fires when; null when no timer runs. */
  dueTransition: TransitionName | null
  dueAt: number | null
  /** When the reminder before `dueAt` goes out; null once sent (each deadline is reminded once). */
  remindAt: number | null
  events: OrderEvent[]
  /** While unpaid: which of the buyer's unpaid-order slots this order holds (absent on older orders). */
  unpaidSlot?: number | null
  createdAt: number
  paidAt: number | null
  updatedAt: number
  version: number
}

export const Orders = defineCollection<OrderRecord>('orders', [
  // 我买到的 / 我卖出的, newest first (ids are time-ordered).
  { name: 'buyer', fields: [{ field: 'buyerId' }, { field: '_id', direction: 'desc' }] },
  { name: 'seller', fields: [{ field: 'sellerId' }, { field: '_id', direction: 'desc' }] },
  {
    name: 'buyer_state',
    fields: [{ field: 'buyerId' }, { field: 'state' }, { field: '_id', direction: 'desc' }],
  },
  {
    name: 'seller_state',
    fields: [{ field: 'sellerId' }, { field: 'state' }, { field: '_id', direction: 'desc' }],
  },
  // Operators' dispute queue and the reconciliation sweep.
  { name: 'state', fields: [{ field: 'state' }, { field: '_id' }] },
  // The timer sweep: orders whose next deadline has passed.
  { name: 'due', fields: [{ field: 'dueAt' }] },
  { name: 'remind', fields: [{ field: 'remindAt' }] },
  { name: 'tracking_check', fields: [{ field: 'trackingCheckAt' }] },
])

/**
 * One live order per listing: a lock keyed by the listing id, inserted with the order, removed
 * when the order closes unpaid or is cancelled before shipment. A second checkout conflicts.
 * Services can be booked by many buyers, so their key is the listing and the buyer.
 */
export interface OrderLockRecord {
  _id: string
  orderId: string
  createdAt: number
}
export const OrderLocks = defineCollection<OrderLockRecord>('order_locks')

export const lockKey = (listingId: string, fulfilment: Fulfilment, buyerId: string) =>
  fulfilment === 'service' ? `${listingId}:${buyerId}` : listingId

/**
 * A buyer may hold only a few unpaid orders at once (EscrowConfig.maxUnpaidOrders), so one
 * account cannot reserve a whole shop: checkout inserts one of the buyer's numbered slots in its
 * transaction (a racing checkout conflicts on the same slot), and leaving pending_payment frees it.
 */
export interface UnpaidSlotRecord {
  _id: string
  orderId: string
  createdAt: number
}
export const UnpaidSlots = defineCollection<UnpaidSlotRecord>('unpaid_slots')
export const unpaidSlotKey = (buyerId: string, slot: number) => `${buyerId}:${slot}`
