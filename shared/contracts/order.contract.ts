import { z } from 'zod'
import { ORDER_STATES, TRANSITIONS, type TransitionName } from '../domain/order-process'
import { FenSchema } from '../domain/money'
import { PICKUP_DAYS, PICKUP_STATES } from '../domain/pickup'
import { COURIER_COMPANIES } from '../domain/couriers'
import { idsOf } from '../domain/options'
import { ErrorCodes } from '../errors/error-codes'
import { IdSchema, PageQuerySchema, PhoneSchema, PublicUserSchema, pageOf } from './common.schema'
import { defineContract } from './define-contract'
import { userText } from './user-text'

export const FULFILMENTS = [
  { id: 'courier', label: '邮寄' },
  { id: 'meetup', label: '同城面交' },
  { id: 'service', label: '上门/到店服务' },
] as const
export const FULFILMENT_IDS = idsOf(FULFILMENTS)

const TRANSITION_NAMES = TRANSITIONS.map((t) => t.name) as [TransitionName, ...TransitionName[]]

export { PhoneSchema }

/** Where a courier order goes (the address book of the delivery issue will fill this in). */
export const ShippingAddressSchema = z
  .object({
    name: userText({
      min: 1,
      max: 20,
      label: '收货人',
      tooShort: '请填写收货人',
      tooLong: '收货人最多 20 字',
    }),
    phone: PhoneSchema,
    region: userText({
      min: 2,
      max: 40,
      label: '省市区',
      tooShort: '请填写省市区',
      tooLong: '省市区过长',
    }),
    detail: userText({
      min: 4,
      max: 80,
      label: '详细地址',
      tooShort: '请填写详细地址',
      tooLong: '详细地址最多 80 字',
    }),
  })
  .strict()
export type ShippingAddress = z.infer<typeof ShippingAddressSchema>

export const WaybillSchema = z
  .object({
    /** A company code or name (顺丰速运); left out or blank, it is recognised from the number. */
    company: userText({
      min: 0,
      max: 20,
      label: '快递公司',
      tooLong: '快递公司名称过长',
    }).optional(),
    waybillNo: z
      .string()
      .trim()
      .toUpperCase()
      .pipe(z.string().regex(/^[A-Z0-9]{8,30}$/, '运单号为 8–30 位字母或数字')),
  })
  .strict()
export type Waybill = z.infer<typeof WaybillSchema>

/** Where a parcel is, from the courier's pushes and queries, newest event first. */
export const TrackingSchema = z.object({
  state: z.string(),
  stateLabel: z.string(),
  events: z.array(z.object({ at: z.number().int(), state: z.string(), context: z.string() })),
  updatedAt: z.number().int(),
})

export const ShipmentSchema = z.object({
  /** The company's name as people know it (顺丰速运). */
  company: z.string(),
  companyCode: z.string().nullable(),
  waybillNo: z.string(),
  shippedAt: z.number().int(),
  tracking: TrackingSchema.nullable(),
})
export type Shipment = z.infer<typeof ShipmentSchema>

const COMPANY_CODES = COURIER_COMPANIES.map((c) => c.code) as [string, ...string[]]

export const PickupSlotSchema = z
  .object({
    day: z.enum(PICKUP_DAYS, { error: '请选择上门日期' }),
    start: z.string().regex(/^\d{2}:\d{2}$/, '请选择上门时段'),
    end: z.string().regex(/^\d{2}:\d{2}$/, '请选择上门时段'),
  })
  .strict()

/** 上门取件 as both parties read it: who comes when, and where the booking stands. */
export const PickupSchema = z.object({
  company: z.string(),
  companyCode: z.string(),
  /** The window as booked, with its calendar date (明天 stays the booking's tomorrow). */
  slot: PickupSlotSchema.extend({ date: z.string() }),
  state: z.enum(PICKUP_STATES),
  stateLabel: z.string(),
  /** Where the courier comes (masked for the other party). */
  from: z.string(),
  courierName: z.string().nullable(),
  courierMobile: z.string().nullable(),
  /** The courier's estimate at booking, and the charge once collected; paid to the courier at the door. */
  quoteFen: z.number().int().nullable(),
  freightFen: z.number().int().nullable(),
  waybillNo: z.string().nullable(),
  /** Why a booking failed, in words. */
  failure: z.string().nullable(),
})
export type Pickup = z.infer<typeof PickupSchema>

