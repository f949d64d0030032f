import { expireListings } from '../modules/listing/application/expire-listings.use-case'
import { createTimerHandler } from '../platform/create-timer-handler'

/** cron: timer-triggered work (cloudfunctions/cron/config.json lists the triggers). */
export const main = createTimerHandler('cron', {
  'expire-listings': (deps) => expireListings(deps),
})
