import { ListingContract } from '@shared/contracts/listing.contract'
import {
  cityFeed,
  getListing,
  sellerListings,
} from '../modules/listing/application/browse-listings.use-case'
import { createListing } from '../modules/listing/application/create-listing.use-case'
import { toCards, toDetail } from '../modules/listing/application/listing-views'
import { updateListing } from '../modules/listing/application/update-listing.use-case'
import { createHandler } from '../platform/create-handler'

/** listing: publish, edit, and browse listings. */
export const main = createHandler(ListingContract, {
  create: async (input, { caller, deps }) =>
    toDetail(deps, await createListing(deps, caller.user, input), caller.user._id),
  update: async (input, { caller, deps }) =>
    toDetail(deps, await updateListing(deps, caller.user, input), caller.user._id),
  get: async ({ id, from }, { caller, deps }) => {
    const viewerId = caller.user?._id ?? null
    return toDetail(deps, await getListing(deps, id, viewerId), viewerId, from)
  },
  feed: async ({ city, cursor, limit, from }, { deps }) => {
    const page = await cityFeed(deps, city, { cursor, limit })
    return { items: await toCards(deps, page.items, from), nextCursor: page.nextCursor }
  },
  mine: async ({ cursor, limit }, { caller, deps }) => {
    const page = await sellerListings(deps, caller.user._id, { cursor, limit })
    return { items: await toCards(deps, page.items), nextCursor: page.nextCursor }
  },
})
