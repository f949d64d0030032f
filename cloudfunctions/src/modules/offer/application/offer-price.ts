import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Hooks } from '../../deps'
import { Offers } from '../domain/offer.records'

/**
 * The agreed price checkout charges for an offer (the `offerPrice` hook): only this buyer's
 * accepted offer on this listing, before its checkout deadline. Anything else, someone else's
 * offer included, is OFFER.STALE, and checkout writes nothing.
 */
export const offerPrice: Hooks['offerPrice'] = async (deps, q) => {
  const offer = await deps.store.get(Offers, q.offerId)
  const usable =
    !!offer &&
    offer.buyerId === q.buyerId &&
    offer.listingId === q.listingId &&
    offer.state === 'accepted' &&
    offer.dueAt !== null &&
    q.now < offer.dueAt
  if (!usable) throw new AppError(ErrorCodes.OFFER_STALE)
  return offer.priceFen
}
