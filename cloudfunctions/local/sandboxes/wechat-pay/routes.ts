import type { IncomingMessage, ServerResponse } from 'node:http'
import { readBody } from '../../http-utils'
import { cashierHtml, safeRedirect } from './cashier'
import type { SandboxClock } from '../sandbox-clock'
import {
  gcmEncrypt,
  nonceStr,
  parseAuthorization,
  requestMessage,
  responseMessage,
  rsaSign,
  rsaVerify,
} from './crypto'
import type { Faults } from './faults'
import type { KeyPair } from './keys'
import { type MediaStore, readMediaUpload } from './media'
import type { Notifier } from './notifier'
import { rfc3339 } from './notifier'
import { type Engine, WxError } from './state'

export interface RouteContext {
  engine: Engine
  /** Images from POST /v3/merchant/media/upload, which applyments must refer to. */
  media: MediaStore
  faults: Faults
  clock: SandboxClock
  notifier: Notifier
  spMchid: string
  apiV3Key: string
  merchant: KeyPair
  platform: KeyPair
  /** Path prefix the sandbox is mounted at, e.g. `/sandbox/wechat-pay`. */
  mount: string
  /** Sandbox time a signed request's timestamp may differ from now (5 minutes). */
  maxSkewMs: number
}

type Json = Record<string, unknown>
type Handler = (
  c: RouteContext,
  m: RegExpExecArray,
  body: Json,
  q: URLSearchParams,
  req: IncomingMessage,
) => Json | undefined

/** API v3 routes, as on api.mch.weixin.qq.com. `undefined` answers 204 No Content. */
const API: [method: string, path: RegExp, handler: Handler][] = [
  ['GET', /^\/v3\/certificates$/, (c) => certificates(c)],
  [
    'POST',
    /^\/v3\/ecommerce\/applyments\/?$/,
    (c, _m, b, _q, req) => {
      const idCard = (b.id_card_info ?? {}) as Json
      c.media.assertUploaded({
        id_card_copy: idCard.id_card_copy,
        id_card_national: idCard.id_card_national,
      })
      return c.engine.submitApplyment(b, header(req, 'wechatpay-serial'), c.platform.serial)
    },
  ],
  [
    'GET',
    /^\/v3\/ecommerce\/applyments\/out-request-no\/([^/]+)$/,
    (c, m) => c.engine.queryApplyment(decodeURIComponent(m[1])),
  ],
  ['POST', /^\/v3\/pay\/partner\/transactions\/jsapi$/, (c, _m, b) => c.engine.createJsapi(b)],
  [
    'GET',
    /^\/v3\/pay\/partner\/transactions\/out-trade-no\/([^/]+)$/,
    (c, m, _b, q) => c.engine.queryTransaction(decodeURIComponent(m[1]), q.get('sub_mchid')),
  ],
  [
    'POST',
    /^\/v3\/pay\/partner\/transactions\/out-trade-no\/([^/]+)\/close$/,
    (c, m, b) => {
      c.engine.closeTransaction(decodeURIComponent(m[1]), b)
      return undefined
    },
  ],
  [
    'POST',
    /^\/v3\/ecommerce\/profitsharing\/orders$/,
    (c, _m, b) => c.engine.createSharingOrder(b),
  ],
  [
    'GET',
    /^\/v3\/ecommerce\/profitsharing\/orders$/,
    (c, _m, _b, q) => c.engine.querySharingOrder(q),
  ],
  [
    'POST',
    /^\/v3\/ecommerce\/profitsharing\/finish-order$/,
    (c, _m, b) => c.engine.finishSharing(b),
  ],
  [
    'POST',
    /^\/v3\/ecommerce\/profitsharing\/returnorders$/,
    (c, _m, b) => c.engine.createReturnOrder(b),
  ],
  [
    'GET',
    /^\/v3\/ecommerce\/profitsharing\/returnorders$/,
    (c, _m, _b, q) => c.engine.queryReturnOrder(q),
  ],
  ['POST', /^\/v3\/ecommerce\/refunds\/apply$/, (c, _m, b) => c.engine.applyRefund(b)],
  [
    'GET',
    /^\/v3\/ecommerce\/refunds\/out-refund-no\/([^/]+)$/,
    (c, m, _b, q) => c.engine.queryRefund(decodeURIComponent(m[1]), q.get('sub_mchid')),
  ],
  [
    'GET',
    /^\/v3\/ecommerce\/fund\/balance\/([^/]+)$/,
    (c, m) => c.engine.balance(decodeURIComponent(m[1])),
  ],
  ['POST', /^\/v3\/ecommerce\/fund\/withdraw$/, (c, _m, b) => c.engine.withdraw(b)],
  [
    'GET',
    /^\/v3\/ecommerce\/fund\/withdraw\/out-request-no\/([^/]+)$/,
    (c, m, _b, q) => c.engine.queryWithdrawal(decodeURIComponent(m[1]), q.get('sub_mchid')),
  ],
]

