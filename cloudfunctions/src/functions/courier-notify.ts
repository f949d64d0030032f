import { applyTracking } from '../modules/escrow/application/delivery.use-case'
import { runOrderJobs } from '../modules/escrow/application/order-jobs'
import { Parcels } from '../modules/escrow/domain/order.record'
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
    if (outcome === 'unknown') return answer(false, 'DELIVERY.UNKNOWN_WAYBILL')
    // What 签收 queued (WeChat's confirm reminder, the 送达 message) goes out now; cron retries.
    const parcel = outcome === 'applied' ? await deps.store.get(Parcels, push.tracking.waybillNo) : null
    if (parcel) await runOrderJobs(deps, parcel.orderId).catch(() => undefined)
    return answer(true)
  } catch (e) {
    console.error('[courier-notify] could not apply push', push.tracking.waybillNo, e)
    return answer(false, 'COMMON.INTERNAL')
  }
}
