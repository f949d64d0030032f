/**
 * share: share tokens and their chains, opens, updatable cards (动态消息) that follow the order
 * process, posters with a 小程序码, group circles (群闲置) learnt from WeChat group cloudIDs, trust
 * signals and referral attribution of orders.
 */
export { SHARE_JOB_HANDLERS } from './application/card-jobs'
export { shareListingReaction, shareOrderReaction } from './application/order-reaction'
export { sweepShareActivities } from './application/sweep-activities.use-case'
export { groupKeysOf, shareContactsOf } from './application/share-contacts'
