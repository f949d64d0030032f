import type { Clock } from '../../modules/core/ports/clock.port'
import { REFUSED, RETRY, type ProviderVerdict } from '../../modules/core/ports/provider-error'
import {
  WechatApiError,
  WechatErrcodes,
  type WechatApiErrorKind,
} from '../../modules/messaging/ports/wechat-api.port'
import {
  WechatApiConfigSchema,
  type WechatApiConfig,
  type WechatApiConfigInput,
} from './wechat-api.config'

export type FetchLike = typeof fetch

export interface WechatApiTransportDeps {
  config: WechatApiConfigInput
  clock: Clock
  /** Injected for tests; defaults to global fetch. */
  fetch?: FetchLike
}

export type Json = Record<string, unknown>

/** What one HTTP exchange answered, before anyone reads it as JSON or as an image. */
interface RawAnswer {
  contentType: string
  bytes: Uint8Array
}

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
 * errcode (invalid openid or template, bad data, refused subscription, an expired activity_id, a
 * bad scene or page, ...) is WeChat's final answer.
 */
export const wechatApiVerdict = (errcode: number): ProviderVerdict =>
  RETRYABLE_ERRCODES.has(errcode) ? RETRY : REFUSED

/** An HTTP status other than 200 from api.weixin.qq.com: 5xx and 429 may pass later. */
export const wechatHttpVerdict = (status: number): ProviderVerdict =>
  status >= 500 || status === 429 ? RETRY : REFUSED

/** Every WechatApiError the adapters throw, with the verdict from the tables above. */
export const failure = (
  errcode: WechatApiError['errcode'],
  message: string,
  verdict: ProviderVerdict,
  kind: WechatApiErrorKind,
  detail?: unknown,
) => new WechatApiError(errcode, message, verdict.retryable, kind, detail, verdict.permanent)

/** A check of ours refused the input before anything was sent. */
export const invalid = (message: string) =>
  failure('INVALID_ARGUMENT', message, REFUSED, 'invalid-argument')

const TOKEN_ERRCODES = new Set<number>([
  WechatErrcodes.INVALID_CREDENTIAL,
  WechatErrcodes.ACCESS_TOKEN_EXPIRED,
])

/** errcode 0 or absent (the token endpoint answers without one) means success. */
export const errcodeOf = (answer: Json): number =>
  typeof answer.errcode === 'number' ? answer.errcode : 0

/**
 * WechatApiTransport: WeChat's HTTPS JSON API (api.weixin.qq.com) with one access_token per
 * process, fetched on first use (/cgi-bin/stable_token by default) and cached until shortly
 * before it expires; concurrent callers share one fetch (single flight). A call answered
 * 40001/42001 refreshes the token once and is sent again; anything else is mapped to
 * WechatApiError with `retryable` for the outbox. Shared by every adapter over WeChat's server
 * API (WechatApiClient, WechatShareClient), so they spend one token between them.
 *
 * The stable token is the same for every instance, so instances do not retire each other's
 * tokens. If WeChat refuses a token that stable_token still hands out (e.g. the secret was reset
 * elsewhere), the refresh asks once with force_refresh (WeChat limits that to a few a day).
 */
export class WechatApiTransport {
  readonly config: WechatApiConfig
  private readonly clock: Clock
  private readonly fetchImpl: FetchLike
  private readonly base: string
  private cached: CachedToken | undefined
  private inflight: Promise<CachedToken> | undefined
  /** Count of token endpoint calls (observability and tests). */
  tokenFetches = 0

  constructor(deps: WechatApiTransportDeps) {
    this.config = WechatApiConfigSchema.parse(deps.config)
    this.clock = deps.clock
    this.fetchImpl = deps.fetch ?? fetch
    this.base = this.config.baseUrl.replace(/\/+$/, '')
  }

  /** Drops the cached token (e.g. after rotating the secret). */
  forgetToken(): void {
    this.cached = undefined
  }

  /** POSTs JSON with the access_token and reads the JSON answer (errcode ≠ 0 throws). */
  async postJson(path: string, payload: Json, query: Record<string, string> = {}): Promise<Json> {
    const raw = await this.withToken('POST', path, query, JSON.stringify(payload))
    return this.checked(parseJson(raw, path), path)
  }

  /** GETs with the access_token and the given query (`undefined` values are left out). */
  async getJson(path: string, query: Record<string, string | undefined> = {}): Promise<Json> {
    const defined = Object.fromEntries(
      Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined),
    )
    const raw = await this.withToken('GET', path, defined)
    return this.checked(parseJson(raw, path), path)
  }

  /**
   * POSTs JSON to an endpoint that answers an image on success and `{errcode, errmsg}` on
   * failure (wxa/getwxacodeunlimit): told apart by the content type, as WeChat documents.
   */
  async postForImage(path: string, payload: Json): Promise<Uint8Array> {
    const raw = await this.withToken('POST', path, {}, JSON.stringify(payload))
    if (/^image\//i.test(raw.contentType)) {
      if (raw.bytes.length === 0)
        throw failure('BAD_RESPONSE', `WeChat ${path}: empty image`, RETRY, 'transport')
      return raw.bytes
    }
    this.checked(parseJson(raw, path), path)
    throw failure(
      'BAD_RESPONSE',
      `WeChat ${path}: expected an image, got ${raw.contentType || 'no content type'}`,
      RETRY,
      'transport',
    )
  }

  /** Sends with the token; a 40001/42001 answer refreshes it once and sends again. */
  private async withToken(
    method: 'GET' | 'POST',
    path: string,
    query: Record<string, string>,
    body?: string,
  ): Promise<RawAnswer> {
    const url = (t: string) => `${path}?${new URLSearchParams({ access_token: t, ...query })}`
    const first = await this.token()
    const answer = await this.request(method, url(first.token), body)
    if (!TOKEN_ERRCODES.has(tokenErrcodeOf(answer))) return answer
    const fresh = await this.token(first)
    return this.request(method, url(fresh.token), body)
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
    const raw =
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
          )
    const answer = this.checked(parseJson(raw, path), path)
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
  ): Promise<RawAnswer> {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), this.config.timeoutMs)
    // Never put the token or secret into error messages.
    const where = pathAndQuery.split('?')[0]
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
      const bytes = new Uint8Array(await res.arrayBuffer())
      if (res.status !== 200) {
        throw failure(
          'HTTP_STATUS',
          `WeChat ${where}: HTTP ${res.status}`,
          wechatHttpVerdict(res.status),
          'transport',
          { status: res.status },
        )
      }
      return { contentType: res.headers.get('content-type') ?? '', bytes }
    } catch (e) {
      if (e instanceof WechatApiError) throw e
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
  }
}

const parseJson = (raw: RawAnswer, where: string): Json => {
  const text = new TextDecoder().decode(raw.bytes)
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
      {
        body: text.slice(0, 200),
      },
    )
  }
}

/** A token refusal arrives as JSON even from the image endpoint; anything else is not one. */
const tokenErrcodeOf = (raw: RawAnswer): number => {
  if (/^image\//i.test(raw.contentType) || raw.bytes.length > 4096) return 0
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(raw.bytes))
    return typeof parsed === 'object' && parsed !== null ? errcodeOf(parsed as Json) : 0
  } catch {
    return 0
  }
}
