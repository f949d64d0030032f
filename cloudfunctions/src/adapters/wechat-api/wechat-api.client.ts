import { CHINA_OFFSET_MS } from '@shared/domain/time'
import type { Clock } from '../../modules/core/ports/clock.port'
import { REFUSED, RETRY, type ProviderVerdict } from '../../modules/core/ports/provider-error'
import {
  WechatApiError,
  WechatErrcodes,
  type NotifyConfirmReceiveInput,
  type MessageTemplates,
  type SendSubscribeMessageInput,
  type UploadShippingInfoInput,
  type WechatApi,
  type WechatApiErrorKind,
  type WechatOrderKey,
} from '../../modules/messaging/ports/wechat-api.port'
import {
  WechatApiConfigSchema,
  type WechatApiConfig,
  type WechatApiConfigInput,
} from './wechat-api.config'

export type FetchLike = typeof fetch

export interface WechatApiClientDeps {
  config: WechatApiConfigInput
  clock: Clock
  /** Injected for tests; defaults to global fetch. */
  fetch?: FetchLike
}

type Json = Record<string, unknown>

interface CachedToken {
  token: string
  /** Epoch ms after which we stop using it (WeChat's expiry minus the refresh margin). */
  useUntil: number
}

/** errcodes after which the same call, sent again later, may succeed. */
const RETRYABLE_ERRCODES = new Set<number>([
  WechatErrcodes.SYSTEM_BUSY,
  WechatErrcodes.API_FREQUENCY_LIMIT,
  // Still invalid after one refresh: another server may be fetching tokens for the same appid
  // (each /cgi-bin/token call retires the previous token); a later attempt gets a fresh one.
  WechatErrcodes.INVALID_CREDENTIAL,
  WechatErrcodes.ACCESS_TOKEN_EXPIRED,
  // 小程序发货信息管理服务: 系统繁忙，请稍后再试.
  10060012,
  10060019,
])
/**
 * WeChat's errcode table (服务端 API 全局返回码, 发货信息管理 错误码): the errcodes above (system busy,
 * frequency limit, a token another server retired) may succeed on the same call later; any other
 * errcode (invalid openid or template, bad data, refused subscription, ...) is WeChat's final answer.
 */
export const wechatApiVerdict = (errcode: number): ProviderVerdict =>
  RETRYABLE_ERRCODES.has(errcode) ? RETRY : REFUSED

/** An HTTP status other than 200 from api.weixin.qq.com: 5xx and 429 may pass later. */
export const wechatHttpVerdict = (status: number): ProviderVerdict =>
  status >= 500 || status === 429 ? RETRY : REFUSED

/** Every WechatApiError this client throws, with the verdict from the tables above. */
const failure = (
  errcode: WechatApiError['errcode'],
  message: string,
  verdict: ProviderVerdict,
  kind: WechatApiErrorKind,
  detail?: unknown,
) => new WechatApiError(errcode, message, verdict.retryable, kind, detail, verdict.permanent)

const TOKEN_ERRCODES = new Set<number>([
  WechatErrcodes.INVALID_CREDENTIAL,
  WechatErrcodes.ACCESS_TOKEN_EXPIRED,
])

const invalid = (message: string) =>
  failure('INVALID_ARGUMENT', message, REFUSED, 'invalid-argument')

/** RFC 3339 in China Standard Time with milliseconds, the form WeChat's examples use. */
export const rfc3339Cst = (epochMs: number): string =>
  new Date(epochMs + CHINA_OFFSET_MS).toISOString().replace(/Z$/, '+08:00')

/**
 * WechatApiClient: WechatApi over WeChat's HTTPS JSON API. It holds one access_token per process,
 * fetched on first use (/cgi-bin/stable_token by default) and cached until shortly before it
 * expires; concurrent callers share one fetch (single flight). A call answered 40001/42001
 * refreshes the token once and is sent again; anything else is mapped to WechatApiError with
 * `retryable` for the outbox.
 *
 * The stable token is the same for every instance, so instances do not retire each other's
 * tokens. If WeChat refuses a token that stable_token still hands out (e.g. the secret was reset
 * elsewhere), the refresh asks once with force_refresh (WeChat limits that to a few a day).
 */
export class WechatApiClient implements WechatApi {
  readonly templates: MessageTemplates
  private readonly config: WechatApiConfig
  private readonly clock: Clock
  private readonly fetchImpl: FetchLike
  private readonly base: string
  private cached: CachedToken | undefined
  private inflight: Promise<CachedToken> | undefined
  /** Count of /cgi-bin/token calls (observability and tests). */
  tokenFetches = 0

