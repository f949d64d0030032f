import type { IncomingMessage, ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import { readBody, sendJson } from '../../http-utils'
import type { SandboxClock } from '../sandbox-clock'
import type { Faults } from './faults'
import { inboxHtml } from './inbox-page'
import { type Engine, WxApiError } from './state'

export interface RouteContext {
  engine: Engine
  faults: Faults
  clock: SandboxClock
}

type Json = Record<string, unknown>

/** The API routes that take an access_token, as on api.weixin.qq.com. */
const API: Record<string, (e: Engine, body: Json) => Json | void> = {
  '/wxa/sec/order/upload_shipping_info': (e, b) => e.uploadShippingInfo(b),
  '/wxa/sec/order/notify_confirm_receive': (e, b) => e.notifyConfirmReceive(b),
  '/cgi-bin/message/subscribe/send': (e, b) => e.sendSubscribeMessage(b),
}

/** WeChat appends a request id to every errmsg. */
const rid = () => `rid: ${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`

/** WeChat answers HTTP 200 with `{errcode, errmsg}` for almost every outcome. */
const wx = (res: ServerResponse, body: Json) => sendJson(res, 200, body)
const wxError = (res: ServerResponse, e: WxApiError) =>
  wx(res, { errcode: e.errcode, errmsg: `${e.errmsg} ${rid()}` })

export const handleRequest = async (
  c: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  url: URL,
) => {
  try {
    if (path.startsWith('/control/')) return await handleControl(c, req, res, path, url)
    if (path === '/inbox' && req.method === 'GET') {
      const openid = url.searchParams.get('openid')
      const html = inboxHtml(openid, c.engine.inboxOf(openid))
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
      })
      res.end(html)
      return
    }
    if (path === '/cgi-bin/token' && req.method === 'GET') {
      req.resume()
      return wx(res, c.engine.issueToken(url.searchParams))
    }
    if (path === '/cgi-bin/stable_token' && req.method === 'POST') {
      const raw = (await readBody(req, 16 * 1024)).toString('utf8')
      let body: unknown
      try {
        body = JSON.parse(raw)
      } catch {
        throw new WxApiError(47001, 'data format error')
      }
      if (typeof body !== 'object' || body === null)
        throw new WxApiError(47001, 'data format error')
      return wx(res, c.engine.issueStableToken(body as Json))
    }
    const api = API[path]
    if (!api) {
      req.resume()
      return sendJson(res, 404, { errcode: 40066, errmsg: `invalid url ${rid()}` })
    }
    if (req.method !== 'POST') {
      req.resume()
      return wx(res, { errcode: 43002, errmsg: `require POST method ${rid()}` })
    }
    const raw = (await readBody(req, 256 * 1024)).toString('utf8')
    c.engine.checkToken(url.searchParams.get('access_token'))
    if (c.faults.take('httpErrors')) return sendJson(res, 502, { message: 'Bad Gateway' })
    if (c.faults.take('systemBusy'))
      return wx(res, { errcode: -1, errmsg: `system error ${rid()}` })
    if (c.faults.take('rateLimited'))
      return wx(res, { errcode: 45009, errmsg: `reach max api daily quota limit ${rid()}` })
    let body: unknown
    try {
      body = JSON.parse(raw)
    } catch {
      throw new WxApiError(47001, 'data format error')
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new WxApiError(47001, 'data format error')
    const answer = api(c.engine, body as Json) ?? {}
    if (c.faults.take('timeouts')) {
      // Processed, never answered: the caller cannot tell whether it landed.
      res.destroy()
      return
    }
    return wx(res, { errcode: 0, errmsg: 'ok', ...answer })
  } catch (e) {
    if (e instanceof WxApiError) return wxError(res, e)
    throw e
  }
}

const handleControl = async (
  c: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  url: URL,
) => {
  const get = req.method === 'GET'
  const post = req.method === 'POST'
  const body = post ? await readJson(req) : (req.resume(), {})
  try {
    if (get && path === '/control/inbox')
      return sendJson(res, 200, { messages: c.engine.inboxOf(url.searchParams.get('openid')) })
    if (get && path === '/control/shipping')
      return sendJson(res, 200, { shipping: c.engine.shippingRecords() })
    if (get && path === '/control/templates')
      return sendJson(res, 200, { templates: c.engine.templateList() })
    if (get && path === '/control/subscriptions') {
      const openid = url.searchParams.get('openid') ?? ''
      return sendJson(res, 200, { openid, subscriptions: c.engine.subscriptionsOf(openid) })
    }
    if (post && path === '/control/subscribe') {
      const { openid, templateIds } = body
      if (
        typeof openid !== 'string' ||
        !Array.isArray(templateIds) ||
        !templateIds.every((t) => typeof t === 'string')
      ) {
        return sendJson(res, 400, { error: 'expected {openid: string, templateIds: string[]}' })
      }
      return sendJson(res, 200, {
        openid,
        subscriptions: c.engine.subscribe(openid, templateIds as string[]),
      })
    }
    if (get && path === '/control/faults') return sendJson(res, 200, c.faults.get())
    if (post && path === '/control/faults') return sendJson(res, 200, c.faults.set(body))
    if (post && path === '/control/invalidate-tokens') {
      c.engine.invalidateTokens()
      return sendJson(res, 200, { ok: true })
    }
    if (post && path === '/control/advance') {
      if (!c.clock.advance) return sendJson(res, 409, { error: 'the sandbox runs on real time' })
      const ms = body.ms
      if (!Number.isSafeInteger(ms) || (ms as number) < 0)
        return sendJson(res, 400, { error: 'ms must be a non-negative integer' })
      await c.clock.advance(ms as number)
      return sendJson(res, 200, { now: c.clock.now() })
    }
    if (post && path === '/control/reset') {
      c.engine.reset()
      c.faults.reset()
      return sendJson(res, 200, { ok: true })
    }
    return sendJson(res, 404, { error: `no control endpoint ${req.method} ${path}` })
  } catch (e) {
    if (e instanceof WxApiError) return sendJson(res, 400, { errcode: e.errcode, error: e.errmsg })
    if (e instanceof Error) return sendJson(res, 400, { error: e.message })
    throw e
  }
}

const readJson = async (req: IncomingMessage): Promise<Json> => {
  const raw = (await readBody(req, 64 * 1024)).toString('utf8')
  if (!raw) return {}
  try {
    const v: unknown = JSON.parse(raw)
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {}
  } catch {
    return {}
  }
}
