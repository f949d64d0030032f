import { DAY, HOUR } from '@shared/domain/time'
import { slidingRule } from '../../core/ports/rate-limiter.port'

/** Share taps per user: a tap reuses a recent token, but may still cost WeChat an activity id. */
export const CREATE_PER_USER = slidingRule('share-create', 60, HOUR)
/** Opens recorded per user: a person opens a few dozen cards an hour, a script thousands. */
export const OPEN_PER_USER = slidingRule('share-open', 120, HOUR)
/** Group cloudIDs resolved per user (each one is a call to WeChat). */
export const CLOUD_ID_PER_USER = slidingRule('share-cloud-id', 30, HOUR)
/** Poster scenes resolved per caller (user, or client address for guests). */
export const SCENE_PER_CALLER = slidingRule('share-scene', 60, HOUR)
/**
 * Group keys that found no group the caller is in, per user: once spent, every group action is
 * refused for a while whatever the key, so the refusal itself tells nothing about a key.
 */
export const GROUP_MISSES = slidingRule('share-group-miss', 10, HOUR)
export const POST_PER_USER = slidingRule('share-group-post', 20, HOUR)
export const LABEL_PER_USER = slidingRule('share-group-label', 10, HOUR)
/** Trust look-ups per viewer: enough for every listing and chat, too few to map who is in which group. */
export const TRUST_PER_USER = slidingRule('share-trust', 300, HOUR)
/** New 小程序码 per user and day (a cached one is free). */
export const POSTER_PER_USER = slidingRule('share-poster', 20, DAY)

export const TOO_OFTEN = '分享操作太频繁了，请稍后再试'
