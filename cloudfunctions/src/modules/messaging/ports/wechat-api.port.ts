/**
 * WechatApi: the platform's view of the WeChat server API (api.weixin.qq.com) for order events:
 * 小程序发货信息管理服务 (shipping info, confirm-receive reminder) and subscribe messages
 * (订阅消息). Calls are meant to be made from the outbox worker (ARCHITECTURE.md §7), so each input
 * carries everything needed to send the same body again on a retry. No SDK types cross this boundary.
 */

import { hasBrand, ProviderError } from '../../core/ports/provider-error'

/** Where a failure came from: WeChat answered an errcode, the wire failed, or a check of ours failed. */
export type WechatApiErrorKind = 'wechat' | 'transport' | 'invalid-argument' | 'not-configured'

/** Local failure codes (WeChat's own errcodes are numbers). */
export type WechatApiLocalCode =
  'TIMEOUT' | 'NETWORK' | 'HTTP_STATUS' | 'BAD_RESPONSE' | 'INVALID_ARGUMENT' | 'NOT_CONFIGURED'

/** WeChat errcodes the platform reacts to. */
export const WechatErrcodes = {
  SYSTEM_BUSY: -1,
  INVALID_CREDENTIAL: 40001,
  INVALID_OPENID: 40003,
  INVALID_APPID: 40013,
  INVALID_TEMPLATE_ID: 40037,
  INVALID_APPSECRET: 40125,
  ACCESS_TOKEN_MISSING: 41001,
  ACCESS_TOKEN_EXPIRED: 42001,
  /** The user has not accepted (or has used up) the subscription to this template. */
  SUBSCRIPTION_REFUSED: 43101,
  DATA_FORMAT_ERROR: 47001,
  TEMPLATE_PARAM_INVALID: 47003,
  API_FREQUENCY_LIMIT: 45009,
  /** Shipping: the order's shipping info was not updated (upload_time not newer): a retry whose first attempt landed. */
  SHIPPING_NOT_UPDATED: 10060023,
} as const

const WECHAT_API_ERROR = Symbol.for('linquan.WechatApiError')

/** WeChat answers errcodes over HTTP 200; a transport failure may carry the status in `detail`. */
const httpStatusOf = (kind: WechatApiErrorKind, detail: unknown): number | undefined => {
  if (kind === 'wechat') return 200
  const status = (detail as { status?: unknown } | undefined)?.status
  return typeof status === 'number' ? status : undefined
}

/** A failed WeChat API call; `errcode` is WeChat's number, or a local code when WeChat never answered. */
export class WechatApiError extends ProviderError {
  readonly [WECHAT_API_ERROR] = true

  static [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value, WECHAT_API_ERROR)
  }

  constructor(
    readonly errcode: number | WechatApiLocalCode,
    message: string,
    /** True when sending the same call again later may succeed (timeouts, 5xx, -1 system busy, 45009). */
    readonly retryable: boolean,
    readonly kind: WechatApiErrorKind,
    readonly detail?: unknown,
    /** Refused for good; the adapter sets it from WeChat's errcode table (the default is for local stand-ins). */
    permanent = !retryable,
  ) {
    super('wechat-api', String(errcode), message, httpStatusOf(kind, detail), permanent)
    this.name = 'WechatApiError'
  }
}

/** logistics_type: 1 courier (快递), 2 same-city (同城配送), 3 virtual (services), 4 self-pickup (用户自提). */
export type LogisticsType = 1 | 2 | 3 | 4
export const LogisticsTypes = { courier: 1, sameCity: 2, virtual: 3, selfPickup: 4 } as const

/**
 * Which payment: by WeChat Pay's transaction id (order_number_type 2, preferred: it is unambiguous
 * for partner payments), or by the merchant and its out_trade_no (order_number_type 1).
 */
export type WechatOrderKey = { transactionId: string } | { mchid: string; outTradeNo: string }

/** One parcel (or the one handover) of an order. */
export interface ShippingItem {
  /** Required for courier (logistics_type 1). */
  trackingNo?: string
  /** WeChat's courier code (get_delivery_list), e.g. SF, ZTO; required for courier. */
  expressCompany?: string
  /** What is in it, at most 120 characters. */
  itemDesc: string
  /** Masked phones (e.g. 138****0000); SF Express requires one of them. */
  consignorContact?: string
  receiverContact?: string
}

export interface UploadShippingInfoInput {
  order: WechatOrderKey
  logisticsType: LogisticsType
  /** One item is unified delivery; several (courier only, at most 15) is split delivery. */
  items: ShippingItem[]
  /** Split delivery only: whether this upload completes the order. */
  isAllDelivered?: boolean
  payerOpenid: string
  /** Epoch ms: WeChat orders uploads by it. Store it with the outbox entry so a retry sends the same value. */
  uploadedAt: number
}

export interface NotifyConfirmReceiveInput {
  order: WechatOrderKey
  /** Epoch ms when the courier reported delivery (sent to WeChat in seconds). */
  receivedAt: number
}

/** developer | trial | formal: which version of the mini-program the message opens. */
export type MiniprogramState = 'developer' | 'trial' | 'formal'

export interface SendSubscribeMessageInput {
  toOpenid: string
  templateId: string
  /** Mini-program page the message opens, e.g. `pages/order/detail?id=...`. */
  page?: string
  /** Keyword values by keyword name, e.g. `{ character_string1: 'LQ2026...', thing2: '二手相机' }`. */
  data: Record<string, string>
  miniprogramState?: MiniprogramState
  lang?: 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW'
}

export interface WechatApi {
  /** Template ids per event (config), for subscribe messages and wx.requestSubscribeMessage. */
  readonly templates: MessageTemplates
  /** Records a shipment or handover for a paid order (wxa/sec/order/upload_shipping_info). */
  uploadShippingInfo(input: UploadShippingInfoInput): Promise<void>
  /** Reminds the buyer to confirm receipt once the courier delivered (wxa/sec/order/notify_confirm_receive). */
  notifyConfirmReceive(input: NotifyConfirmReceiveInput): Promise<void>
  /** Sends a subscribe message to a user who accepted the template (cgi-bin/message/subscribe/send). */
  sendSubscribeMessage(input: SendSubscribeMessageInput): Promise<{ msgId?: string }>
}

/** The template ids (chosen in the mini-program admin) for each order event, so callers never hard-code them. */
export interface OrderMessageTemplates {
  orderPaid: string
  orderShipped: string
  orderDelivered: string
  refund: string
  autoReceiveReminder: string
}

/**
 * Every template the platform sends: the order events', 新消息 for a chat the recipient is away
 * from, and 评价提醒 a day before a review window closes.
 */
export interface MessageTemplates extends OrderMessageTemplates {
  chatMessage: string
  reviewReminder: string
}