const header = (req: IncomingMessage, name: string) => {
  const v = req.headers[name]
  return typeof v === 'string' ? v : undefined
}

/** Answers with WeChat's response signature headers (platform key over timestamp\nnonce\nbody\n). */
export const sendSigned = (
  c: RouteContext,
  res: ServerResponse,
  status: number,
  body: Json | undefined,
) => {
  if (res.headersSent || res.destroyed) return
  const text = body === undefined ? '' : JSON.stringify(body)
  const timestamp = String(Math.floor(c.clock.now() / 1000))
  const nonce = nonceStr()
  res.writeHead(status, {
    ...(text ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
    'Content-Length': Buffer.byteLength(text),
    'Request-ID': `sandbox-${nonceStr(8)}`,
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Serial': c.platform.serial,
    'Wechatpay-Signature': rsaSign(responseMessage(timestamp, nonce, text), c.platform.privateKey),
    'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
  })
  res.end(text)
}

const certificates = (c: RouteContext): Json => {
  const nonce = nonceStr(6)
  return {
    data: [
      {
        serial_no: c.platform.serial,
        effective_time: rfc3339(c.platform.notBefore.getTime()),
        expire_time: rfc3339(c.platform.notAfter.getTime()),
        encrypt_certificate: {
          algorithm: 'AEAD_AES_256_GCM',
          nonce,
          associated_data: 'certificate',
          ciphertext: gcmEncrypt(c.platform.certificate, c.apiV3Key, nonce, 'certificate'),
        },
      },
    ],
  }
}

/**
 * Checks the merchant's Authorization header. The signed URL may be the vendor path (what a
 * production client signs, `/v3/...`) or the full mounted path (`/sandbox/wechat-pay/v3/...`).
 */
const verifyAuthorization = (
  c: RouteContext,
  req: IncomingMessage,
  path: string,
  url: URL,
  body: string,
) => {
  const auth = parseAuthorization(header(req, 'authorization'))
  if (!auth) throw new WxError(401, 'SIGN_ERROR', '缺少或无法解析 Authorization 签名头')
  if (auth.mchid !== c.spMchid) throw new WxError(401, 'SIGN_ERROR', '签名商户号与沙箱商户号不一致')
  if (auth.serial_no.toUpperCase() !== c.merchant.serial)
    throw new WxError(401, 'SIGN_ERROR', '商户证书序列号不正确')
  const ts = Number(auth.timestamp)
  if (!/^\d{1,12}$/.test(auth.timestamp) || Math.abs(c.clock.now() - ts * 1000) > c.maxSkewMs)
    throw new WxError(401, 'SIGN_ERROR', '签名时间戳与当前时间相差超过 5 分钟')
  const method = req.method ?? 'GET'
  const ok = [path + url.search, url.pathname + url.search].some((u) =>
    rsaVerify(
      requestMessage(method, u, auth.timestamp, auth.nonce_str, body),
      auth.signature,
      c.merchant.certificate,
    ),
  )
  if (!ok) throw new WxError(401, 'SIGN_ERROR', '签名错误')
}

export const handleRequest = async (
  c: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  url: URL,
): Promise<void> => {
  try {
    if (path.startsWith('/control/') || path === '/control')
      return await handleControl(c, req, res, path, url)
    if (path === '/cashier' || path.startsWith('/cashier/'))
      return await handleCashier(c, req, res, path, url)
    if (req.method === 'POST' && path === '/v3/merchant/media/upload')
      return await handleMediaUpload(c, req, res, path, url)
    const raw = (await readBody(req, 256 * 1024)).toString('utf8')
    const route = API.find(([m, re]) => m === req.method && re.test(path))
    if (!route) throw new WxError(404, 'NOT_FOUND', `沙箱未实现 ${req.method} ${path}`)
    verifyAuthorization(c, req, path, url, raw)
    if (c.faults.take('apiErrors'))
      throw new WxError(500, 'SYSTEM_ERROR', '系统错误（沙箱故障注入）')
    if (c.faults.take('apiRateLimited'))
      throw new WxError(429, 'FREQUENCY_LIMITED', '频率超限（沙箱故障注入）')
    let body: Json = {}
    if (req.method === 'POST') {
      try {
        const parsed = JSON.parse(raw)
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
          throw new Error()
        body = parsed
      } catch {
        throw new WxError(400, 'PARAM_ERROR', '请求体不是合法的 JSON 对象')
      }
    }
    let out: Json | undefined
    try {
      out = route[2](c, route[1].exec(path)!, body, url.searchParams, req)
    } finally {
      // Whatever happened (a change, or a refusal), the caller never hears about it.
      if (c.faults.take('apiTimeouts')) res.destroy()
    }
    sendSigned(c, res, out === undefined ? 204 : 200, out)
  } catch (e) {
    req.resume()
    if (res.destroyed) return
    if (e instanceof WxError)
      return sendSigned(c, res, e.status, { code: e.code, message: e.message })
    if (e instanceof Error && /请求内容过大/.test(e.message))
      return sendSigned(c, res, 400, { code: 'PARAM_ERROR', message: e.message })
    return sendSigned(c, res, 500, {
      code: 'SYSTEM_ERROR',
      message: `沙箱内部错误：${e instanceof Error ? e.message : String(e)}`,
    })
  }
}

/** 图片上传: multipart with `meta` and `file`; the signature covers the meta JSON, not the body. */
const handleMediaUpload = async (
  c: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  url: URL,
) => {
  try {
    const { meta, file } = await readMediaUpload(req)
    verifyAuthorization(c, req, path, url, meta)
    if (c.faults.take('apiErrors'))
      throw new WxError(500, 'SYSTEM_ERROR', '系统错误（沙箱故障注入）')
    sendSigned(c, res, 200, c.media.put(meta, file))
  } catch (e) {
    req.resume()
    if (e instanceof WxError)
      return sendSigned(c, res, e.status, { code: e.code, message: e.message })
    throw e
  }
}

const readJson = async (req: IncomingMessage): Promise<Json> => {
  const raw = (await readBody(req, 64 * 1024)).toString('utf8')
  if (!raw.trim()) return {}
  try {
    const v = JSON.parse(raw)
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v
  } catch {
    /* fall through */
  }
  throw new WxError(400, 'PARAM_ERROR', '请求体不是合法的 JSON 对象')
}

const plainJson = (res: ServerResponse, status: number, body: unknown) => {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  })
  res.end(text)
}

