import { AppError, ErrorCodes, isAppError } from '@shared/errors/error-codes'
import { isLiveOffer, offerDueAt, offerStep } from '@shared/domain/offer-process'
import { openConversation } from '../../chat'
import { enforceLimit } from '../../core'
import type { Deps } from '../../deps'
import { isListingBuyable, loadListing } from '../../listing'
import type { UserRecord } from '../../user'
import {
  LiveOffers,
  OfferFloors,
  Offers,
  liveOfferKey,
  type OfferRecord,
} from '../domain/offer.records'
import {
  BELOW_FLOOR_REASON,
  MAKE_PER_BUYER,
  MAKE_TOO_OFTEN,
  assertProposable,
} from '../domain/offer.rules'
import { belowFloorLine, proposedLine } from '../domain/offer-lines'
import { expireOffer } from './expire-offers.use-case'
import { assertFloorUnprobed, takeFloorProbe } from './floor-probes'
import { postOfferLines, ringConversation } from './offer-moves'
import { toOffer } from './offer-views'

const alreadyLive = (offerId: string) =>
  new AppError(ErrorCodes.OFFER_ALREADY_LIVE, undefined, { offerId })

/**
 * Makes room for a new offer of the buyer on the listing: a live offer there refuses it
 * (OFFER.ALREADY_LIVE with its id), unless its deadline has passed (it expires now, as the sweep
 * would); a slot whose offer has ended is a leftover and goes.
 */
const clearSlot = async (deps: Deps, key: string, now: number) => {
  const slot = await deps.store.get(LiveOffers, key)
  if (!slot) return
  const holder = await deps.store.get(Offers, slot.offerId)
  if (holder && isLiveOffer(holder.state)) {
    if (holder.dueAt === null || now < holder.dueAt) throw alreadyLive(holder._id)
    if (!(await expireOffer(deps, holder, now))) throw alreadyLive(holder._id)
  } else await deps.store.remove(LiveOffers, key)
}

/**
 * 议价: the buyer offers a price for a listing on sale, below its listed price. One live offer per
 * buyer and listing: its slot is inserted with the offer, so a racing second make conflicts. A price
 * below the seller's floor is declined at once with a polite reason; the floor is never told. The
 * offer is posted in the buyer's conversation about the listing (opened if it is the first word).
 */
export const makeOffer = async (
  deps: Deps,
  buyer: Pick<UserRecord, '_id' | 'roles'>,
  input: { listingId: string; priceFen: number },
) => {
  await enforceLimit(deps.limits, MAKE_PER_BUYER, buyer._id, MAKE_TOO_OFTEN)
  const listing = await loadListing(deps.store, input.listingId)
  if (!listing || listing.status === 'draft') throw new AppError(ErrorCodes.NOT_FOUND, '宝贝不存在')
  if (listing.sellerId === buyer._id) throw new AppError(ErrorCodes.OFFER_OWN_LISTING)
  if (!(await isListingBuyable(deps, listing)))
    throw new AppError(ErrorCodes.OFFER_LISTING_UNAVAILABLE)
  assertProposable(input.priceFen, listing.priceFen)
  const pair = { listingId: listing._id, buyerId: buyer._id }
  await assertFloorUnprobed(deps, pair)
  await openConversation(deps, buyer, listing._id)

  const now = deps.clock.now()
  const key = liveOfferKey(listing._id, buyer._id)
  await clearSlot(deps, key, now)
  const floor = await deps.store.get(OfferFloors, listing._id)
  const belowFloor = !!floor && input.priceFen < floor.floorFen
  if (belowFloor) await takeFloorProbe(deps, pair)
  const made = offerStep('make', null, 'buyer')!
  const state = belowFloor ? offerStep('decline', made, 'system')! : made
  const offer: OfferRecord = {
    _id: deps.ids.next(),
    listingId: listing._id,
    buyerId: buyer._id,
    sellerId: listing.sellerId,
    state,
    priceFen: input.priceFen,
    proposedBy: 'buyer',
    history: [{ by: 'buyer', priceFen: input.priceFen, at: now }],
    dueAt: offerDueAt(state, now),
    declineReason: belowFloor ? BELOW_FLOOR_REASON : null,
    orderId: null,
    createdAt: now,
    updatedAt: now,
    version: 0,
  }
  try {
    await deps.store.transaction(async (tx) => {
      // A declined offer holds no slot: the buyer may try again at once.
      if (!belowFloor) await tx.insert(LiveOffers, { _id: key, offerId: offer._id, createdAt: now })
      await tx.insert(Offers, offer)
      const proposed = proposedLine('buyer', offer.priceFen, true)
      const lines = belowFloor
        ? [{ ...proposed, newsTo: [] }, belowFloorLine(offer.priceFen)]
        : [proposed]
      await postOfferLines(tx, offer, lines, now)
    })
  } catch (e) {
    if (!(isAppError(e) && e.code === ErrorCodes.CONFLICT)) throw e
    // A double tap made one first: that one is the live offer.
    const slot = await deps.store.get(LiveOffers, key)
    throw slot ? alreadyLive(slot.offerId) : e
  }
  ringConversation(deps, offer)
  return toOffer(deps, offer, buyer._id)
}
