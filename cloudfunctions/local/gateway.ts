import type { IncomingMessage, ServerResponse } from 'node:http'
import { ErrorCodes } from '@shared/errors/error-codes'
import { FunctionTimeoutError, type FunctionRunner } from './function-runner'
import { bearerToken, HttpError, methodNotAllowed, readJsonObject, sendJson } from './http-utils'

/** Bodies above this are refused before parsing; the functions refuse 64 KB inputs themselves. */
export const MAX_FUNCTION_BODY = 256 * 1024

/**
 * `POST /fn/<name>` with `{ action, input }`: what wx.cloud.callFunction does in WeChat, over HTTP.
 * The Bearer token is handed to the function untouched as `context.localSession`, and the socket's
 * remote address as `context.clientIp`; verifying them is the function's job (as reading WX_OPENID
 * and WX_CLIENTIP is in CloudBase), so the gateway holds no identity logic.
 */
export const handleFunctionCall = async (
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
  runner: FunctionRunner,
  log: (line: string) => void,
): Promise<void> => {
  if (req.method !== 'POST') throw methodNotAllowed(['POST'])
  assertBuilt(req, runner, name)
  const body = await readJsonObject(req, MAX_FUNCTION_BODY)
  const event = { action: body.action, input: body.input }
  const started = Date.now()
  const token = bearerToken(req)
  const label = `fn ${name}.${String(event.action)}`
  // The socket's address, as CloudBase puts WX_CLIENTIP in the context: never a header the client can set.
  const context = {
    ...(token ? { localSession: token } : {}),
    ...(req.socket.remoteAddress ? { clientIp: req.socket.remoteAddress } : {}),
  }
  const envelope = await invokeBundle(runner, name, event, context, log, label)
  const outcome = isEnvelope(envelope) ? (envelope.ok ? 'ok' : envelope.error.code) : 'done'
  log(`${label} ${outcome} ${Date.now() - started}ms`)
  sendJson(res, 200, envelope ?? null)
}

/** 404 for a function that is not built, before its body is read. */
export const assertBuilt = (req: IncomingMessage, runner: FunctionRunner, name: string) => {
  if (runner.has(name)) return
  req.resume()
  throw new HttpError(404, ErrorCodes.UNKNOWN_FUNCTION, `不存在的云函数：${name}`, {
    available: runner.list(),
  })
}

/**
 * Runs a bundle. Its handler answers everything it expects; reaching the catch means the bundle
 * itself failed (timeout, crash at load), which CloudBase also reports as an error: 504 or 500.
 */
export const invokeBundle = async (
  runner: FunctionRunner,
  name: string,
  event: unknown,
  context: Record<string, unknown>,
  log: (line: string) => void,
  label: string,
): Promise<unknown> => {
  try {
    return await runner.invoke(name, event, context)
  } catch (e) {
    log(`${label} FAILED ${e instanceof Error ? e.message : e}`)
    if (e instanceof FunctionTimeoutError) throw new HttpError(504, ErrorCodes.INTERNAL, e.message)
    throw new HttpError(500, ErrorCodes.INTERNAL, '云函数运行失败')
  }
}

const isEnvelope = (v: unknown): v is { ok: boolean; error: { code: string } } =>
  typeof v === 'object' && v !== null && typeof (v as { ok?: unknown }).ok === 'boolean'