/**
 * Control endpoints (no signature: they stand for things outside the merchant API — the buyer,
 * WeChat's reviewers, time itself, and the test harness).
 */
const handleControl = async (
  c: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  url: URL,
) => {
  const get = req.method === 'GET'
  const post = req.method === 'POST'
  let m: RegExpExecArray | null
  try {
    if (get && path === '/control/state') {
      return plainJson(res, 200, {
        now: c.clock.now(),
        books: c.engine.books.snapshot(),
        balanced: c.engine.books.balanced(),
        faults: c.faults.get(),
        notifications: c.notifier.log,
        pendingTimers: c.clock.pending(),
      })
    }
    if (get && path === '/control/faults') return plainJson(res, 200, c.faults.get())
    if (post && path === '/control/faults') {
      const body = await readJson(req)
      if (body.reset === true) {
        c.faults.reset()
        delete body.reset
      }
      try {
        return plainJson(res, 200, c.faults.set(body))
      } catch (e) {
        throw new WxError(400, 'PARAM_ERROR', (e as Error).message)
      }
    }
    if (post && path === '/control/advance') {
      const body = await readJson(req)
      const ms = body.ms
      if (!Number.isSafeInteger(ms) || (ms as number) < 0)
        throw new WxError(400, 'PARAM_ERROR', 'ms 须为非负整数')
      if (!c.clock.advance)
        throw new WxError(400, 'INVALID_REQUEST', '沙箱使用真实时钟，不能手动推进时间')
      await c.clock.advance(ms as number)
      return plainJson(res, 200, { now: c.clock.now() })
    }
    if (post && path === '/control/flush-held') {
      c.notifier.flushHeld()
      return plainJson(res, 200, { ok: true })
    }
    if (post && (m = /^\/control\/applyments\/([^/]+)\/advance$/.exec(path))) {
      return plainJson(res, 200, c.engine.advanceApplyment(decodeURIComponent(m[1])))
    }
    if (post && path === '/control/pay') {
      const body = await readJson(req)
      if (typeof body.out_trade_no !== 'string')
        throw new WxError(400, 'PARAM_ERROR', '缺少 out_trade_no')
      return plainJson(res, 200, c.engine.pay(body.out_trade_no))
    }
    if (post && path === '/control/sub-merchants') {
      const body = await readJson(req)
      if (typeof body.sub_mchid !== 'string' || !/^\d{8,12}$/.test(body.sub_mchid))
        throw new WxError(400, 'PARAM_ERROR', 'sub_mchid 须为 8–12 位数字')
      c.engine.registerSubMerchant(body.sub_mchid)
      return plainJson(res, 200, { sub_mchid: body.sub_mchid })
    }
    void url
    throw new WxError(404, 'NOT_FOUND', `没有控制接口 ${req.method} ${path}`)
  } catch (e) {
    req.resume()
    if (e instanceof WxError) return plainJson(res, e.status, { code: e.code, message: e.message })
    throw e
  }
}

