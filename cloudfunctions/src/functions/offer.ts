import { OfferContract } from '@shared/contracts/offer.contract'
import { getOffer, offersForListing } from '../modules/offer/application/list-offers.use-case'
import { makeOffer } from '../modules/offer/application/make-offer.use-case'
import { moveOffer, type PartyMove } from '../modules/offer/application/move-offer.use-case'
import { setFloor } from '../modules/offer/application/offer-floor.use-case'
import { createHandler, type RouteContext, type UserCaller } from '../platform/create-handler'

type Ctx = RouteContext<UserCaller>

/** A party's move on an offer: one route per move, the same use case. */
const move =
  (name: PartyMove) =>
  async ({ offerId }: { offerId: string }, { caller, deps }: Ctx) =>
    moveOffer(deps, caller.user, offerId, name)

/** offer: 议价 on a listing, its counters, the seller's floor; checkout at the agreed price is order's. */
export const main = createHandler(OfferContract, {
  make: async (input, { caller, deps }) => makeOffer(deps, caller.user, input),
  accept: move('accept'),
  decline: move('decline'),
  counter: async ({ offerId, priceFen }, { caller, deps }) =>
    moveOffer(deps, caller.user, offerId, 'counter', priceFen),
  withdraw: move('withdraw'),
  get: async ({ offerId }, { caller, deps }) => getOffer(deps, caller.user, offerId),
  forListing: async (query, { caller, deps }) => offersForListing(deps, caller.user, query),
  setFloor: async (input, { caller, deps }) => setFloor(deps, caller.user, input),
})
