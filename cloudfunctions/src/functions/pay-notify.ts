import { applyPayment } from '../modules/payments/application/apply-payment.use-case'
import { WechatNotifications } from '../modules/payments/domain/payment.record'
import { applyRefundResult } from '../modules/payments/application/settle-money'
import { getContainer } from '../platform/container'
import {
  isHttpTriggerEvent,
  jsonResponse,
  rawBody,
  type HttpTriggerResponse,
} from '../platform/http-trigger'

const SUCCESS = { code: 'SUCCESS', message: '成功' }

/**
 * pay-notify (HTTP-triggered): WeChat Pay's payment and refund notifications. Verified first
 * (platform signature over the raw body, known serial, ±5 minutes) and only then decrypted (GCM
 * tag checked); de-duplicated by notification id; answered SUCCESS only after the change is
 * durable. Anything else gets a FAIL status so WeChat tries again on its schedule.
 */
export const main = async (event: unknown, _context?: unknown): Promise<HttpTriggerResponse> => {
  if (!isHttpTriggerEvent(event) || event.httpMethod !== 'POST')
    return jsonResponse(405, { code: 'FAIL', message: '只接受 POST' })
  const deps = getContainer()
  let notification
  try {
    notification = await deps.payments.verifyNotification(event.headers, rawBody(event))
  } catch (e) {
    // Forged, stale, tampered or signed by a key we do not know: refused, nothing read.
    return jsonResponse(401, {
      code: 'FAIL',
      message: `验签失败: ${(e as { wechatCode?: string }).wechatCode ?? 'UNKNOWN'}`,
    })
  }
  try {
    if (notification.kind === 'payment') {
      if (notification.resource.tradeState === 'SUCCESS')
        await applyPayment(deps, notification.resource, notification.id)
    } else if (notification.kind === 'refund') {
      if (!(await deps.store.get(WechatNotifications, notification.id))) {
        const r = notification.resource
        await applyRefundResult(deps, {
          outRefundNo: r.outRefundNo,
          status: r.refundStatus,
          refundFen: r.refundFen,
        })
        await deps.store
          .insert(WechatNotifications, {
            _id: notification.id,
            eventType: notification.eventType,
            key: r.outRefundNo,
            outcome: r.refundStatus,
            at: deps.clock.now(),
          })
          .catch(() => undefined)
      }
    }
    return jsonResponse(200, SUCCESS)
  } catch (e) {
    console.error('[pay-notify] could not apply notification', notification.id, e)
    return jsonResponse(500, { code: 'FAIL', message: '处理失败，请重试' })
  }
}
