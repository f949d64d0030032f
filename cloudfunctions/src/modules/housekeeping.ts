import type { Deps } from './deps'
import { pollTracking } from './delivery'
import { expireOffers } from './offer'
import { orderTimers, runOrderJobs } from './order'

/**
 * The cron's order job (every minute): order timers and reminders, parcels whose pushes went
 * quiet, offers past their deadline, then every due outbox job (refunds, releases, bookings, WeChat calls). Composed here,
 * beside modules/hooks.ts, because it spans order, delivery and offer.
 */
export const orderHousekeeping = async (deps: Deps) => ({
  ...(await orderTimers(deps)),
  tracked: await pollTracking(deps),
  offers: await expireOffers(deps),
  jobs: await runOrderJobs(deps),
})
