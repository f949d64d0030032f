/**
 * recommend: the personal 推荐 feed. An interest profile from the viewer's own history (views,
 * 想要, searches, follows, purchases, read through their owners' query functions), candidates
 * from the city and the viewer's communities, a score with freshness, popularity and distance,
 * diversity caps, and frozen rankings so pages never repeat or skip.
 */
export { sweepFeedSnapshots } from './application/sweep-snapshots'
