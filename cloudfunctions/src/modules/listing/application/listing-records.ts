import type { ListingStatus } from '@shared/domain/listing'
import {
  type TransactionOps,
  type PageRequest,
  newestFirst,
} from '../../core/ports/document-store.port'
import { removeBelow } from '../../core'
import type { Deps } from '../../deps'
import {
  ListingViews,
  Listings,
  VIEW_RETENTION_MS,
  type ListingRecord,
} from '../domain/listing.record'

/** The listings table as other modules may read it: these functions, never the table. */

/** One listing, from the store or inside a transaction. */
export const loadListing = (reader: Pick<TransactionOps, 'get'>, listingId: string) =>
  reader.get(Listings, listingId)

/**
 * The 想要 counter, written in the caller's transaction. A counter, not a seller edit: `version`
 * stays, so it never conflicts with the seller.
 */
export const setFavoriteCount = (tx: TransactionOps, listingId: string, favoriteCount: number) =>
  tx.update(Listings, listingId, { favoriteCount })

/** On sale from these sellers, newest first, as others see them (a banned seller's and held ones are hidden). */
export const activeListingsOf = (
  deps: Pick<Deps, 'store'>,
  sellerIds: string[],
  page: PageRequest,
) =>
  deps.store.find(
    Listings,
    {
      sellerId: { $in: sellerIds },
      status: 'active',
      sellerBannedUntil: null,
      reviewHeldAt: null,
    },
    newestFirst('sortKey', page),
  )

/** A seller's listings in one status: all of them for the seller, or as others see them. */
export const countSellerListings = (
  deps: Pick<Deps, 'store'>,
  sellerId: string,
  status: ListingStatus,
  as: 'owner' | 'public',
) =>
  deps.store.count(Listings, {
    sellerId,
    status,
    ...(as === 'public' ? { sellerBannedUntil: null, reviewHeldAt: null } : {}),
  })

/** Several listings by id, in the order asked, leaving out ids that are gone. */
export const loadListings = async (
  deps: Pick<Deps, 'store'>,
  listingIds: string[],
): Promise<ListingRecord[]> =>
  (await Promise.all(listingIds.map((id) => deps.store.get(Listings, id)))).filter(
    (l): l is ListingRecord => l !== null,
  )

/** A listing a user opened, and when (one a listing a China day). */
export interface ViewEvent {
  listingId: string
  at: number
}

/**
 * The listings this user opened since `since`, newest first: their own views only, for their own
 * 推荐. Nothing else reads who viewed what.
 */
export const viewsBy = async (
  deps: Pick<Deps, 'store'>,
  viewerId: string,
  since: number,
  limit: number,
): Promise<ViewEvent[]> =>
  (
    await deps.store.find(
      ListingViews,
      { viewerId, at: { $gte: since } },
      newestFirst('at', { limit }),
    )
  ).items.flatMap((v) => (v.listingId ? [{ listingId: v.listingId, at: v.at }] : []))

/** Views past retention go (the hourly sweep): what someone opened is not kept for ever. */
export const sweepListingViews = (deps: Pick<Deps, 'store' | 'clock'>) =>
  removeBelow(deps.store, ListingViews, 'at', deps.clock.now() - VIEW_RETENTION_MS)

export type { ListingRecord }
