import { ListingContract } from '@shared/contracts/listing.contract'
import {
  cityFeed,
  countView,
  getListing,
  sellerListings,
  storefrontListings,
} from '../modules/listing/application/browse-listings.use-case'
import {
  type StatusAction,
  changeStatus,
} from '../modules/listing/application/change-status.use-case'
import { createListing } from '../modules/listing/application/create-listing.use-case'
import { toCards, toDetail } from '../modules/listing/application/listing-views'
import { priceReference } from '../modules/listing/application/price-reference.use-case'
import { updateListing } from '../modules/listing/application/update-listing.use-case'
import { type RouteContext, type UserCaller, createHandler } from '../platform/create-handler'

/** The seller's lifecycle actions all take an id and answer the changed listing. */
const statusRoute =
  (action: StatusAction) =>
  async ({ id }: { id: string }, { caller, deps }: RouteContext<UserCaller>) =>
    toDetail(deps, await changeStatus(deps, caller.user, id, action), caller.user._id)

/** listing: publish, edit, the seller's lifecycle actions, and browsing. */
export const main = createHandler(ListingContract, {
  create: async (input, { caller, deps }) =>
    toDetail(deps, await createListing(deps, caller.user, input), caller.user._id),
  update: async (input, { caller, deps }) =>
    toDetail(deps, await updateListing(deps, caller.user, input), caller.user._id),
  publish: statusRoute('publish'),
  takeDown: statusRoute('takeDown'),
  relist: statusRoute('relist'),
  markSold: statusRoute('markSold'),
  renew: statusRoute('renew'),
  get: async ({ id, from }, { caller, deps }) => {
    const viewerId = caller.user?._id ?? null
    const listing = await countView(deps, await getListing(deps, id, viewerId), {
      userId: viewerId,
      openid: caller.openid ?? null,
    })
    return toDetail(deps, listing, viewerId, from)
  },
  feed: async ({ city, category, cursor, limit, from }, { deps }) => {
    const page = await cityFeed(deps, city, category, { cursor, limit })
    return { items: await toCards(deps, page.items, from), nextCursor: page.nextCursor }
  },
  mine: async ({ status, cursor, limit }, { caller, deps }) => {
    const page = await sellerListings(deps, caller.user._id, status, { cursor, limit })
    return { items: await toCards(deps, page.items), nextCursor: page.nextCursor }
  },
  bySeller: async ({ sellerId, cursor, limit }, { deps }) => {
    const page = await storefrontListings(deps, sellerId, { cursor, limit })
    return { items: await toCards(deps, page.items), nextCursor: page.nextCursor }
  },
  priceReference: async (input, { deps }) => priceReference(deps, input),
})
