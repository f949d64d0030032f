import type { IncomingMessage, ServerResponse } from 'node:http'
import { borderSign, querySign } from '../../../src/adapters/courier/kuaidi100.protocol'
import { readBody } from '../../http-utils'
import type { SandboxClock } from '../sandbox-clock'
import type { Faults } from './faults'
import type { Kuaidi100Notifier } from './notifier'
import { findCity } from './rates'
import { type Engine, K100Error, type Outcome } from './state'

export interface RouteContext {
  engine: Engine
  faults: Faults
  clock: SandboxClock
  notifier: Kuaidi100Notifier
  key: string
  customer: string
  secret: string
}

type Json = Record<string, unknown>

const send = (res: ServerResponse, status: number, body: unknown) => {
  if (res.headersSent) return
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json;charset=UTF-8',
    'Content-Length': Buffer.byteLength(text),
  })
  res.end(text)
}

const fail = (e: K100Error) => ({ result: false, returnCode: e.returnCode, message: e.message })

const parseParam = (text: string | null): Json => {
  if (!text) throw new K100Error('400', '提交的数据不完整：缺少 param')
  try {
    const v = JSON.parse(text) as unknown
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object')
    return v as Json
  } catch {
    throw new K100Error('400', 'param 不是合法的 JSON')
  }
}

/** Form fields from the body (application/x-www-form-urlencoded) merged over the query string. */
const formOf = async (req: IncomingMessage, url: URL): Promise<URLSearchParams> => {
  const form = new URLSearchParams(url.search)
  if (req.method === 'POST')
    for (const [k, v] of new URLSearchParams((await readBody(req, 256 * 1024)).toString('utf8')))
      form.set(k, v)
  return form
}

const BORDER_MESSAGES: Record<string, string> = { bOrder: '提交成功', cancel: '取消成功' }

/** kuaidi100's API (poll.kuaidi100.com, www.kuaidi100.com) and the sandbox's own control routes. */
export const handleRequest = async (
  c: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  url: URL,
) => {
  if (path.startsWith('/control/')) return control(c, req, res, path.slice('/control/'.length), url)
  const known = ['/poll/query.do', '/poll', '/order/borderapi.do', '/autonumber/auto']
  if (!known.includes(path)) {
    req.resume()
    return send(res, 404, { result: false, returnCode: '404', message: `沙箱没有接口 ${path}` })
  }
  if (req.method !== 'POST' && !(req.method === 'GET' && path === '/autonumber/auto')) {
    req.resume()
    return send(res, 405, { result: false, returnCode: '405', message: '请使用 POST（表单）' })
  }
  const form = await formOf(req, url)
  if (c.faults.take('apiErrors'))
    return send(res, 500, { result: false, returnCode: '500', message: '服务器错误' })
  try {
    if (path === '/poll/query.do') {
      const param = form.get('param') ?? ''
      if (
        form.get('customer') !== c.customer ||
        form.get('sign')?.toUpperCase() !== querySign(param, c.key, c.customer)
      )
        throw new K100Error('503', '验证签名失败')
      return send(res, 200, c.engine.query(parseParam(param)))
    }
    if (path === '/poll') {
      if (form.get('schema') && form.get('schema') !== 'json')
        throw new K100Error('700', '只支持 schema=json')
      return send(res, 200, c.engine.subscribe(parseParam(form.get('param')), c.key))
    }
    if (path === '/order/borderapi.do') {
      const param = form.get('param') ?? ''
      const t = form.get('t') ?? ''
      if (form.get('key') !== c.key) throw new K100Error('601', 'key 不存在或已过期')
      if (
        !/^\d{10,13}$/.test(t) ||
        form.get('sign')?.toUpperCase() !== borderSign(param, t, c.key, c.secret)
      )
        throw new K100Error('503', '验证签名失败')
      const p = parseParam(param)
      const method = form.get('method') ?? ''
      const handlers: Record<string, (p: Json) => Json> = {
        price: (x) => c.engine.price(x),
        bOrder: (x) => c.engine.bOrder(x),
        detail: (x) => c.engine.detail(x),
        cancel: (x) => c.engine.cancel(x),
      }
      if (!handlers[method]) throw new K100Error('400', `不支持的 method ${method}`)
      const data = handlers[method](p)
      return send(res, 200, {
        result: true,
        returnCode: '200',
        message: BORDER_MESSAGES[method] ?? '成功',
        data,
      })
    }
    // /autonumber/auto: an array of candidates (empty when none fits), or an error object.
    if (form.get('key') !== c.key) throw new K100Error('601', 'key 不存在或已过期')
    return send(res, 200, c.engine.autonumber((form.get('num') ?? '').trim().toUpperCase()))
  } catch (e) {
    if (e instanceof K100Error) return send(res, 200, fail(e))
    throw e
  }
}

