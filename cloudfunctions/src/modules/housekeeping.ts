import type { Deps } from './deps'
import { scoreChatReplies, sweepChatSends } from './chat'
import { disputeTimers } from './dispute'
import { sweepListingViews } from './listing'
import { pollTracking } from './delivery'
import { expireOffers } from './offer'
import { orderTimers, runOrderJobs } from './order'
import { sweepFeedSnapshots } from './recommend'
import { reviewTimers } from './review'
import { sweepHotCounters } from './search'
import { sweepShareActivities } from './share'

/**
 * The cron's order job (every minute): order timers and reminders, parcels whose pushes went
 * quiet, offers past their deadline, review windows that closed or close within a day, then every
 * due outbox job (refunds, releases, bookings, WeChat calls, 评价提醒). Composed here, beside
 * modules/hooks.ts, because it spans order, delivery, offer and review.
 */
export const orderHousekeeping = async (deps: Deps) => ({
  ...(await orderTimers(deps)),
  tracked: await pollTracking(deps),
  offers: await expireOffers(deps),
  reviews: await reviewTimers(deps),
  ...(await disputeTimers(deps)),
  jobs: await runOrderJobs(deps),
})

/**
 * The cron's hourly sweep of records that only guard for a while: ended rate-limit windows, 热搜
 * votes and counts nothing reads any more, chat sends past the window a client may retry in,
 * listing views past their 30 days, 推荐 rankings nobody pages through any more and updatable
 * cards WeChat no longer takes updates for.
 */
export const sweepHousekeeping = async (deps: Deps) => ({
  rateWindows: await deps.limits.sweep(deps.clock.now()),
  hot: await sweepHotCounters(deps),
  chatSends: await sweepChatSends(deps),
  // 聊天回复率: questions whose day to answer has passed become credit events.
  ...(await scoreChatReplies(deps)),
  views: await sweepListingViews(deps),
  feedSnapshots: await sweepFeedSnapshots(deps),
  shareActivities: await sweepShareActivities(deps),
})
