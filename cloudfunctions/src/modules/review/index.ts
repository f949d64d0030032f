/**
 * review: two-way double-blind reviews of completed orders (shared/domain/review.ts): the window
 * an order's completion opens (through `orderMoved`), submissions hidden until both are in or the
 * window closes, one 追评 and one reply, the cron's publication and reminders, and the
 * `reviewPublished` hook credit reads ratings from.
 */
export { openReviewWindow } from './application/open-window'
export { reviewOrderReaction } from './application/order-reaction'
export { REVIEW_JOB_HANDLERS } from './application/review-jobs'
export { reviewTimers } from './application/review-timers.use-case'
export type { ReviewRecord } from './domain/review.records'
