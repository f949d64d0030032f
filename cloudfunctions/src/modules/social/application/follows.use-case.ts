import { type PageRequest, newestFirst } from '../../core/ports/document-store.port'
import { updateIfUnchanged } from '../../core'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { activeListingsOf, countSellerListings } from '../../listing'
import { LISTING_STATUSES, type ListingStatus } from '@shared/domain/listing'
import { loadPublicUsers, loadUser } from '../../user'
import { Favorites, Follows, SellerStats, followId } from '../domain/social.records'

/** Follows or unfollows a seller; the follow and the seller's follower count change together. */
export const setFollow = async (deps: Deps, followerId: string, sellerId: string, on: boolean) => {
  if (followerId === sellerId) throw new AppError(ErrorCodes.SOCIAL_CANNOT_FOLLOW_SELF)
  if (!(await loadUser(deps, sellerId))) throw new AppError(ErrorCodes.NOT_FOUND, '用户不存在')
  return deps.store.transaction(async (tx) => {
    const id = followId(followerId, sellerId)
    const existing = await tx.get(Follows, id)
    const stats = (await tx.get(SellerStats, sellerId)) ?? null
    const count = stats?.followerCount ?? 0
    if (on === (existing !== null)) return count
    if (on) await tx.insert(Follows, { _id: id, followerId, sellerId, at: deps.clock.now() })
    else await tx.remove(Follows, id)
    const followerCount = Math.max(0, count + (on ? 1 : -1))
    if (stats) await updateIfUnchanged(tx, SellerStats, sellerId, stats, { followerCount })
    else await tx.insert(SellerStats, { _id: sellerId, followerCount, version: 1 })
    return followerCount
  })
}

/** Sellers a user follows, at most this many are merged into the following feed. */
const FEED_SELLERS = 200

/**
 * New listings of followed sellers, newest first: the active listings of up to 200 followed
 * sellers, merged by sort key. The cursor is the last sort key seen.
 */
export const followingFeed = async (deps: Deps, followerId: string, page: PageRequest) => {
  const follows = await deps.store.find(
    Follows,
    { followerId },
    newestFirst('at', { limit: FEED_SELLERS }),
  )
  const sellerIds = follows.items.map((f) => f.sellerId)
  if (sellerIds.length === 0) return { items: [], nextCursor: null }
  return activeListingsOf(deps, sellerIds, page)
}

/** A seller's public page: profile, counts, and whether the viewer follows them. */
export const storefront = async (deps: Deps, sellerId: string, viewerId: string | null) => {
  const seller = await loadUser(deps, sellerId)
  if (!seller) throw new AppError(ErrorCodes.NOT_FOUND, '用户不存在')
  const [activeCount, soldCount, stats, follow, urls] = await Promise.all([
    // Counted as others see them: a banned seller's storefront shows nothing.
    countSellerListings(deps, sellerId, 'active', 'public'),
    countSellerListings(deps, sellerId, 'sold', 'public'),
    deps.store.get(SellerStats, sellerId),
    viewerId ? deps.store.get(Follows, followId(viewerId, sellerId)) : Promise.resolve(null),
    seller.avatarFileId
      ? deps.files.urls([seller.avatarFileId])
      : Promise.resolve({} as Record<string, string>),
  ])
  return {
    seller: {
      id: seller._id,
      nickname: seller.nickname,
      avatarUrl: seller.avatarFileId ? (urls[seller.avatarFileId] ?? null) : null,
      creditBadge: seller.creditBadge ?? null,
      city: seller.city,
      joinedAt: seller.createdAt,
    },
    activeCount,
    soldCount,
    followerCount: stats?.followerCount ?? 0,
    isFollowing: follow !== null,
    isMe: viewerId === sellerId,
  }
}

/** The sellers a user follows, most recently followed first. */
export const listFollowing = async (deps: Deps, followerId: string, page: PageRequest) => {
  const follows = await deps.store.find(Follows, { followerId }, newestFirst('at', page))
  const users = await loadPublicUsers(
    deps,
    follows.items.map((f) => f.sellerId),
  )
  return {
    items: follows.items.flatMap((f) => {
      const u = users.get(f.sellerId)
      return u ? [{ ...u, followedAt: f.at }] : []
    }),
    nextCursor: follows.nextCursor,
  }
}

/** The counters on 我的; each is an indexed count. */
export const myCounts = async (deps: Deps, userId: string) => {
  const byStatus = await Promise.all(
    LISTING_STATUSES.map((status) => countSellerListings(deps, userId, status, 'owner')),
  )
  const [favorites, following, stats] = await Promise.all([
    deps.store.count(Favorites, { userId }),
    deps.store.count(Follows, { followerId: userId }),
    deps.store.get(SellerStats, userId),
  ])
  return {
    listings: Object.fromEntries(LISTING_STATUSES.map((s, i) => [s, byStatus[i]!])) as Record<
      ListingStatus,
      number
    >,
    favorites,
    following,
    followers: stats?.followerCount ?? 0,
  }
}
