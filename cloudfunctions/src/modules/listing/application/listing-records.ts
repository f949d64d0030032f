import type { ListingStatus } from '@shared/domain/listing'
import {
  type TransactionOps,
  type PageRequest,
  newestFirst,
} from '../../core/ports/document-store.port'
import type { Deps } from '../../deps'
import { Listings, type ListingRecord } from '../domain/listing.record'

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

/** On sale from these sellers, newest first, as others see them (a banned seller's are hidden). */
export const activeListingsOf = (
  deps: Pick<Deps, 'store'>,
  sellerIds: string[],
  page: PageRequest,
) =>
  deps.store.find(
    Listings,
    { sellerId: { $in: sellerIds }, status: 'active', sellerBannedUntil: null },
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
    ...(as === 'public' ? { sellerBannedUntil: null } : {}),
  })

export type { ListingRecord }