export const REFUND_TYPES = [
  { id: 'refund_only', label: '仅退款' },
  { id: 'return', label: '退货退款' },
] as const
export const REFUND_TYPE_IDS = idsOf(REFUND_TYPES)

/** Why a seller contests a return: it never came, or what came back is not what was sold. */
export const CONTEST_REASONS = [
  { id: 'not_received', label: '未收到退货' },
  { id: 'damaged', label: '退货有问题' },
] as const
export const CONTEST_REASON_IDS = idsOf(CONTEST_REASONS)
/** Photos a seller may attach to a contested return (the parcel, what was inside). */
export const CONTEST_PHOTOS_MAX = 6

/** Where the money of an order is right now, read off the ledger. */
export const OrderMoneySchema = z.object({
  paidFen: z.number().int(),
  inEscrowFen: z.number().int(),
  releasedFen: z.number().int(),
  refundedFen: z.number().int(),
  compensatedFen: z.number().int(),
  /** A release or refund was decided and is on its way through WeChat Pay. */
  settling: z.boolean(),
})

export const OrderEventSchema = z.object({
  /** A transition of the graph, or a step outside it (ordering, sending a return, booking or calling off a courier). */
  transition: z
    .enum(TRANSITION_NAMES)
    .or(z.enum(['checkout', 'shipReturn', 'bookPickup', 'cancelPickup'])),
  at: z.number().int(),
  /** Who took it: buyer, seller, operator or system (timer, WeChat Pay). */
  actor: z.enum(['buyer', 'seller', 'operator', 'system']),
  note: z.string().nullable(),
})

export const OrderSchema = z.object({
  id: IdSchema,
  listingId: IdSchema,
  title: z.string(),
  coverUrl: z.string().nullable(),
  buyer: PublicUserSchema,
  seller: PublicUserSchema,
  /** How the viewer relates to the order. */
  role: z.enum(['buyer', 'seller', 'operator']),
  fulfilment: z.enum(FULFILMENT_IDS),
  state: z.enum(ORDER_STATES),
  priceFen: z.number().int(),
  /** The accepted offer (议价) the order was checked out at: priceFen is its agreed price. */
  offerId: IdSchema.nullable(),
  shippingFen: z.number().int(),
  totalFen: z.number().int(),
  /** The platform's commission, fixed at checkout from the policy then in force. */
  commissionFen: z.number().int(),
  sellerReceivesFen: z.number().int(),
  /** Courier orders: full to the buyer and seller. */
  address: ShippingAddressSchema.nullable(),
  /** Meetup orders: the buyer's 6-digit code, shown to the buyer only while it can be used. */
  handoverCode: z.string().nullable(),
  /** Meetup orders, to the seller: 交易码 tries left this hour (5 at most; 0 while locked). */
  handoverTriesLeft: z.number().int().nullable(),
  shipment: ShipmentSchema.nullable(),
  /** The seller's 上门取件 booking for this order, while it matters (until the parcel ships). */
  pickup: PickupSchema.nullable(),
  refund: z
    .object({
      type: z.enum(REFUND_TYPE_IDS),
      reason: z.string(),
      requestedAt: z.number().int(),
      sellerNote: z.string().nullable(),
      /** Where the item goes back to: the seller's address, given when agreeing to the return. */
      returnAddress: ShippingAddressSchema.nullable(),
      returnShipment: ShipmentSchema.nullable(),
      returnPickup: PickupSchema.nullable(),
      /** The seller's 未收到退货 / 退货有问题 with their evidence, for the operator who decides. */
      contest: z
        .object({
          reason: z.enum(CONTEST_REASON_IDS),
          note: z.string(),
          photoUrls: z.array(z.string()),
          at: z.number().int(),
        })
        .nullable(),
    })
    .nullable(),
  /** Operators: the most 先行赔付 may pay now (paid less already refunded); null for others or when not possible. */
  compensationCapFen: z.number().int().nullable(),
  /** The next timer that will act on the order, for "N天后自动确认收货". */
  deadline: z.object({ transition: z.enum(TRANSITION_NAMES), at: z.number().int() }).nullable(),
  /** Exactly the buttons the viewer gets (from order-process.ts), plus `pay` while unpaid. */
  actions: z.array(
    z.enum(TRANSITION_NAMES).or(z.enum(['pay', 'shipReturn', 'bookPickup', 'cancelPickup'])),
  ),
  money: OrderMoneySchema,
  events: z.array(OrderEventSchema),
  createdAt: z.number().int(),
  /** Unpaid orders close at this time. */
  payBy: z.number().int(),
})
export type Order = z.infer<typeof OrderSchema>

