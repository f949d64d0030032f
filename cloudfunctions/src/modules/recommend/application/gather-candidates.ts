import type { CategoryId } from '@shared/domain/listing'
import { snapToGrid } from '@shared/domain/geo'
import type { Deps } from '../../deps'
import {
  activeListingsOf,
  cityFeed,
  hiddenByBan,
  loadListings,
  type ListingRecord,
} from '../../listing'
import type { Rankable } from '../domain/feed-score'

/**
 * Where candidates come from, each one indexed read: the city's newest, the newest of the
 * viewer's strongest categories (older listings they would like), their communities' and the
 * sellers they follow. A few hundred listings: enough to rank, cheap to score.
 */
const CITY_NEWEST = 300
const PER_TOP_CATEGORY = 100
export const TOP_CATEGORIES_READ = 3
const PER_COMMUNITY = 50
const FOLLOWED_NEWEST = 100

export interface CandidateQuery {
  city: string
  category: CategoryId | undefined
  /** The viewer: their own listings are not recommended to them. */
  viewerId: string | null
  /** The viewer's communities in this city. */
  communityIds: string[]
  followedSellerIds: string[]
  topCategories: string[]
  /** Listings not to recommend at all (what the viewer already bought). */
  excludeIds: ReadonlySet<string>
}

/** A community's newest listings in the city, through the search index (it knows memberships). */
const communityListings = async (
  deps: Deps,
  q: CandidateQuery,
  communityId: string,
): Promise<ListingRecord[]> => {
  const page = await deps.search.query({
    communityId,
    city: q.city,
    category: q.category,
    sort: 'newest',
    limit: PER_COMMUNITY,
  })
  return loadListings(
    deps,
    page.items.map((h) => h.id),
  )
}

/** Every candidate once, on sale in the city, visible to others and not the viewer's own. */
export const gatherCandidates = async (deps: Deps, q: CandidateQuery): Promise<ListingRecord[]> => {
  const now = deps.clock.now()
  const items = async (p: Promise<{ items: ListingRecord[] }>) => (await p).items
  const sources = await Promise.all([
    items(cityFeed(deps, q.city, q.category, { limit: CITY_NEWEST })),
    ...(q.category
      ? []
      : q.topCategories
          .slice(0, TOP_CATEGORIES_READ)
          .map((c) => items(cityFeed(deps, q.city, c, { limit: PER_TOP_CATEGORY })))),
    ...q.communityIds.map((id) => communityListings(deps, q, id)),
    q.followedSellerIds.length > 0
      ? items(activeListingsOf(deps, q.followedSellerIds, { limit: FOLLOWED_NEWEST }))
      : Promise.resolve([]),
  ])
  const byId = new Map<string, ListingRecord>()
  for (const l of sources.flat()) if (!byId.has(l._id)) byId.set(l._id, l)
  return [...byId.values()].filter(
    (l) =>
      l.status === 'active' &&
      l.city === q.city &&
      (!q.category || l.category === q.category) &&
      !hiddenByBan(l, now) &&
      l.sellerId !== q.viewerId &&
      !q.excludeIds.has(l._id),
  )
}

/** What the ranking reads of a listing: the grid point, never the exact one. */
export const toRankable = (l: ListingRecord): Rankable => ({
  id: l._id,
  sellerId: l.sellerId,
  category: l.category,
  subcategory: l.subcategory,
  title: l.title,
  priceFen: l.priceFen,
  bumpedAt: l.bumpedAt ?? l.createdAt,
  favoriteCount: l.favoriteCount,
  viewCount: l.viewCount,
  communityIds: l.communityIds,
  point: snapToGrid(l.location),
})
