/**
 * Courier: the delivery module's view of a courier aggregator (kuaidi100 in every environment;
 * locally its sandbox). Company codes are the aggregator's lower-case codes (`shunfeng`,
 * `zhongtong`, ...). Amounts are integer fen, times epoch ms. No SDK or wire types cross it.
 */

import { hasBrand, ProviderError } from '../../core/ports/provider-error'

/** Where a failure came from: the vendor said no, the wire failed, a check of ours failed, or our input was bad. */
export type CourierErrorKind = 'vendor' | 'transport' | 'verification' | 'invalid-argument'

/**
 * Codes a caller can branch on. Vendor answers are mapped to these; `vendorCode` on the error
 * keeps the vendor's own returnCode for logs.
 */
export type CourierErrorCode =
  | 'NOT_CONFIGURED'
  | 'UNKNOWN_COMPANY'
  | 'INVALID_WAYBILL'
  | 'INVALID_ARGUMENT'
  | 'NO_RESULT'
  | 'PHONE_REQUIRED'
  | 'ALREADY_SUBSCRIBED'
  | 'ADDRESS_NOT_SERVED'
  | 'PICKUP_NOT_FOUND'
  | 'PICKUP_NOT_CANCELLABLE'
  | 'SIGN_ERROR'
  | 'PUSH_SIGNATURE_INVALID'
  | 'PUSH_MALFORMED'
  | 'UNKNOWN_WAYBILL'
  | 'RATE_LIMITED'
  | 'VENDOR_ERROR'
  | 'TIMEOUT'
  | 'NETWORK'
  | 'BAD_RESPONSE'

/** A courier's price for a parcel, named for people (顺丰速运) and by kuaidi100's code. */
export interface FreightQuote {
  company: string
  companyCode: string
  priceFen: number
}

const COURIER_ERROR = Symbol.for('linquan.CourierError')

/** A failed courier call or a rejected push. */
export class CourierError extends ProviderError {
  readonly [COURIER_ERROR] = true

  static [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value, COURIER_ERROR)
  }

  constructor(
    readonly kind: CourierErrorKind,
    readonly code: CourierErrorCode,
    message: string,
    /** True when the same call may succeed later (5xx, timeouts, rate limits). */
    readonly retryable: boolean,
    /** The vendor's own code (kuaidi100 `returnCode`) when it answered. */
    vendorCode?: string,
    /** Refused for good; the adapter sets it from kuaidi100's table (the default is for local stand-ins). */
    permanent = !retryable && kind !== 'transport',
  ) {
    super('kuaidi100', vendorCode, message, undefined, permanent)
    this.name = 'CourierError'
  }
}

/** Normalised tracking states (kuaidi100 codes 1 揽收, 0 在途, 5 派件, 3 签收, 2 疑难, 4 退签, 6 退回, 14 拒签 ...). */
export type TrackingState =
  | 'collected'
  | 'in-transit'
  | 'out-for-delivery'
  | 'delivered'
  | 'trouble'
  | 'returned'
  | 'returning'
  | 'refused'
  | 'other'

export interface TrackingEvent {
  at: number
  state: TrackingState
  /** The courier's own words, e.g. 【深圳市】快件已到达 深圳转运中心. */
  context: string
  area?: string
}

export interface Tracking {
  company: string
  waybillNo: string
  state: TrackingState
  /** The aggregator considers the parcel finished (签收 or 退签): no further updates. */
  finished: boolean
  /** Oldest first. */
  events: TrackingEvent[]
  /** Where the courier says the parcel is heading (city name), when it says so (real-time query only). */
  destinationCity?: string
}

export interface QuoteInput {
  fromCity: string
  toCity: string
  weightKg: number
  /** One company, or every company the adapter is configured to ask. */
  company?: string
}

export interface Quote {
  company: string
  priceFen: number
  firstWeightFen: number
  continuedWeightFen: number
  serviceType: string
}

export interface Party {
  name: string
  mobile: string
  /** Full printable address, starting with province and city. */
  address: string
}

export interface PickupInput {
  company: string
  sender: Party
  recipient: Party
  cargo: string
  weightKg: number
  /** Pickup window: day (今天/明天/后天) and HH:mm bounds. */
  slot?: { day: '今天' | '明天' | '后天'; start: string; end: string }
  /** Our key for this shipment; a retry with the same key must not book a second courier. */
  orderKey: string
  remark?: string
}

export interface PickupPlaced {
  taskId: string
  orderId: string
  company: string
  /** Present once the courier has collected the parcel (often not at placement). */
  waybillNo?: string
}

export type PickupStatus = 'placed' | 'accepted' | 'picked-up' | 'cancelled' | 'failed'

export interface Pickup extends PickupPlaced {
  status: PickupStatus
  freightFen?: number
}

/** A pickup-status push (商家寄件 callback): the pickup as it now stands, and the courier once assigned. */
export interface PickupPush extends Pickup {
  courierName?: string
  courierMobile?: string
  /** When the status changed (0 when the push did not say). */
  at: number
}

export interface SubscribeInput {
  company: string
  waybillNo: string
  /** Recipient's or sender's phone (or its last four digits): SF Express requires it. */
  phone?: string
  fromCity?: string
  toCity?: string
}

/** What the aggregator says about its monitoring of the waybill. */
export type MonitorStatus = 'polling' | 'shutdown' | 'abort' | 'updateall'

export interface CourierPush {
  monitor: MonitorStatus
  /** The aggregator's explanation for abort (e.g. no update for a long time). */
  message: string
  tracking: Tracking
  /** Time of the newest event (0 when none): a push not newer than what we hold is stale. */
  latestAt: number
  /** Same value for the same content: duplicates and replays share it. */
  dedupeKey: string
}

/** A raw push as an HTTP trigger receives it. */
export type RawPush = { body: string } | { fields: Record<string, string | undefined> }

export interface Courier {
  /** Freight quotes for one parcel, cheapest first; companies that do not serve the route are left out. */
  quote(input: QuoteInput): Promise<Quote[]>
  /** Books a courier to collect the parcel (商家寄件). Idempotent on `orderKey`. */
  placePickup(input: PickupInput): Promise<PickupPlaced>
  /** Where a booked pickup stands, with the waybill number once collected. */
  pickupStatus(taskId: string): Promise<Pickup>
  /** Cancels a booked pickup before the courier collects it. */
  cancelPickup(input: { taskId: string; orderId: string; reason: string }): Promise<void>
  /** Tracking as of now (real-time query). */
  track(input: { company: string; waybillNo: string; phone?: string }): Promise<Tracking>
  /** Asks for tracking pushes to our courier-notify callback; subscribing twice is not an error. */
  subscribe(input: SubscribeInput): Promise<void>
  /** Checks a push's signature and parses it; throws CourierError (verification) otherwise. */
  verifyPush(raw: RawPush): CourierPush
  /** Checks and parses a pickup-status push (one that carries a `taskId` field); throws CourierError (verification) otherwise. */
  verifyPickupPush(raw: RawPush): PickupPush
  /** What to answer a push with, so the aggregator stops (accepted) or retries (not accepted). */
  pushAnswer(accepted: boolean): { status: number; contentType: string; body: string }
  /** Companies a waybill number may belong to, most likely first (empty when none fits). */
  detectCompany(waybillNo: string): Promise<string[]>
}
