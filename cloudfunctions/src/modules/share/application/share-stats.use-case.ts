import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import { MAX_FIND_LIMIT, newestFirst } from '../../core/ports/document-store.port'
import type { Deps } from '../../deps'
import { loadListing } from '../../listing'
import { loadPublicUsers, type UserRecord } from '../../user'
import { countsForStats } from '../domain/attribution.rules'
import { Attributions, ShareOpens, Shares, type ShareRecord } from '../domain/share.records'

/** Shares of one listing read for its stats (newest first): far more than a second-hand item travels. */
const SHARES_READ = 500
const ROWS_SHOWN = 50
const TOP_SHARERS = 10

/** The deepest share grown from each share (chains name their ancestors, so one pass does it). */
const reachedDepths = (shares: ShareRecord[]) => {
  const reached = new Map(shares.map((s) => [s._id, s.depth]))
  for (const s of shares)
    for (const link of s.chain)
      if (reached.has(link.token) && reached.get(link.token)! < s.depth)
        reached.set(link.token, s.depth)
  return reached
}

type Tally = { shares: number; views: number; orders: number }
type Row = Tally & { depth?: number; createdAt?: number }
/** Most orders, then most views, then the share nearer the root (it started the rest), then the newest. */
const byTally = (a: Row, b: Row) =>
  b.orders - a.orders ||
  b.views - a.views ||
  b.shares - a.shares ||
  (a.depth ?? 0) - (b.depth ?? 0) ||
  (b.createdAt ?? 0) - (a.createdAt ?? 0)

/**
 * How a listing travelled, for its seller only: per share its views (distinct signed-in viewers),
 * the paid orders that came through it (not refunded, not the buyer's own loop), its depth and the
 * deepest share grown from it; and the people who shared it, by nickname only (never an id or
 * avatar), who brought most. Only people who made a share appear: viewers never do.
 */
export const shareStats = async (deps: Deps, me: Pick<UserRecord, '_id'>, listingId: string) => {
  const listing = await loadListing(deps.store, listingId)
  if (!listing || (listing.status === 'draft' && listing.sellerId !== me._id))
    throw new AppError(ErrorCodes.NOT_FOUND, '宝贝不存在')
  if (listing.sellerId !== me._id) throw new AppError(ErrorCodes.FORBIDDEN)
  const shares = (
    await deps.store.find(
      Shares,
      { targetId: listing._id, kind: 'listing' },
      newestFirst('createdAt', { limit: SHARES_READ }),
    )
  ).items
  const views = await Promise.all(shares.map((s) => deps.store.count(ShareOpens, { token: s._id })))
  const orders = new Map<string, number>()
  const attributed = await deps.store.find(
    Attributions,
    { listingId: listing._id },
    { limit: MAX_FIND_LIMIT },
  )
  for (const a of attributed.items)
    if (countsForStats(a.voided) && a.outcome !== 'refunded')
      orders.set(a.token, (orders.get(a.token) ?? 0) + 1)
  const reached = reachedDepths(shares)
  const people = await loadPublicUsers(
    deps,
    shares.map((s) => s.sharerId),
  )
  const rows = shares.map((s, i) => ({
    sharerId: s.sharerId,
    sharerNickname: people.get(s.sharerId)?.nickname ?? '邻圈用户',
    isYou: s.sharerId === me._id,
    depth: s.depth,
    reachedDepth: reached.get(s._id) ?? s.depth,
    views: views[i]!,
    orders: orders.get(s._id) ?? 0,
    shares: 1,
    fromGroup: s.fromGroup,
    createdAt: s.createdAt,
  }))
  const sharers = new Map<string, Tally & { nickname: string; depth: number }>()
  for (const r of rows.filter((r) => !r.isYou)) {
    const t = sharers.get(r.sharerId) ?? {
      nickname: r.sharerNickname,
      shares: 0,
      views: 0,
      orders: 0,
      depth: r.depth,
    }
    sharers.set(r.sharerId, {
      ...t,
      shares: t.shares + 1,
      views: t.views + r.views,
      orders: t.orders + r.orders,
      depth: Math.min(t.depth, r.depth),
    })
  }
  return {
    listingId: listing._id,
    totals: {
      shares: rows.length,
      views: rows.reduce((n, r) => n + r.views, 0),
      orders: rows.reduce((n, r) => n + r.orders, 0),
      maxDepth: rows.reduce((n, r) => Math.max(n, r.depth), 0),
    },
    shares: [...rows]
      .sort(byTally)
      .slice(0, ROWS_SHOWN)
      .map(({ sharerId: _, shares: __, ...row }) => row),
    topSharers: [...sharers.values()]
      .sort(byTally)
      .slice(0, TOP_SHARERS)
      .map(({ depth: _, ...t }) => t),
  }
}
