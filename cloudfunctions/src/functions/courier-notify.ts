import { applyTracking } from '../modules/escrow/application/delivery.use-case'
import { getContainer } from '../platform/container'
import { isHttpTriggerEvent, rawBody, type HttpTriggerResponse } from '../platform/http-trigger'

/**
 * courier-notify (HTTP-triggered): kuaidi100's tracking pushes. The signature (MD5 of the param
 * with our salt) is checked before anything is read; the news is applied by event time, so a
 * duplicate or an out-of-order push changes nothing, and answered "accepted" only once it is
 * stored. A bad signature or a waybill we do not know is answered not accepted, with a code.
 */
export const main = async (event: unknown, _context?: unknown): Promise<HttpTriggerResponse> => {
  const deps = getContainer()
  const answer = (accepted: boolean, code?: string): HttpTriggerResponse => {
    const a = deps.courier.pushAnswer(accepted)
    return { statusCode: a.status, headers: { 'content-type': a.contentType, ...(code ? { 'x-linquan-code': code } : {}) }, body: a.body }
  }
  if (!isHttpTriggerEvent(event) || event.httpMethod !== 'POST') return answer(false, 'COMMON.VALIDATION')
  let push
  try {
    push = deps.courier.verifyPush({ body: rawBody(event).toString('utf8') })
  } catch {
    return answer(false, 'DELIVERY.BAD_SIGNATURE')
  }
  try {
    const outcome = await applyTracking(deps, push.tracking.waybillNo, push.tracking)
    return outcome === 'unknown' ? answer(false, 'DELIVERY.UNKNOWN_WAYBILL') : answer(true)
  } catch (e) {
    console.error('[courier-notify] could not apply push', push.tracking.waybillNo, e)
    return answer(false, 'COMMON.INTERNAL')
  }
}
