import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import { newestFirst, type PageRequest } from '../../core/ports/document-store.port'
import type { Deps } from '../../deps'
import { loadListing } from '../../listing'
import type { UserRecord } from '../../user'
import { Offers } from '../domain/offer.records'
import { loadOwnOffer } from './offer-access'
import { toOffer, toOffers } from './offer-views'

/**
 * A listing's offers, newest first: its seller sees every buyer's (or one buyer's, for the
 * conversation with them), anyone else only their own (so a buyer never learns what others offered). A listing nobody else may see is NOT_FOUND.
 */
export const offersForListing = async (
  deps: Deps,
  user: Pick<UserRecord, '_id'>,
  query: PageRequest & { listingId: string; buyerId?: string },
) => {
  const listing = await loadListing(deps.store, query.listingId)
  const isSeller = listing?.sellerId === user._id
  if (!listing || (listing.status === 'draft' && !isSeller))
    throw new AppError(ErrorCodes.NOT_FOUND, '宝贝不存在')
  const page = await deps.store.find(
    Offers,
    isSeller
      ? { listingId: listing._id, ...(query.buyerId ? { buyerId: query.buyerId } : {}) }
      : { listingId: listing._id, buyerId: user._id },
    newestFirst('_id', { limit: query.limit, cursor: query.cursor }),
  )
  return { items: await toOffers(deps, page.items, user._id), nextCursor: page.nextCursor }
}

/** One offer as its buyer or seller sees it; anyone else is told it does not exist. */
export const getOffer = async (deps: Deps, user: Pick<UserRecord, '_id'>, offerId: string) =>
  toOffer(deps, (await loadOwnOffer(deps.store, user._id, offerId)).offer, user._id)