export const OrderCardSchema = OrderSchema.pick({
  id: true,
  listingId: true,
  title: true,
  coverUrl: true,
  role: true,
  fulfilment: true,
  state: true,
  totalFen: true,
  createdAt: true,
  actions: true,
}).extend({ counterpart: PublicUserSchema })
export type OrderCard = z.infer<typeof OrderCardSchema>

/** What wx.requestPayment takes, signed by the server (H5: the sandbox cashier takes `package`). */
export const PayParamsSchema = z.object({
  appId: z.string(),
  timeStamp: z.string(),
  nonceStr: z.string(),
  package: z.string(),
  signType: z.literal('RSA'),
  paySign: z.string(),
})
export type PayParams = z.infer<typeof PayParamsSchema>

export const ORDER_TABS = ['all', 'toPay', 'inProgress', 'refund', 'done'] as const

/** An outbox job as operators see it: what it was for, for which order, and why it stopped. */
export const FailedJobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  orderId: z.string().nullable(),
  status: z.enum(['pending', 'done', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.number().int(),
})
export type FailedJob = z.infer<typeof FailedJobSchema>

const OrderRef = z.object({ orderId: IdSchema }).strict()
/**
 * A note a person writes on an order step (refund reason, answer, an operator's decision): up to
 * 200 characters on several lines; with `tooShort` it needs at least 2.
 */
export const orderNote = (tooShort?: string, min = 2) =>
  userText({
    min: tooShort ? min : 0,
    max: 200,
    multiline: true,
    label: '说明',
    tooShort,
    tooLong: '说明最多 200 字',
  })

