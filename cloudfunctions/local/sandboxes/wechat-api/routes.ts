import type { IncomingMessage, ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import { readBody, sendJson } from '../../http-utils'
import type { SandboxClock } from '../sandbox-clock'
import type { Faults } from './faults'
import { inboxHtml } from './inbox-page'
import { msgSecCheck } from './content-security'
import type { MediaChecks } from './media-check'
import { handleShareControl, type ShareSandbox } from './share-control'
import { type Engine, WxApiError } from './state'
import { renderWxacode } from './wxacode'

export interface RouteContext {
  engine: Engine
  faults: Faults
  clock: SandboxClock
  share: ShareSandbox
  media: MediaChecks
}

type Json = Record<string, unknown>
/** A JSON answer (merged into `{errcode: 0, errmsg: 'ok'}`), or an image sent as it is. */
type ApiAnswer = Json | { png: Buffer } | void

interface ApiRoute {
  method: 'GET' | 'POST'
  run: (c: RouteContext, body: Json, url: URL) => ApiAnswer | Promise<ApiAnswer>
}
const post = (run: ApiRoute['run']): ApiRoute => ({ method: 'POST', run })

/** The API routes that take an access_token, as on api.weixin.qq.com. */
const API: Record<string, ApiRoute> = {
  '/wxa/sec/order/upload_shipping_info': post((c, b) => c.engine.uploadShippingInfo(b)),
  '/wxa/sec/order/notify_confirm_receive': post((c, b) => c.engine.notifyConfirmReceive(b)),
  '/cgi-bin/message/subscribe/send': post((c, b) => c.engine.sendSubscribeMessage(b)),
  '/cgi-bin/message/wxopen/activityid/create': {
    method: 'GET',
    run: (c, _b, url) => c.share.cards.create(url.searchParams),
  },
  '/cgi-bin/message/wxopen/updatablemsg/send': post((c, b) => c.share.cards.send(b)),
  '/wxa/getwxacodeunlimit': post(async (c, b) => {
    const { png, record } = await renderWxacode(b, {
      appid: c.share.appid,
      publishedPages: c.share.publishedPages,
      now: c.clock.now(),
    })
    c.share.wxacodes.unshift(record)
    c.share.wxacodes.splice(100)
    return { png }
  }),
  '/wxa/msg_sec_check': post((_c, b) => msgSecCheck(b)),
  '/wxa/media_check_async': post((c, b) => c.media.start(b)),
  '/wxa/getopendata': post((c, b, url) =>
    c.share.groups.getOpenData(url.searchParams.get('openid'), b),
  ),
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
      const html = inboxHtml(openid, c.engine.inboxOf(openid), c.share.cards.list(), c.clock.now())
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
    if (req.method !== api.method) {
      req.resume()
      return api.method === 'POST'
        ? wx(res, { errcode: 43002, errmsg: `require POST method ${rid()}` })
        : wx(res, { errcode: 43001, errmsg: `require GET method ${rid()}` })
    }
    const raw = api.method === 'POST' ? (await readBody(req, 256 * 1024)).toString('utf8') : ''
    if (api.method === 'GET') req.resume()
    c.engine.checkToken(url.searchParams.get('access_token'))
    if (c.faults.take('httpErrors')) return sendJson(res, 502, { message: 'Bad Gateway' })
    if (c.faults.take('systemBusy'))
      return wx(res, { errcode: -1, errmsg: `system error ${rid()}` })
    if (c.faults.take('rateLimited'))
      return wx(res, { errcode: 45009, errmsg: `reach max api daily quota limit ${rid()}` })
    const answer = (await api.run(c, api.method === 'POST' ? parseBody(raw) : {}, url)) ?? {}
    if (c.faults.take('timeouts')) {
      // Processed, never answered: the caller cannot tell whether it landed.
      res.destroy()
      return
    }
    if ('png' in answer && Buffer.isBuffer(answer.png)) {
      res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': answer.png.length })
      res.end(answer.png)
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
    if (await handleShareControl(c.share, req.method, path, url, body, res)) return
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
    if (get && path === '/control/media-pushes')
      return sendJson(res, 200, {
        push: c.media.push ?? null,
        faults: c.media.faults,
        log: c.media.log,
      })
    if (post && path === '/control/media-push') {
      const { url: to, token, encodingAesKey } = body as Record<string, unknown>
      if (typeof to !== 'string' || typeof token !== 'string')
        return sendJson(res, 400, { error: 'url and token are required' })
      if (
        encodingAesKey !== undefined &&
        (typeof encodingAesKey !== 'string' || encodingAesKey.length !== 43)
      )
        return sendJson(res, 400, { error: 'encodingAesKey must be 43 characters' })
      c.media.push = { url: to, token, encodingAesKey: encodingAesKey as string | undefined }
      return sendJson(res, 200, { push: c.media.push })
    }
    if (post && path === '/control/media-faults') {
      for (const k of ['duplicatePushes', 'badSignaturePushes'] as const) {
        const n = (body as Record<string, unknown>)[k]
        if (n !== undefined) {
          if (!Number.isSafeInteger(n) || (n as number) < 0)
            return sendJson(res, 400, { error: `${k} must be a non-negative integer` })
          c.media.faults[k] = n as number
        }
      }
      return sendJson(res, 200, c.media.faults)
    }
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
      c.share.reset()
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

/** An API body: empty is WeChat's 44002, anything but a JSON object its 47001. */
const parseBody = (raw: string): Json => {
  if (!raw.trim()) throw new WxApiError(44002, 'empty post data')
  let body: unknown
  try {
    body = JSON.parse(raw)
  } catch {
    throw new WxApiError(47001, 'data format error')
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new WxApiError(47001, 'data format error')
  return body as Json
}
