import type { OfferParty } from '@shared/domain/offer-process'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { TransactionOps } from '../../core/ports/document-store.port'
import { Offers, type OfferRecord } from '../domain/offer.records'

export const partyOf = (o: OfferRecord, userId: string): OfferParty | null =>
  o.buyerId === userId ? 'buyer' : o.sellerId === userId ? 'seller' : null

/**
 * An offer and the caller's part in it. Only its buyer and seller may see it: anyone else, an
 * operator too, is told it does not exist, so a guessed id reveals nothing.
 */
export const loadOwnOffer = async (
  reader: Pick<TransactionOps, 'get'>,
  userId: string,
  offerId: string,
): Promise<{ offer: OfferRecord; party: OfferParty }> => {
  const offer = await reader.get(Offers, offerId)
  const party = offer && partyOf(offer, userId)
  if (!offer || !party) throw new AppError(ErrorCodes.NOT_FOUND, '议价不存在')
  return { offer, party }
}
