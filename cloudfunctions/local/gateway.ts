import type { IncomingMessage, ServerResponse } from 'node:http'
import { ErrorCodes } from '@shared/errors/error-codes'
import { FunctionTimeoutError, type FunctionRunner } from './function-runner'
import { bearerToken, HttpError, methodNotAllowed, readJsonObject, sendError, sendJson } from './http-utils'

/** Bodies above this are refused before parsing; the functions refuse 64 KB inputs themselves. */
export const MAX_FUNCTION_BODY = 256 * 1024

/**
 * `POST /fn/<name>` with `{ action, input }`: what wx.cloud.callFunction does in WeChat, over HTTP.
 * The Bearer token is handed to the function untouched as `context.localSession`; verifying it is
 * the function's job (as reading WX_OPENID is in CloudBase), so the gateway holds no identity logic.
 */
export const handleFunctionCall = async (
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
  runner: FunctionRunner,
  log: (line: string) => void,
): Promise<void> => {
  if (req.method !== 'POST') throw methodNotAllowed(['POST'])
  if (!runner.has(name)) {
    req.resume()
    throw new HttpError(404, ErrorCodes.UNKNOWN_FUNCTION, `不存在的云函数：${name}`, {
      available: runner.list(),
    })
  }
  const body = await readJsonObject(req, MAX_FUNCTION_BODY)
  const event = { action: body.action, input: body.input }
  const started = Date.now()
  const token = bearerToken(req)
  let envelope: unknown
  try {
    envelope = await runner.invoke(name, event, token ? { localSession: token } : {})
  } catch (e) {
    // createHandler answers envelopes for everything it expects; reaching here means the bundle
    // itself failed (timeout, crash at load), which CloudBase would also report as an error.
    log(`fn ${name}.${String(event.action)} FAILED ${e instanceof Error ? e.message : e}`)
    if (e instanceof FunctionTimeoutError) return sendError(res, 504, ErrorCodes.INTERNAL, e.message)
    return sendError(res, 500, ErrorCodes.INTERNAL, '云函数运行失败')
  }
  const outcome = isEnvelope(envelope) ? (envelope.ok ? 'ok' : envelope.error.code) : 'done'
  log(`fn ${name}.${String(event.action)} ${outcome} ${Date.now() - started}ms`)
  sendJson(res, 200, envelope ?? null)
}

const isEnvelope = (v: unknown): v is { ok: boolean; error: { code: string } } =>
  typeof v === 'object' && v !== null && typeof (v as { ok?: unknown }).ok === 'boolean'