export const OrderContract = defineContract('order', {
  terms: {
    summary: 'The commission policy in force (rate and cap), for the publish form and checkout.',
    auth: 'public',
    input: z.object({}).strict().default({}),
    output: z.object({
      commission: z.object({ rateBps: z.number().int(), capFen: z.number().int() }),
    }),
    errors: [],
  },
  messageTemplates: {
    summary:
      'The subscribe-message template ids per order event, for chat and for the review reminder, for wx.requestSubscribeMessage.',
    auth: 'public',
    input: z.object({}).strict().default({}),
    output: z.object({
      templates: z.object({
        orderPaid: z.string(),
        orderShipped: z.string(),
        orderDelivered: z.string(),
        refund: z.string(),
        autoReceiveReminder: z.string(),
        /** 新消息: a chat message while the recipient is away (asked on their first send). */
        chatMessage: z.string(),
        /** 评价提醒: a day before a review window closes (asked when the order completes). */
        reviewReminder: z.string(),
      }),
    }),
    errors: [],
  },
  freightQuote: {
    summary:
      "Courier prices from the listing's city to the buyer's (an address, a city, or the caller's home city), cheapest first.",
    auth: 'public',
    input: z
      .object({
        listingId: IdSchema,
        toCity: userText({ min: 2, max: 20, label: '城市' }).optional(),
        addressId: IdSchema.optional(),
      })
      .strict(),
    output: z.object({
      fromCity: z.string(),
      toCity: z.string(),
      weightKg: z.number(),
      quotes: z.array(
        z.object({ company: z.string(), companyCode: z.string(), priceFen: z.number().int() }),
      ),
    }),
    errors: [],
  },
  checkout: {
    summary:
      "立即购买: an order at the listing's server price (or the caller's accepted offer's) plus shipping; reserves the listing.",
    auth: 'user',
    input: z
      .object({
        listingId: IdSchema,
        fulfilment: z.enum(FULFILMENT_IDS),
        /** Courier orders: one of the caller's saved addresses (收货地址). */
        addressId: IdSchema.optional(),
        /** The caller's accepted offer (议价): the order charges its agreed price, read on the server. */
        offerId: IdSchema.optional(),
      })
      .strict(),
    output: OrderSchema,
    errors: [
      ErrorCodes.ORDER_LISTING_RESERVED,
      ErrorCodes.ORDER_LISTING_UNAVAILABLE,
      ErrorCodes.ORDER_OWN_LISTING,
      ErrorCodes.ORDER_SELLER_NOT_ONBOARDED,
      ErrorCodes.ORDER_FULFILMENT_UNAVAILABLE,
      ErrorCodes.ORDER_ADDRESS_REQUIRED,
      ErrorCodes.ORDER_FREIGHT_UNAVAILABLE,
      ErrorCodes.ORDER_PAYMENT_UNAVAILABLE,
      ErrorCodes.ORDER_TOO_MANY_UNPAID,
      ErrorCodes.OFFER_STALE,
    ],
  },
  pay: {
    summary:
      'The signed requestPayment parameters of an unpaid order (the same prepay_id on every call).',
    auth: 'user',
    input: OrderRef,
    output: z.object({ params: PayParamsSchema, payBy: z.number().int() }),
    errors: [
      ErrorCodes.ORDER_WRONG_STATE,
      ErrorCodes.ORDER_PAYMENT_EXPIRED,
      ErrorCodes.ORDER_PAYMENT_UNAVAILABLE,
    ],
  },
  syncPayment: {
    summary:
      'After the payment sheet closes: asks WeChat Pay now instead of waiting for the notification.',
    auth: 'user',
    input: OrderRef,
    output: OrderSchema,
    errors: [],
  },
  get: {
    summary: 'One order as the buyer, the seller or an operator sees it.',
    auth: 'user',
    input: OrderRef,
    output: OrderSchema,
    errors: [],
  },
  mine: {
    summary: "The caller's orders as buyer (我买到的) or seller (我卖出的), newest first.",
    auth: 'user',
    input: z
      .object({
        role: z.enum(['buyer', 'seller']),
        tab: z.enum(ORDER_TABS).default('all'),
        ...PageQuerySchema.shape,
      })
      .strict(),
    output: pageOf(OrderCardSchema),
    errors: [],
  },
  forListing: {
    summary:
      "Whether a listing is reserved by a live order, and the caller's own live order for it.",
    auth: 'public',
    input: z.object({ listingId: IdSchema }).strict(),
    output: z.object({ reserved: z.boolean(), myOrderId: IdSchema.nullable() }),
    errors: [],
  },
  cancel: {
    summary:
      'The buyer cancels: before paying (nothing moves) or before shipment/handover (full refund).',
    auth: 'user',
    input: OrderRef,
    output: OrderSchema,
    errors: [ErrorCodes.ORDER_WRONG_STATE],
  },
  ship: {
    summary: 'The seller hands the parcel to a courier and enters the waybill.',
    auth: 'user',
    input: OrderRef.extend(WaybillSchema.shape).strict(),
    output: OrderSchema,
    errors: [
      ErrorCodes.ORDER_WRONG_STATE,
      ErrorCodes.ORDER_WAYBILL_REUSED,
      ErrorCodes.ORDER_WAYBILL_MISMATCH,
      ErrorCodes.ORDER_UNKNOWN_WAYBILL,
    ],
  },
  detectCourier: {
    summary:
      "The companies a waybill number belongs to (kuaidi100 智能单号识别), most likely first, for the ship sheet's hint; empty when none is known.",
    auth: 'user',
    input: OrderRef.extend({ waybillNo: WaybillSchema.shape.waybillNo }).strict(),
    output: z.object({
      companies: z.array(z.object({ code: z.string(), name: z.string(), short: z.string() })),
    }),
    errors: [ErrorCodes.RATE_LIMITED],
  },
  handOver: {
    summary:
      "同城面交: the seller enters the buyer's 6-digit code; the buyer has the item and the money is released.",
    auth: 'user',
    input: OrderRef.extend({ code: z.string().regex(/^\d{6}$/, '交易码为 6 位数字') }).strict(),
    output: OrderSchema,
    errors: [
      ErrorCodes.ORDER_WRONG_STATE,
      ErrorCodes.ORDER_BAD_HANDOVER_CODE,
      ErrorCodes.ORDER_HANDOVER_LOCKED,
    ],
  },
  deliverService: {
    summary:
      'The provider marks the service done; the buyer then accepts it (or it is accepted in 2 days).',
    auth: 'user',
    input: OrderRef,
    output: OrderSchema,
    errors: [ErrorCodes.ORDER_WRONG_STATE],
  },
  confirm: {
    summary:
      'The buyer confirms receipt: profit sharing releases the money minus commission to the seller.',
    auth: 'user',
    input: OrderRef,
    output: OrderSchema,
    errors: [ErrorCodes.ORDER_WRONG_STATE],
  },
  requestRefund: {
    summary: 'The buyer asks for 仅退款 or 退货退款 after shipment or delivery.',
    auth: 'user',
    input: OrderRef.extend({
      type: z.enum(REFUND_TYPE_IDS),
      reason: orderNote('请说明退款原因'),
    }).strict(),
    output: OrderSchema,
    errors: [ErrorCodes.ORDER_WRONG_STATE],
  },
  answerRefund: {
    summary:
      'The seller agrees (refund now, or a return first for 退货退款) or refuses (an operator decides).',
    auth: 'user',
    input: OrderRef.extend({
      answer: z.enum(['agree', 'refuse']),
      note: orderNote().optional(),
      /** 退货退款: where the buyer sends the item (the seller's address book; the default when left out). */
      returnAddressId: IdSchema.optional(),
    }).strict(),
    output: OrderSchema,
    errors: [ErrorCodes.ORDER_WRONG_STATE, ErrorCodes.ORDER_RETURN_ADDRESS_REQUIRED],
  },
  pickupQuote: {
    summary:
      "上门取件 prices for the caller's leg (the seller's parcel, or the buyer's return) from one of their addresses, cheapest first.",
    auth: 'user',
    input: OrderRef.extend({ addressId: IdSchema }).strict(),
    output: z.object({
      fromCity: z.string(),
      toCity: z.string(),
      weightKg: z.number(),
      quotes: z.array(
        z.object({ company: z.string(), companyCode: z.string(), priceFen: z.number().int() }),
      ),
    }),
    errors: [ErrorCodes.ORDER_WRONG_STATE, ErrorCodes.ORDER_RETURN_ADDRESS_REQUIRED],
  },
  bookPickup: {
    summary:
      '预约上门取件 (商家寄件): a courier collects the parcel in the chosen window; once collected the order ships by itself.',
    auth: 'user',
    input: OrderRef.extend({
      /** The sender's address, from the caller's address book. */
      addressId: IdSchema,
      company: z.enum(COMPANY_CODES, { error: '请选择快递公司' }),
      slot: PickupSlotSchema,
    }).strict(),
    output: OrderSchema,
    errors: [
      ErrorCodes.ORDER_WRONG_STATE,
      ErrorCodes.ORDER_PICKUP_ACTIVE,
      ErrorCodes.ORDER_PICKUP_SLOT_PASSED,
      ErrorCodes.ORDER_ADDRESS_NOT_SERVED,
      ErrorCodes.ORDER_RETURN_ADDRESS_REQUIRED,
    ],
  },
  cancelPickup: {
    summary: 'Cancels a booked pickup before the courier collects the parcel.',
    auth: 'user',
    input: OrderRef,
    output: OrderSchema,
    errors: [ErrorCodes.ORDER_WRONG_STATE, ErrorCodes.ORDER_PICKUP_NOT_CANCELLABLE],
  },
  shipReturn: {
    summary:
      "The buyer sends the item back and enters the return waybill: a parcel the courier knows, used by no other order, heading to the return address's city.",
    auth: 'user',
    input: OrderRef.extend(WaybillSchema.shape).strict(),
    output: OrderSchema,
    errors: [
      ErrorCodes.ORDER_WRONG_STATE,
      ErrorCodes.ORDER_UNKNOWN_WAYBILL,
      ErrorCodes.ORDER_WAYBILL_MISMATCH,
      ErrorCodes.ORDER_WAYBILL_REUSED,
      ErrorCodes.ORDER_PARCEL_UNKNOWN,
      ErrorCodes.ORDER_RETURN_WRONG_CITY,
      ErrorCodes.ORDER_COURIER_UNAVAILABLE,
    ],
  },
  contestReturn: {
    summary:
      'The seller contests a sent return (未收到退货 / 退货有问题) with a note and photos: the order goes to an operator instead of refunding.',
    auth: 'user',
    input: OrderRef.extend({
      reason: z.enum(CONTEST_REASON_IDS, { error: '请选择异议原因' }),
      note: orderNote('请写明情况（至少 4 个字）', 4),
      photoFileIds: z
        .array(z.string().min(1).max(300))
        .max(CONTEST_PHOTOS_MAX, `最多 ${CONTEST_PHOTOS_MAX} 张照片`)
        .default([]),
    }).strict(),
    output: OrderSchema,
    errors: [ErrorCodes.ORDER_WRONG_STATE, ErrorCodes.FILE_NOT_OWNED],
  },
  receiveReturn: {
    summary: 'The seller confirms the returned item arrived: the refund runs.',
    auth: 'user',
    input: OrderRef,
    output: OrderSchema,
    errors: [ErrorCodes.ORDER_WRONG_STATE],
  },
  failedJobs: {
    summary:
      "Operators: the outbox's dead letters (order jobs WeChat or the courier refused for good), newest first.",
    auth: 'user',
    input: PageQuerySchema.strict(),
    output: pageOf(FailedJobSchema),
    errors: [],
  },
  retryJob: {
    summary:
      'Operators: send a dead letter again once its cause is fixed; answers the job as it now stands.',
    auth: 'user',
    input: z.object({ jobId: z.string().min(1).max(80) }).strict(),
    output: FailedJobSchema,
    errors: [ErrorCodes.ORDER_WRONG_STATE],
  },
  disputes: {
    summary: 'Operators: disputed orders waiting for a decision, oldest first.',
    auth: 'user',
    input: PageQuerySchema.strict(),
    output: pageOf(OrderCardSchema),
    errors: [],
  },
  resolve: {
    summary:
      'Operators: decide a dispute: refund in full, refund part and release the rest, or release.',
    auth: 'user',
    input: OrderRef.extend({
      outcome: z.enum(['refund', 'partial', 'release']),
      refundFen: FenSchema.min(1).optional(),
      note: orderNote('请写明处理理由'),
    }).strict(),
    output: OrderSchema,
    errors: [ErrorCodes.ORDER_WRONG_STATE, ErrorCodes.ORDER_REFUND_TOO_LARGE],
  },
  compensate: {
    summary:
      'Operators: 先行赔付 after release: the guarantee fund pays the buyer; a claim on the seller is recorded.',
    auth: 'user',
    input: OrderRef.extend({
      amountFen: FenSchema.min(1),
      note: orderNote('请写明赔付理由'),
    }).strict(),
    output: OrderSchema,
    errors: [ErrorCodes.ORDER_WRONG_STATE, ErrorCodes.ORDER_COMPENSATION_TOO_HIGH],
  },
})
