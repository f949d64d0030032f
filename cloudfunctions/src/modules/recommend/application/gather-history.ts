import { DAY } from '@shared/domain/time'
import type { Deps } from '../../deps'
import { loadListings, viewsBy } from '../../listing'
import { purchasesOf } from '../../order'
import { searchHistory } from '../../search'
import { favoritesOf, followedSellerIds } from '../../social'
import {
  buildProfile,
  type InterestProfile,
  type ListingSignal,
  type SignalKind,
} from '../domain/interest-profile'

/** How far back views are read (they are kept no longer: listing's VIEW_RETENTION_MS). */
const VIEWS_SINCE_MS = 30 * DAY
/** The newest this many of each: enough for a month of browsing, one indexed read each. */
const VIEWS_READ = 100
const WANTS_READ = 100
const PURCHASES_READ = 50
const FOLLOWS_READ = 200

/** One person's own history as the ranking uses it. */
export interface ViewerHistory {
  profile: InterestProfile
  wantedIds: Set<string>
  viewedIds: Set<string>
  boughtIds: Set<string>
}

/**
 * Reads this user's own views, 想要, purchases, searches and follows (each through its owner's
 * query function) and builds their profile. Nothing here reads anyone else's history.
 */
export const gatherHistory = async (deps: Deps, userId: string): Promise<ViewerHistory> => {
  const now = deps.clock.now()
  const [views, wants, buys, keywords, followed] = await Promise.all([
    viewsBy(deps, userId, now - VIEWS_SINCE_MS, VIEWS_READ),
    favoritesOf(deps, userId, WANTS_READ),
    purchasesOf(deps, userId, PURCHASES_READ),
    searchHistory(deps, userId),
    followedSellerIds(deps, userId, FOLLOWS_READ),
  ])
  const events: { kind: SignalKind; listingId: string; at: number }[] = [
    ...views.map((e) => ({ kind: 'view' as const, ...e })),
    ...wants.map((e) => ({ kind: 'want' as const, ...e })),
    ...buys.map((e) => ({ kind: 'buy' as const, ...e })),
  ]
  const listings = new Map(
    (await loadListings(deps, [...new Set(events.map((e) => e.listingId))])).map((l) => [l._id, l]),
  )
  const signals: ListingSignal[] = events.flatMap((e) => {
    const listing = listings.get(e.listingId)
    return listing ? [{ kind: e.kind, at: e.at, listing }] : []
  })
  return {
    profile: buildProfile({ signals, keywords, followedSellerIds: followed }, now),
    wantedIds: new Set(wants.map((e) => e.listingId)),
    viewedIds: new Set(views.map((e) => e.listingId)),
    boughtIds: new Set(buys.map((e) => e.listingId)),
  }
}
