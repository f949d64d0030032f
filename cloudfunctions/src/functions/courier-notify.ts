import { ErrorCodes, type ErrorCode } from '@shared/errors/error-codes'
import { applyTracking } from '../modules/delivery/application/tracking.use-case'
import { runOrderJobs } from '../modules/order/application/order-jobs'
import { applyPickupNews } from '../modules/delivery/application/pickup.use-case'
import { Parcels, PickupTasks } from '../modules/delivery/domain/shipment.record'
import type { Deps } from '../modules/deps'
import { getContainer } from '../platform/container'
import { isHttpTriggerEvent, rawBody, type HttpTriggerResponse } from '../platform/http-trigger'

type Answer = (accepted: boolean, code?: ErrorCode) => HttpTriggerResponse

/**
 * A 商家寄件 status push (it carries the booking's taskId): checked like a tracking push, and the
 * task must be ours with the courier order id the signed content names (the taskId itself sits
 * outside the signature). Collected with a waybill, it ships the order; the jobs that follow run now.
 */
const pickupPush = async (
  deps: Deps,
  body: string,
  answer: Answer,
): Promise<HttpTriggerResponse> => {
  let push
  try {
    push = deps.courier.verifyPickupPush({ body })
  } catch {
    return answer(false, ErrorCodes.DELIVERY_BAD_SIGNATURE)
  }
  const task = await deps.store.get(PickupTasks, push.taskId)
  if (!task) return answer(false, ErrorCodes.DELIVERY_UNKNOWN_PICKUP)
  try {
    const outcome = await applyPickupNews(deps, task, push, push.orderId)
    if (outcome === 'unknown') return answer(false, ErrorCodes.DELIVERY_UNKNOWN_PICKUP)
    if (outcome === 'applied') await runOrderJobs(deps, task.orderId).catch(() => undefined)
    return answer(true)
  } catch (e) {
    console.error('[courier-notify] could not apply pickup push', push.taskId, e)
    return answer(false, ErrorCodes.INTERNAL)
  }
}

/**
 * courier-notify (HTTP-triggered): kuaidi100's tracking pushes and 商家寄件 status pushes. The signature (MD5 of the param
 * with our salt) is checked before anything is read; the news is applied by event time, so a
 * duplicate or an out-of-order push changes nothing, and answered "accepted" only once it is
 * stored. A bad signature or a waybill we do not know is answered not accepted, with a code.
 */
export const main = async (event: unknown, _context?: unknown): Promise<HttpTriggerResponse> => {
  const deps = getContainer()
  const answer: Answer = (accepted, code) => {
    const a = deps.courier.pushAnswer(accepted)
    return {
      statusCode: a.status,
      headers: { 'content-type': a.contentType, ...(code ? { 'x-linquan-code': code } : {}) },
      body: a.body,
    }
  }
  if (!isHttpTriggerEvent(event) || event.httpMethod !== 'POST')
    return answer(false, ErrorCodes.VALIDATION)
  const body = rawBody(event).toString('utf8')
  if (new URLSearchParams(body).has('taskId')) return pickupPush(deps, body, answer)
  let push
  try {
    push = deps.courier.verifyPush({ body })
  } catch {
    return answer(false, ErrorCodes.DELIVERY_BAD_SIGNATURE)
  }
  try {
    const outcome = await applyTracking(deps, push.tracking.waybillNo, push.tracking)
    if (outcome === 'unknown') return answer(false, ErrorCodes.DELIVERY_UNKNOWN_WAYBILL)
    // What 签收 queued (WeChat's confirm reminder, the 送达 message) goes out now; cron retries.
    const parcel =
      outcome === 'applied' ? await deps.store.get(Parcels, push.tracking.waybillNo) : null
    if (parcel) await runOrderJobs(deps, parcel.orderId).catch(() => undefined)
    return answer(true)
  } catch (e) {
    console.error('[courier-notify] could not apply push', push.tracking.waybillNo, e)
    return answer(false, ErrorCodes.INTERNAL)
  }
}
