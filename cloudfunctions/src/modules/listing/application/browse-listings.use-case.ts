import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../core/ports/deps'
import { type ListingRecord, Listings } from '../domain/listing.record'
import type { Page } from '../../core/ports/document-store.port'

/** One listing; a removed one only for its seller. */
export const getListing = async (deps: Deps, id: string, viewerId: string | null): Promise<ListingRecord> => {
  const listing = await deps.store.get(Listings, id)
  if (!listing || (listing.status !== 'active' && listing.sellerId !== viewerId)) {
    throw new AppError(ErrorCodes.NOT_FOUND, '宝贝不存在或已下架')
  }
  return listing
}

/** A city's active listings, newest first: index order, since ids are time-ordered. */
export const cityFeed = (
  deps: Deps,
  city: string,
  page: { cursor?: string; limit: number },
): Promise<Page<ListingRecord>> =>
  deps.store.find(Listings, { city, status: 'active' }, { orderBy: { field: '_id', direction: 'desc' }, ...page })

/** A seller's own listings in every status, newest first. */
export const sellerListings = (
  deps: Deps,
  sellerId: string,
  page: { cursor?: string; limit: number },
): Promise<Page<ListingRecord>> =>
  deps.store.find(Listings, { sellerId }, { orderBy: { field: '_id', direction: 'desc' }, ...page })
