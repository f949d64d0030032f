import { applyImageVerdict, PushSignatureError } from '../modules/risk'
import { getContainer } from '../platform/container'
import { isHttpTriggerEvent, rawBody, type HttpTriggerResponse } from '../platform/http-trigger'

const text = (statusCode: number, body: string): HttpTriggerResponse => ({
  statusCode,
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  body,
})

/**
 * wechat-notify (HTTP-triggered): WeChat's 消息推送 for the mini-program. GET is WeChat's server
 * URL check (echostr back when the signature holds). POST is a push: its signature is checked
 * (plain, or 安全模式 with msg_signature and AES decryption) before anything is read; a
 * wxa_media_check result is matched to our image check by trace_id — a duplicate or a trace_id we
 * never sent changes nothing — and applied (a risky image is hidden and its listings held).
 * Answered "success" as WeChat requires once applied; a bad signature gets 401 and nothing else.
 */
export const main = async (event: unknown, _context?: unknown): Promise<HttpTriggerResponse> => {
  if (!isHttpTriggerEvent(event)) return text(400, 'bad request')
  const deps = getContainer()
  const query = event.queryStringParameters ?? {}
  if (event.httpMethod === 'GET') {
    let echo: string | null = null
    try {
      echo = deps.contentSecurity.answerUrlCheck(query)
    } catch {
      echo = null
    }
    return echo === null ? text(401, 'bad signature') : text(200, echo)
  }
  if (event.httpMethod !== 'POST') return text(405, 'method not allowed')
  let push
  try {
    push = deps.contentSecurity.verifyPush({ query, body: rawBody(event).toString('utf8') })
  } catch (e) {
    if (e instanceof PushSignatureError) return text(401, 'bad signature')
    throw e
  }
  if (push.kind !== 'media-check') return text(200, 'success')
  try {
    const outcome = await applyImageVerdict(deps, push.result)
    // An unknown trace_id is acknowledged too: WeChat retrying it cannot make it ours.
    if (outcome === 'unknown') console.warn('[wechat-notify] unknown trace_id', push.result.traceId)
    return text(200, 'success')
  } catch (e) {
    console.error('[wechat-notify] could not apply', push.result.traceId, e)
    return text(500, 'retry')
  }
}
