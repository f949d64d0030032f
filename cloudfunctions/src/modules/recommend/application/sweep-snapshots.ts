import { removeBelow } from '../../core'
import type { Deps } from '../../deps'
import { FeedSnapshots, SNAPSHOT_RETENTION_MS } from '../domain/feed-snapshot.record'

/** Rankings nobody pages through any more (the hourly sweep): guests' buckets and old user ones. */
export const sweepFeedSnapshots = (deps: Pick<Deps, 'store' | 'clock'>) =>
  removeBelow(deps.store, FeedSnapshots, 'createdAt', deps.clock.now() - SNAPSHOT_RETENTION_MS)
