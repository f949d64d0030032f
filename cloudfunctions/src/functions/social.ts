import { SocialContract } from '@shared/contracts/social.contract'
import { toCards } from '../modules/listing/application/listing-views'
import {
  communitiesNear,
  createCommunity,
  getCommunity,
  joinCommunity,
  leaveCommunity,
  myCommunities,
} from '../modules/social/application/communities.use-case'
import { listFavorites, setFavorite } from '../modules/social/application/favorites.use-case'
import {
  followingFeed,
  listFollowing,
  myCounts,
  setFollow,
  storefront,
} from '../modules/social/application/follows.use-case'
import { createHandler, type RouteContext, type UserCaller } from '../platform/create-handler'

type Ctx = RouteContext<UserCaller>

/** 想要 and its undo, 关注 and its undo: one route each way, the same use case. */
const favoriteRoute =
  (on: boolean) =>
  async ({ listingId }: { listingId: string }, { caller, deps }: Ctx) => ({
    favorited: on,
    favoriteCount: await setFavorite(deps, caller.user._id, listingId, on),
  })
const followRoute =
  (on: boolean) =>
  async ({ userId }: { userId: string }, { caller, deps }: Ctx) => ({
    following: on,
    followerCount: await setFollow(deps, caller.user._id, userId, on),
  })

/** social: 想要, following sellers, storefronts and local communities. */
export const main = createHandler(SocialContract, {
  favorite: favoriteRoute(true),
  unfavorite: favoriteRoute(false),
  favorites: async (page, { caller, deps }) => {
    const { listings, nextCursor } = await listFavorites(deps, caller.user._id, page)
    return { items: await toCards(deps, listings), nextCursor }
  },
  follow: followRoute(true),
  unfollow: followRoute(false),
  followingFeed: async (page, { caller, deps }) => {
    const result = await followingFeed(deps, caller.user._id, page)
    return { items: await toCards(deps, result.items), nextCursor: result.nextCursor }
  },
  following: async (page, { caller, deps }) => listFollowing(deps, caller.user._id, page),
  myCounts: async (_input, { caller, deps }) => myCounts(deps, caller.user._id),
  storefront: async ({ userId }, { caller, deps }) =>
    storefront(deps, userId, caller.user?._id ?? null),
  communitiesNear: async ({ point, city }, { caller, deps }) => ({
    items: await communitiesNear(deps, city, point, caller.user?._id ?? null),
  }),
  createCommunity: async (input, { caller, deps }) => createCommunity(deps, caller.user._id, input),
  joinCommunity: async (input, { caller, deps }) => joinCommunity(deps, caller.user._id, input),
  leaveCommunity: async ({ communityId }, { caller, deps }) =>
    leaveCommunity(deps, caller.user._id, communityId),
  myCommunities: async (_input, { caller, deps }) => ({
    items: await myCommunities(deps, caller.user._id),
  }),
  community: async ({ communityId, from }, { caller, deps }) =>
    getCommunity(deps, communityId, caller.user?._id ?? null, from),
})
