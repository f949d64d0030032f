import { ErrorCodes, isAppError } from '@shared/errors/error-codes'
import { updateIfUnchanged } from '../../core'
import type { Deps } from '../../deps'
import { insertNotice } from '../../inbox'
import { reminderNotice } from '../domain/review-notices'
import { ReviewWindows, type ReviewWindowRecord } from '../domain/review.records'
import { publishReviews, revealedPatch, windowReviews } from './publish-reviews'
import { enqueueReminder } from './review-jobs'

const BATCH = 200

/** Windows whose `field` time has come, earliest first, a batch at a time. */
const dueWindows = async (deps: Deps, field: 'publishAt' | 'remindAt', now: number) =>
  (
    await deps.store.find(
      ReviewWindows,
      { [field]: { $lte: now } },
      { orderBy: { field, direction: 'asc' }, limit: BATCH },
    )
  ).items.filter((w) => w[field] !== null && w[field] <= now)

/** Runs one window's write; a submit that got there first wins, and this one changes nothing. */
const once = async (run: () => Promise<unknown>) => {
  try {
    await run()
    return true
  } catch (e) {
    if (isAppError(e) && e.code === ErrorCodes.CONFLICT) return false
    throw e
  }
}

/**
 * A window closed with reviews missing: what was submitted is published now (one review in → it
 * alone; none → nothing), due ones lapse, in one transaction with the window's compare-and-set.
 */
const closeWindow = (deps: Deps, w: ReviewWindowRecord, now: number) =>
  once(() =>
    deps.store.transaction(async (tx) => {
      await updateIfUnchanged(tx, ReviewWindows, w._id, w, revealedPatch(now))
      await publishReviews(tx, deps, await windowReviews(tx, w), now)
    }),
  )

/**
 * A day before the close, each party who has not rated hears of it: a notice under 消息 and the
 * 评价提醒 subscribe message through the outbox, once per window (`remindAt` cleared with them).
 */
const remind = (deps: Deps, w: ReviewWindowRecord, now: number) =>
  once(() =>
    deps.store.transaction(async (tx) => {
      await updateIfUnchanged(tx, ReviewWindows, w._id, w, { remindAt: null })
      for (const r of await windowReviews(tx, w)) {
        if (r.state !== 'due') continue
        await insertNotice(tx, {
          _id: `review:${r._id}:remind`,
          userId: r.reviewerId,
          kind: 'review',
          ...reminderNotice(r),
          listingId: null,
          orderId: r.orderId,
          createdAt: now,
        })
        await enqueueReminder(tx, r.orderId, r.by, now)
      }
    }),
  )

/**
 * The review timers (the cron's order job, every minute): windows that closed publish what they
 * hold, and windows closing within a day remind whoever has not rated. Answers how many of each.
 */
export const reviewTimers = async (deps: Deps) => {
  const now = deps.clock.now()
  let published = 0
  let reminded = 0
  for (const w of await dueWindows(deps, 'publishAt', now))
    if (await closeWindow(deps, w, now)) published++
  for (const w of await dueWindows(deps, 'remindAt', now))
    if (await remind(deps, w, now)) reminded++
  return { published, reminded }
}
