import { PermanentJobError, type JobOutcome } from '../../outbox'
import { isPermanentRefusal } from '../../core/ports/provider-error'
import { WechatApiError, WechatErrcodes } from '../ports/wechat-api.port'

/**
 * Runs one WeChat API call for an outbox job and says how the job ended (ARCHITECTURE.md §7):
 * - done: WeChat accepted it; or the user has not accepted the template (43101: nothing to send,
 *   and retrying cannot change that); or a retry got 10060023 (an earlier attempt whose answer
 *   was lost already landed: WeChat refuses an upload that is not newer, and a second reminder).
 * - thrown as is: a retryable failure (timeouts, 5xx, -1 system busy, 45009); the outbox backs off.
 * - PermanentJobError: anything else (bad data, unknown template, NOT_CONFIGURED), so the job is
 *   marked failed for a person to look at instead of being retried forever.
 */
export const runWechatCall = async (
  call: () => Promise<unknown>,
  job: { attempts: number },
): Promise<JobOutcome> => {
  try {
    await call()
    return 'done'
  } catch (e) {
    if (!(e instanceof WechatApiError)) throw e
    if (e.errcode === WechatErrcodes.SUBSCRIPTION_REFUSED) return 'done'
    if (e.errcode === WechatErrcodes.SHIPPING_NOT_UPDATED && job.attempts > 1) return 'done'
    if (isPermanentRefusal(e)) throw new PermanentJobError(`${e.message} (errcode ${e.errcode})`)
    throw e
  }
}
