import { offerDueAt, isLiveOffer, type OfferState } from '@shared/domain/offer-process'
import { updateIfUnchanged } from '../../core'
import type { TransactionOps } from '../../core/ports/document-store.port'
import { LiveOffers, Offers, liveOfferKey, type OfferRecord } from '../domain/offer.records'

/**
 * Writes one move of an offer inside `tx`: the new state, its timer and `patch`, by compare-and-set
 * on `version` (a racing move gets COMMON.CONFLICT and nothing lands); a move that ends the offer
 * frees the buyer's live slot on the listing in the same transaction.
 */
export const writeMove = async (
  tx: TransactionOps,
  offer: OfferRecord,
  to: OfferState,
  patch: Partial<OfferRecord>,
  now: number,
): Promise<OfferRecord> => {
  const next = await updateIfUnchanged(tx, Offers, offer._id, offer, {
    ...patch,
    state: to,
    dueAt: offerDueAt(to, now),
    updatedAt: now,
  })
  if (!isLiveOffer(to)) await freeSlot(tx, offer)
  return next
}

/** Removes the buyer's live slot if this offer holds it (a newer offer's slot is left alone). */
export const freeSlot = async (tx: TransactionOps, offer: OfferRecord) => {
  const key = liveOfferKey(offer.listingId, offer.buyerId)
  const slot = await tx.get(LiveOffers, key)
  if (slot?.offerId === offer._id) await tx.remove(LiveOffers, key)
}
