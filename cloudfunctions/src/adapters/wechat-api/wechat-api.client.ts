import { CHINA_OFFSET_MS } from '@shared/domain/time'
import type { Clock } from '../../modules/core/ports/clock.port'
import type {
  NotifyConfirmReceiveInput,
  MessageTemplates,
  SendSubscribeMessageInput,
  UploadShippingInfoInput,
  WechatApi,
  WechatOrderKey,
} from '../../modules/messaging/ports/wechat-api.port'
import type { WechatApiConfigInput } from './wechat-api.config'
import { invalid, WechatApiTransport, type FetchLike } from './wechat-api.transport'

export { wechatApiVerdict, wechatHttpVerdict, type FetchLike } from './wechat-api.transport'

export interface WechatApiClientDeps {
  config: WechatApiConfigInput
  clock: Clock
  /** Injected for tests; defaults to global fetch. */
  fetch?: FetchLike
}

/** RFC 3339 in China Standard Time with milliseconds, the form WeChat's examples use. */
export const rfc3339Cst = (epochMs: number): string =>
  new Date(epochMs + CHINA_OFFSET_MS).toISOString().replace(/Z$/, '+08:00')

/**
 * WechatApiClient: WechatApi (shipping info, confirm-receive reminders, subscribe messages) over
 * WeChat's HTTPS JSON API. The access_token, retries of a refused token, timeouts and the errcode
 * table live in WechatApiTransport; pass one transport to share its token with WechatShareClient.
 */
export class WechatApiClient implements WechatApi {
  readonly templates: MessageTemplates
  readonly transport: WechatApiTransport

  constructor(deps: WechatApiClientDeps | { transport: WechatApiTransport }) {
    this.transport = 'transport' in deps ? deps.transport : new WechatApiTransport(deps)
    this.templates = this.transport.config.templates
  }

  /** Count of token endpoint calls (observability and tests). */
  get tokenFetches(): number {
    return this.transport.tokenFetches
  }

  async uploadShippingInfo(input: UploadShippingInfoInput): Promise<void> {
    if (![1, 2, 3, 4].includes(input.logisticsType))
      throw invalid('logisticsType must be 1, 2, 3 or 4')
    if (input.items.length < 1 || input.items.length > 15)
      throw invalid('items must hold 1 to 15 entries')
    if (!Number.isFinite(input.uploadedAt)) throw invalid('uploadedAt must be epoch ms')
    const split = input.items.length > 1
    await this.post('/wxa/sec/order/upload_shipping_info', {
      order_key: orderKeyForShipping(input.order),
      logistics_type: input.logisticsType,
      delivery_mode: split ? 2 : 1,
      ...(split ? { is_all_delivered: input.isAllDelivered ?? true } : {}),
      shipping_list: input.items.map((i) => ({
        ...(i.trackingNo !== undefined ? { tracking_no: i.trackingNo } : {}),
        ...(i.expressCompany !== undefined ? { express_company: i.expressCompany } : {}),
        item_desc: i.itemDesc,
        ...(i.consignorContact || i.receiverContact
          ? {
              contact: {
                ...(i.consignorContact ? { consignor_contact: i.consignorContact } : {}),
                ...(i.receiverContact ? { receiver_contact: i.receiverContact } : {}),
              },
            }
          : {}),
      })),
      upload_time: rfc3339Cst(input.uploadedAt),
      payer: { openid: input.payerOpenid },
    })
  }

  async notifyConfirmReceive(input: NotifyConfirmReceiveInput): Promise<void> {
    if (!Number.isFinite(input.receivedAt)) throw invalid('receivedAt must be epoch ms')
    const key = input.order
    await this.post('/wxa/sec/order/notify_confirm_receive', {
      ...('transactionId' in key
        ? { transaction_id: key.transactionId }
        : { merchant_id: key.mchid, merchant_trade_no: key.outTradeNo }),
      // WeChat wants seconds; milliseconds are rejected as 签收时间不合理 (10060029).
      received_time: Math.floor(input.receivedAt / 1000),
    })
  }

  async sendSubscribeMessage(input: SendSubscribeMessageInput): Promise<{ msgId?: string }> {
    if (!input.toOpenid) throw invalid('toOpenid is required')
    if (!input.templateId) throw invalid('templateId is required')
    const body = await this.post('/cgi-bin/message/subscribe/send', {
      touser: input.toOpenid,
      template_id: input.templateId,
      ...(input.page ? { page: input.page } : {}),
      data: Object.fromEntries(Object.entries(input.data).map(([k, value]) => [k, { value }])),
      miniprogram_state: input.miniprogramState ?? this.transport.config.miniprogramState,
      lang: input.lang ?? 'zh_CN',
    })
    const msgid = body.msgid
    return typeof msgid === 'number' || typeof msgid === 'string' ? { msgId: String(msgid) } : {}
  }

  /** Drops the cached token (e.g. after rotating the secret). */
  forgetToken(): void {
    this.transport.forgetToken()
  }

  private post(path: string, payload: Record<string, unknown>) {
    return this.transport.postJson(path, payload)
  }
}

const orderKeyForShipping = (key: WechatOrderKey) =>
  'transactionId' in key
    ? { order_number_type: 2, transaction_id: key.transactionId }
    : { order_number_type: 1, mchid: key.mchid, out_trade_no: key.outTradeNo }
