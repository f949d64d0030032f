import { orderHousekeeping } from '../modules/escrow/application/order-timers.use-case'
import { compareBooks, reconcileStuckPayments } from '../modules/escrow/application/reconcile.use-case'
import { expireListings } from '../modules/listing/application/expire-listings.use-case'
import { refreshPendingApplyments } from '../modules/merchant/application/sub-merchant'
import { sweepHotCounters } from '../modules/search/application/hot-keywords'
import { createTimerHandler } from '../platform/create-timer-handler'

/** cron: timer-triggered work (cloudfunctions/cron/config.json lists the triggers). */
export const main = createTimerHandler('cron', {
  'expire-listings': (deps) => expireListings(deps),
  // Order timers, their reminders and the outbox's refunds and releases.
  orders: (deps) => orderHousekeeping(deps),
  'reconcile-payments': (deps) => reconcileStuckPayments(deps),
  'compare-books': (deps) => compareBooks(deps),
  'refresh-applyments': (deps) => refreshPendingApplyments(deps),
  // Rate-limit windows that have ended, and 热搜 votes and counts nothing reads any more.
  'sweep-counters': async (deps) => ({
    rateWindows: await deps.limits.sweep(deps.clock.now()),
    hot: await sweepHotCounters(deps),
  }),
})