const OUTCOMES: Outcome[] = ['normal', 'trouble', 'returned', 'lost']

/** Sandbox-only routes: move time, create parcels, force unhappy paths, inject faults, look inside. */
const control = async (
  c: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  what: string,
  url: URL,
) => {
  let body: Json = {}
  if (req.method === 'POST') {
    const text = (await readBody(req, 64 * 1024)).toString('utf8')
    try {
      body = text ? (JSON.parse(text) as Json) : {}
    } catch {
      return send(res, 400, { error: 'body must be JSON' })
    }
  } else req.resume()
  try {
    if (req.method === 'GET' && what === 'state') return send(res, 200, c.engine.snapshot())
    if (req.method === 'GET' && what === 'pushes') {
      const waybill = url.searchParams.get('waybillNo')
      return send(res, 200, {
        pushes: c.notifier.log.filter((p) => !waybill || p.waybillNo === waybill),
      })
    }
    if (req.method === 'GET' && what === 'faults') return send(res, 200, c.faults.get())
    if (req.method !== 'POST') return send(res, 405, { error: 'POST only' })
    if (what === 'advance') {
      const ms = Number(body.ms)
      if (!Number.isSafeInteger(ms) || ms < 0)
        return send(res, 400, { error: 'ms must be a non-negative integer' })
      if (!c.clock.advance)
        return send(res, 409, {
          error: 'the sandbox runs on real timers (timers: manual to move time)',
        })
      await c.clock.advance(ms)
      return send(res, 200, { now: c.clock.now() })
    }
    if (what === 'faults')
      return send(res, 200, body.reset ? (c.faults.reset(), c.faults.get()) : c.faults.set(body))
    if (what === 'parcels') {
      const from = findCity(String(body.fromCity ?? ''))
      const to = findCity(String(body.toCity ?? ''))
      if (!from || !to)
        return send(res, 400, { error: 'fromCity and toCity must be cities the sandbox knows' })
      const outcome = (body.outcome ?? 'normal') as Outcome
      if (!OUTCOMES.includes(outcome))
        return send(res, 400, { error: `outcome is one of ${OUTCOMES.join(', ')}` })
      const phones = Array.isArray(body.phones) ? body.phones.map(String) : []
      return send(
        res,
        200,
        c.engine.createParcel({
          company: String(body.company),
          waybillNo: String(body.waybillNo),
          from,
          to,
          phones,
          outcome,
        }),
      )
    }
    if (what === 'force') {
      const outcome = body.outcome as Outcome
      if (!OUTCOMES.includes(outcome))
        return send(res, 400, { error: `outcome is one of ${OUTCOMES.join(', ')}` })
      return send(res, 200, c.engine.force(String(body.waybillNo), outcome))
    }
    return send(res, 404, { error: `no control route ${what}` })
  } catch (e) {
    if (e instanceof K100Error) return send(res, 400, fail(e))
    return send(res, 400, { error: e instanceof Error ? e.message : String(e) })
  }
}
