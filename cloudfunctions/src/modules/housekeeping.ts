import type { Deps } from './deps'
import { pollTracking } from './delivery'
import { orderTimers, runOrderJobs } from './order'

/**
 * The cron's order job (every minute): order timers and reminders, parcels whose pushes went
 * quiet, then every due outbox job (refunds, releases, bookings, WeChat calls). Composed here,
 * beside modules/hooks.ts, because it spans order and delivery.
 */
export const orderHousekeeping = async (deps: Deps) => ({
  ...(await orderTimers(deps)),
  tracked: await pollTracking(deps),
  jobs: await runOrderJobs(deps),
})