  constructor(deps: WechatApiClientDeps) {
    this.config = WechatApiConfigSchema.parse(deps.config)
    this.templates = this.config.templates
    this.clock = deps.clock
    this.fetchImpl = deps.fetch ?? fetch
    this.base = this.config.baseUrl.replace(/\/+$/, '')
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
      miniprogram_state: input.miniprogramState ?? this.config.miniprogramState,
      lang: input.lang ?? 'zh_CN',
    })
    const msgid = body.msgid
    return typeof msgid === 'number' || typeof msgid === 'string' ? { msgId: String(msgid) } : {}
  }

  /** Drops the cached token (e.g. after rotating the secret). */
  forgetToken(): void {
    this.cached = undefined
  }

  /** POSTs JSON with the access_token; refreshes the token once on 40001/42001. */
  private async post(path: string, payload: Json): Promise<Json> {
    const body = JSON.stringify(payload)
    const first = await this.token()
    const answer = await this.request(
      'POST',
      `${path}?access_token=${encodeURIComponent(first.token)}`,
      body,
    )
    const errcode = errcodeOf(answer)
    if (errcode !== 0 && TOKEN_ERRCODES.has(errcode)) {
      const fresh = await this.token(first)
      const again = await this.request(
        'POST',
        `${path}?access_token=${encodeURIComponent(fresh.token)}`,
        body,
      )
      return this.checked(again, path)
    }
    return this.checked(answer, path)
  }

  private checked(answer: Json, what: string): Json {
    const errcode = errcodeOf(answer)
    if (errcode === 0) return answer
    const errmsg = typeof answer.errmsg === 'string' ? answer.errmsg : ''
    throw failure(
      errcode,
      `WeChat ${what}: ${errcode} ${errmsg}`.trim(),
      wechatApiVerdict(errcode),
      'wechat',
      answer,
    )
  }

  /**
   * The cached token, or a fresh one. `stale` is a token a call was just refused with: it is
   * replaced unless another caller already did (then the newer one is used).
   */
  private async token(stale?: CachedToken): Promise<CachedToken> {
    const now = this.clock.now()
    if (this.cached && this.cached !== stale && now < this.cached.useUntil) return this.cached
    if (stale && this.cached === stale) this.cached = undefined
    this.inflight ??= this.fetchToken(stale?.token).finally(() => {
      this.inflight = undefined
    })
    return this.inflight
  }

  /** `refused`: the token a call was just refused with; handed out again, it is force-refreshed. */
  private async fetchToken(refused?: string): Promise<CachedToken> {
    let fresh = await this.requestToken(false)
    if (
      refused !== undefined &&
      fresh.token === refused &&
      this.config.tokenEndpoint === 'stable_token'
    ) {
      fresh = await this.requestToken(true)
    }
    this.cached = fresh
    return fresh
  }

  private async requestToken(forceRefresh: boolean): Promise<CachedToken> {
    this.tokenFetches++
    const { appid, secret } = this.config
    const path = `/cgi-bin/${this.config.tokenEndpoint}`
    const answer = this.checked(
      this.config.tokenEndpoint === 'stable_token'
        ? await this.request(
            'POST',
            path,
            JSON.stringify({
              grant_type: 'client_credential',
              appid,
              secret,
              force_refresh: forceRefresh,
            }),
          )
        : await this.request(
            'GET',
            `${path}?${new URLSearchParams({ grant_type: 'client_credential', appid, secret })}`,
          ),
      path,
    )
    const token = answer.access_token
    const expiresIn = answer.expires_in
    if (typeof token !== 'string' || !token || typeof expiresIn !== 'number' || !(expiresIn > 0)) {
      throw failure(
        'BAD_RESPONSE',
        `WeChat ${path}: no access_token/expires_in`,
        RETRY,
        'transport',
        answer,
      )
    }
    // A stable token may come back with little life left: keep the margin below half of it, so
    // the cache still saves calls, and let 42001 trigger the refresh at the very end.
    const lifeMs = expiresIn * 1000
    return {
      token,
      useUntil: this.clock.now() + lifeMs - Math.min(this.config.tokenRefreshMarginMs, lifeMs / 2),
    }
  }

  private async request(
    method: 'GET' | 'POST',
    pathAndQuery: string,
    body?: string,
  ): Promise<Json> {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), this.config.timeoutMs)
    // Never put the token or secret into error messages.
    const where = pathAndQuery.split('?')[0]
    let status: number
    let text: string
    try {
      const res = await this.fetchImpl(this.base + pathAndQuery, {
        method,
        headers:
          body === undefined
            ? { Accept: 'application/json' }
            : { Accept: 'application/json', 'Content-Type': 'application/json' },
        body,
        signal: controller.signal,
      })
      status = res.status
      text = await res.text()
    } catch (e) {
      if (controller.signal.aborted) {
        throw failure(
          'TIMEOUT',
          `WeChat ${where}: no answer within ${this.config.timeoutMs} ms`,
          RETRY,
          'transport',
        )
      }
      throw failure(
        'NETWORK',
        `WeChat ${where}: ${e instanceof Error ? e.message : String(e)}`,
        RETRY,
        'transport',
      )
    } finally {
      clearTimeout(timer)
    }
    if (status !== 200) {
      throw failure(
        'HTTP_STATUS',
        `WeChat ${where}: HTTP ${status}`,
        wechatHttpVerdict(status),
        'transport',
        { status },
      )
    }
    try {
      const parsed: unknown = JSON.parse(text)
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error('not an object')
      return parsed as Json
    } catch {
      throw failure(
        'BAD_RESPONSE',
        `WeChat ${where}: answer is not a JSON object`,
        RETRY,
        'transport',
        { body: text.slice(0, 200) },
      )
    }
  }
}

/** errcode 0 or absent (the token endpoint answers without one) means success. */
const errcodeOf = (answer: Json): number =>
  typeof answer.errcode === 'number' ? answer.errcode : 0

const orderKeyForShipping = (key: WechatOrderKey) =>
  'transactionId' in key
    ? { order_number_type: 2, transaction_id: key.transactionId }
    : { order_number_type: 1, mchid: key.mchid, out_trade_no: key.outTradeNo }
