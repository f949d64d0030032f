import {
  isOfferActionOf,
  offerStep,
  type OfferParty,
  type OfferState,
} from '@shared/domain/offer-process'
import { AppError, ErrorCodes, isAppError } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { isListingBuyable, loadListing } from '../../listing'
import type { UserRecord } from '../../user'
import { OfferFloors, type OfferRecord } from '../domain/offer.records'
import { answeredLine, belowFloorLine, type OfferLine, proposedLine } from '../domain/offer-lines'
import { BELOW_FLOOR_REASON, assertProposable } from '../domain/offer.rules'
import { assertFloorUnprobed, takeFloorProbe } from './floor-probes'
import { loadOwnOffer } from './offer-access'
import { ringConversation, writeMove } from './offer-moves'
import { toOffer } from './offer-views'

/** The moves a party makes on an offer (make starts one, the system takes the timers). */
export type PartyMove = 'accept' | 'decline' | 'counter' | 'withdraw'

/** Accept and counter only make sense while the listing can still be bought. */
const assertListingOpen = async (deps: Deps, offer: OfferRecord) => {
  const listing = await loadListing(deps.store, offer.listingId)
  if (!listing || !(await isListingBuyable(deps, listing)))
    throw new AppError(ErrorCodes.OFFER_LISTING_UNAVAILABLE)
  return listing
}

/**
 * What a move writes besides the state, and what it says in the chat. A counter puts a new price
 * on the table (in whole fen, below the listed price, different from the current one); a buyer's
 * counter below the seller's floor is declined at once, as a first offer would be.
 */
const planMove = async (
  deps: Deps,
  offer: OfferRecord,
  party: OfferParty,
  name: PartyMove,
  to: OfferState,
  priceFen: number | undefined,
  now: number,
): Promise<{ to: OfferState; patch: Partial<OfferRecord>; lines: OfferLine[] }> => {
  if (to === 'accepted') await assertListingOpen(deps, offer)
  if (name !== 'counter')
    return { to, patch: {}, lines: [answeredLine(name, party, offer.priceFen)] }
  if (priceFen === undefined)
    throw new AppError(ErrorCodes.OFFER_PRICE_INVALID, undefined, { path: ['priceFen'] })
  const listing = await assertListingOpen(deps, offer)
  assertProposable(priceFen, listing.priceFen)
  if (party === 'buyer') await assertFloorUnprobed(deps, offer)
  if (priceFen === offer.priceFen)
    throw new AppError(ErrorCodes.OFFER_SAME_PRICE, undefined, { path: ['priceFen'] })
  const patch: Partial<OfferRecord> = {
    priceFen,
    proposedBy: party,
    history: [...offer.history, { by: party, priceFen, at: now }],
  }
  const proposed = proposedLine(party, priceFen, false)
  const floor = party === 'buyer' ? await deps.store.get(OfferFloors, offer.listingId) : null
  if (floor && priceFen < floor.floorFen) {
    await takeFloorProbe(deps, offer)
    return {
      to: offerStep('decline', to, 'system')!,
      patch: { ...patch, declineReason: BELOW_FLOOR_REASON },
      lines: [{ ...proposed, newsTo: [] }, belowFloorLine(priceFen)],
    }
  }
  return { to, patch, lines: [proposed] }
}

/**
 * A party's move on an offer (accept, decline, counter, withdraw): identity from the context,
 * checked against the offer and the graph (someone else's offer is NOT_FOUND, a move that is never
 * the caller's FORBIDDEN, a move out of turn OFFER.WRONG_STATE, past the deadline OFFER.EXPIRED),
 * then written by compare-and-set. A racing move makes this one look again.
 */
export const moveOffer = async (
  deps: Deps,
  user: Pick<UserRecord, '_id'>,
  offerId: string,
  name: PartyMove,
  priceFen?: number,
) => {
  for (let attempt = 0; ; attempt++) {
    const { offer, party } = await loadOwnOffer(deps.store, user._id, offerId)
    if (!isOfferActionOf(name, party)) throw new AppError(ErrorCodes.FORBIDDEN)
    const step = offerStep(name, offer.state, party)
    if (!step) throw new AppError(ErrorCodes.OFFER_WRONG_STATE)
    const now = deps.clock.now()
    if (offer.dueAt !== null && now >= offer.dueAt) throw new AppError(ErrorCodes.OFFER_EXPIRED)
    const { to, patch, lines } = await planMove(deps, offer, party, name, step, priceFen, now)
    try {
      const next = await deps.store.transaction((tx) => writeMove(tx, offer, to, patch, now, lines))
      ringConversation(deps, next)
      return toOffer(deps, next, user._id)
    } catch (e) {
      if (isAppError(e) && e.code === ErrorCodes.CONFLICT && attempt < 3) continue
      throw e
    }
  }
}
