import type { RecommendPage } from '@shared/contracts/recommend.contract'
import type { GeoPoint } from '@shared/domain/geo'
import { snapToGrid } from '@shared/domain/geo'
import type { CategoryId } from '@shared/domain/listing'
import { AppError, ErrorCodes, isAppError } from '@shared/errors/error-codes'
import { callerKey, enforceLimit } from '../../core'
import type { Deps } from '../../deps'
import { hiddenByBan, loadListings, toCards } from '../../listing'
import { communitiesOf } from '../../social'
import {
  FeedSnapshots,
  type FeedSnapshotRecord,
  GUEST_SNAPSHOT_MS,
  SNAPSHOT_SIZE,
} from '../domain/feed-snapshot.record'
import { EMPTY_PROFILE, topCategories } from '../domain/interest-profile'
import { rankFeed } from '../domain/rank-feed'
import { RANK_PER_ADDRESS, RANK_PER_USER, RECOMMEND_TOO_OFTEN } from '../domain/recommend.limits'
import { TOP_CATEGORIES_READ, gatherCandidates, toRankable } from './gather-candidates'
import { gatherHistory } from './gather-history'

export interface FeedRequest {
  city: string
  category?: CategoryId
  cursor?: string
  limit: number
  from?: GeoPoint
}

/** Who asks: the signed-in user (their own history ranks), or a guest known by address. */
export interface FeedViewer {
  userId: string | null
  ip: string | null
}

/** Guests' rankings are shared per cell of this size: coarse enough to share, fine enough for 附近. */
const GUEST_CELL_METERS = 2_000

/** `<gen>.<offset>`: which ranking, and how far into it. */
const CURSOR = /^([0-9A-Z]{1,26})\.(\d{1,4})$/

const guestSnapshotId = (req: FeedRequest, gen: string) => {
  const cell = req.from ? snapToGrid(req.from, GUEST_CELL_METERS) : null
  const place = cell ? `${cell.latitude},${cell.longitude}` : 'any'
  return `g:${req.city}:${req.category ?? 'all'}:${place}:${gen}`
}

const userSnapshotId = (userId: string) => `u:${userId}`

/** Ranks the city's candidates for this viewer (a guest's profile is empty: the cold start). */
const rank = async (deps: Deps, viewer: FeedViewer, req: FeedRequest) => {
  const history = viewer.userId ? await gatherHistory(deps, viewer.userId) : null
  const profile = history?.profile ?? EMPTY_PROFILE
  const communityIds = viewer.userId
    ? (await communitiesOf(deps, viewer.userId)).filter((c) => c.city === req.city).map((c) => c.id)
    : []
  const candidates = await gatherCandidates(deps, {
    city: req.city,
    category: req.category,
    viewerId: viewer.userId,
    communityIds,
    followedSellerIds: profile.followedSellerIds,
    topCategories: topCategories(profile, TOP_CATEGORIES_READ),
    excludeIds: history?.boughtIds ?? new Set(),
  })
  const ranked = rankFeed(
    profile,
    candidates.map(toRankable),
    {
      now: deps.clock.now(),
      from: req.from ?? null,
      communityIds,
      wantedIds: history?.wantedIds ?? new Set(),
      viewedIds: history?.viewedIds ?? new Set(),
    },
    { limit: SNAPSHOT_SIZE, oneCategory: req.category !== undefined },
  )
  const personal = profile.evidence > 0 || profile.followedSellerIds.length > 0
  return {
    ids: ranked.map((l) => l.id),
    basis: personal ? ('personal' as const) : ('popular' as const),
  }
}

