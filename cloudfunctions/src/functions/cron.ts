import { anchorCreditDay, recomputeCredit } from '../modules/credit'
import { orderHousekeeping, sweepHousekeeping } from '../modules/housekeeping'
import {
  compareBooks,
  reconcileStuckPayments,
} from '../modules/payments/application/reconcile.use-case'
import { expireListings } from '../modules/listing/application/expire-listings.use-case'
import { refreshPendingApplyments } from '../modules/merchant/application/sub-merchant'
import { liftExpiredBans } from '../modules/moderation/application/ban-user.use-case'
import { sweepFlagsIntoCases } from '../modules/report'
import { createTimerHandler } from '../platform/create-timer-handler'

/** cron: timer-triggered work (cloudfunctions/cron/config.json lists the triggers). */
export const main = createTimerHandler('cron', {
  // Listing timers: the 30-day expiry, and listings coming back when their seller's ban runs out.
  'expire-listings': async (deps) => ({
    ...(await expireListings(deps)),
    ...(await liftExpiredBans(deps)),
  }),
  // Order timers, their reminders, quiet parcels, and the outbox's refunds and releases.
  orders: (deps) => orderHousekeeping(deps),
  'reconcile-payments': (deps) => reconcileStuckPayments(deps),
  'compare-books': (deps) => compareBooks(deps),
  // Risk flags (held listings, doubtful messages, names, images) into the moderation queue.
  'flag-cases': (deps) => sweepFlagsIntoCases(deps),
  'refresh-applyments': (deps) => refreshPendingApplyments(deps),
  // Rate-limit windows that have ended, 热搜 votes and counts nothing reads, old chat sends.
  'sweep-counters': (deps) => sweepHousekeeping(deps),
  // Credit: the full run (trust graph, every score again) nightly; the day's 存证 root late evening.
  'credit-recompute': (deps) => recomputeCredit(deps),
  'credit-anchor': (deps) => anchorCreditDay(deps),
})