const handleCashier = async (
  c: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  url: URL,
) => {
  try {
    if (req.method === 'GET' && path === '/cashier') {
      const prepayId = url.searchParams.get('prepay_id') ?? ''
      const t = c.engine.transactionByPrepay(prepayId)
      if (!t) throw new WxError(404, 'RESOURCE_NOT_EXISTS', 'prepay_id 不存在')
      const html = cashierHtml({
        prepayId,
        description: t.description,
        merchant: `二级商户 ${t.sub_mchid}`,
        totalFen: t.total,
        state: t.state,
        redirectUrl: safeRedirect(url.searchParams.get('redirect_url')),
        base: c.mount,
      })
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': Buffer.byteLength(html),
        'Cache-Control': 'no-store',
      })
      res.end(html)
      return
    }
    if (req.method === 'POST' && path === '/cashier/pay') {
      const body = await readJson(req)
      const t = c.engine.transactionByPrepay(
        typeof body.prepay_id === 'string' ? body.prepay_id : '',
      )
      if (!t) throw new WxError(404, 'RESOURCE_NOT_EXISTS', 'prepay_id 不存在')
      const view = c.engine.pay(t.out_trade_no)
      return plainJson(res, 200, { trade_state: view.trade_state, out_trade_no: t.out_trade_no })
    }
    throw new WxError(404, 'NOT_FOUND', `没有收银台接口 ${req.method} ${path}`)
  } catch (e) {
    req.resume()
    if (e instanceof WxError) return plainJson(res, e.status, { code: e.code, message: e.message })
    throw e
  }
}
