import type { ReviewParty } from '@shared/domain/review'
import type { TransactionOps } from '../../core/ports/document-store.port'
import type { JobHandler } from '../../deps'
import { runWechatCall } from '../../messaging'
import { enqueue } from '../../outbox'
import { loadUser, openidOf } from '../../user'
import { reminderKeywords } from '../domain/review-notices'
import { Reviews, reviewKey } from '../domain/review.records'

/** The 评价提醒 subscribe message, a day before the window closes. */
export const REVIEW_REMINDER_JOB = 'review-reminder'

/** One job per order and party: the reminder of a window goes out once, whatever runs twice. */
export const reviewReminderJobKey = (orderId: string, by: ReviewParty) =>
  `${REVIEW_REMINDER_JOB}:${orderId}:${by}`

/** Queues the reminder in the caller's transaction (the cron's, which also writes the notice). */
export const enqueueReminder = (tx: TransactionOps, orderId: string, by: ReviewParty, at: number) =>
  enqueue(tx, { key: reviewReminderJobKey(orderId, by), kind: REVIEW_REMINDER_JOB, orderId, at })

/**
 * Sends 评价提醒 to the party, unless they have rated meanwhile or the window has closed (a
 * reminder of nothing). Without an accepted subscription WeChat answers 43101: nothing to send.
 */
const sendReminder: JobHandler = async (deps, job) => {
  const [, orderId, by] = job._id.split(':') as [string, string, ReviewParty]
  const review = await deps.store.get(Reviews, reviewKey(orderId, by))
  if (!review || review.state !== 'due' || deps.clock.now() >= review.dueAt) return 'done'
  const [toOpenid, counterpart] = await Promise.all([
    openidOf(deps, review.reviewerId),
    loadUser(deps, review.revieweeId),
  ])
  if (!toOpenid) return 'done'
  return runWechatCall(
    () =>
      deps.wechatApi.sendSubscribeMessage({
        toOpenid,
        templateId: deps.wechatApi.templates.reviewReminder,
        page: `package-order/review/index?orderId=${orderId}`,
        data: reminderKeywords(review, counterpart?.nickname ?? ''),
      }),
    job,
  )
}

export const REVIEW_JOB_HANDLERS: Record<string, JobHandler> = {
  [REVIEW_REMINDER_JOB]: sendReminder,
}
