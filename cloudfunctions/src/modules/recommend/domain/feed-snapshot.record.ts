import type { RecommendBasis } from '@shared/contracts/recommend.contract'
import { DAY, MINUTE } from '@shared/domain/time'
import { defineCollection } from '../../core/ports/document-store.port'

/**
 * One ranking, frozen when its first page was asked for, so later pages continue it: a listing
 * published meanwhile, or a score that moved, never repeats or skips one across a page boundary.
 * A signed-in user has one, `u:<userId>`, replaced by each first page (and read only by its user,
 * whatever a cursor says); guests share one per city, category, coarse place and 10 minutes,
 * `g:<city>:<category>:<cell>:<bucket>`, since their ranking knows nothing personal.
 */
export interface FeedSnapshotRecord {
  _id: string
  /** Which ranking this is: a new id per user ranking, the time bucket for guests. */
  gen: string
  city: string
  category: string | null
  basis: RecommendBasis
  /** Listing ids in ranked order. */
  ids: string[]
  createdAt: number
}

/** How many listings one ranking holds: 10 pages of 20, beyond which people switch to 最新. */
export const SNAPSHOT_SIZE = 200
/** A guest ranking is shared this long, so guests cost one ranking per city per 10 minutes. */
export const GUEST_SNAPSHOT_MS = 10 * MINUTE
/** Rankings are swept a day after they were made (a cursor older than that starts over). */
export const SNAPSHOT_RETENTION_MS = DAY

export const FeedSnapshots = defineCollection<FeedSnapshotRecord>('recommend_snapshots', [
  { name: 'created', fields: [{ field: 'createdAt' }] },
])
