import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { loadListing } from '../../listing'
import type { UserRecord } from '../../user'
import { OfferFloors } from '../domain/offer.records'
import { assertProposable } from '../domain/offer.rules'

/**
 * The seller's floor for a listing: later offers (and buyers' counters) below it are declined at
 * once. Like any price it is whole fen below the listed price; null removes it. The seller's alone.
 */
export const setFloor = async (
  deps: Deps,
  seller: Pick<UserRecord, '_id'>,
  input: { listingId: string; floorFen: number | null },
) => {
  const listing = await loadListing(deps.store, input.listingId)
  if (!listing) throw new AppError(ErrorCodes.NOT_FOUND, '宝贝不存在')
  if (listing.sellerId !== seller._id) throw new AppError(ErrorCodes.FORBIDDEN)
  if (input.floorFen === null) await deps.store.remove(OfferFloors, listing._id)
  else {
    assertProposable(
      input.floorFen,
      listing.priceFen,
      'floorFen',
      '最低价须是大于 0 且低于标价的金额',
    )
    const floor = {
      sellerId: seller._id,
      floorFen: input.floorFen,
      updatedAt: deps.clock.now(),
    }
    if (await deps.store.get(OfferFloors, listing._id))
      await deps.store.update(OfferFloors, listing._id, floor)
    else await deps.store.insert(OfferFloors, { _id: listing._id, ...floor })
  }
  return { listingId: listing._id, floorFen: input.floorFen }
}