/** A first page: a fresh ranking for a user (replacing their last), the current shared one for a guest. */
const freshSnapshot = async (
  deps: Deps,
  viewer: FeedViewer,
  req: FeedRequest,
): Promise<FeedSnapshotRecord> => {
  const now = deps.clock.now()
  if (viewer.userId) {
    await enforceLimit(
      deps.limits,
      RANK_PER_USER,
      callerKey(viewer.userId, null),
      RECOMMEND_TOO_OFTEN,
    )
    const doc: FeedSnapshotRecord = {
      _id: userSnapshotId(viewer.userId),
      gen: deps.ids.next(),
      city: req.city,
      category: req.category ?? null,
      ...(await rank(deps, viewer, req)),
      createdAt: now,
    }
    const { _id, ...fields } = doc
    // One per user: replaced whole; a race between two first pages leaves the later one.
    if (await deps.store.get(FeedSnapshots, _id))
      await deps.store.update(FeedSnapshots, _id, fields)
    else await insertOr(deps, doc, () => deps.store.update(FeedSnapshots, _id, fields))
    return doc
  }
  const id = guestSnapshotId(req, String(Math.floor(now / GUEST_SNAPSHOT_MS)))
  const shared = await deps.store.get(FeedSnapshots, id)
  if (shared) return shared
  await enforceLimit(deps.limits, RANK_PER_ADDRESS, callerKey(null, viewer.ip), RECOMMEND_TOO_OFTEN)
  const doc: FeedSnapshotRecord = {
    _id: id,
    gen: id.slice(id.lastIndexOf(':') + 1),
    city: req.city,
    category: req.category ?? null,
    ...(await rank(deps, viewer, req)),
    createdAt: now,
  }
  // Two guests ranking the same bucket at once: the first one stored is the one both page through.
  return insertOr(deps, doc, async () => (await deps.store.get(FeedSnapshots, id)) ?? doc)
}

/** Inserts, or on CONFLICT (someone stored it first) answers `onConflict`. */
const insertOr = async <R>(
  deps: Deps,
  doc: FeedSnapshotRecord,
  onConflict: () => Promise<R>,
): Promise<FeedSnapshotRecord | R> => {
  try {
    await deps.store.insert(FeedSnapshots, doc)
    return doc
  } catch (e) {
    if (isAppError(e) && e.code === ErrorCodes.CONFLICT) return onConflict()
    throw e
  }
}

/**
 * A later page: the ranking the cursor names, looked up under the caller's own key, so a cursor
 * can never open someone else's ranking. Gone or replaced: CURSOR_EXPIRED (start from the top).
 */
const continuedSnapshot = async (
  deps: Deps,
  viewer: FeedViewer,
  req: FeedRequest,
  gen: string,
): Promise<FeedSnapshotRecord> => {
  const id = viewer.userId ? userSnapshotId(viewer.userId) : guestSnapshotId(req, gen)
  const doc = await deps.store.get(FeedSnapshots, id)
  if (!doc || doc.gen !== gen || doc.city !== req.city || doc.category !== (req.category ?? null))
    throw new AppError(ErrorCodes.RECOMMEND_CURSOR_EXPIRED)
  return doc
}

/**
 * 推荐: a page of the viewer's ranking. The first page ranks (personal for a user with a history,
 * what is popular nearby otherwise) and freezes the order; later pages read it, dropping only
 * listings that left sale meanwhile.
 */
export const recommendFeed = async (
  deps: Deps,
  viewer: FeedViewer,
  req: FeedRequest,
): Promise<RecommendPage> => {
  let offset = 0
  let snapshot: FeedSnapshotRecord
  if (req.cursor) {
    const m = CURSOR.exec(req.cursor)
    if (!m)
      throw new AppError(ErrorCodes.VALIDATION, 'cursor 格式不正确', {
        path: 'cursor',
        issues: [{ path: 'cursor', message: 'cursor 格式不正确' }],
      })
    offset = Number(m[2])
    snapshot = await continuedSnapshot(deps, viewer, req, m[1]!)
  } else snapshot = await freshSnapshot(deps, viewer, req)
  const now = deps.clock.now()
  const end = offset + req.limit
  const listings = (await loadListings(deps, snapshot.ids.slice(offset, end))).filter(
    (l) => l.status === 'active' && !hiddenByBan(l, now),
  )
  return {
    items: await toCards(deps, listings, req.from),
    nextCursor: end < snapshot.ids.length ? `${snapshot.gen}.${end}` : null,
    basis: snapshot.basis,
  }
}
