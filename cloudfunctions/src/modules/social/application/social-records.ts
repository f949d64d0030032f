import { MAX_COMMUNITIES_PER_USER } from '@shared/domain/community'
import { newestFirst } from '../../core/ports/document-store.port'
import type { Deps } from '../../deps'
import {
  Communities,
  Favorites,
  favoriteId,
  Follows,
  Memberships,
  membershipId,
} from '../domain/social.records'

/** What listing asks of social through deps.hooks (modules/hooks.ts wires these). */

export const isMember = async (deps: Pick<Deps, 'store'>, communityId: string, userId: string) =>
  (await deps.store.get(Memberships, membershipId(communityId, userId))) !== null

export const isFavorite = async (deps: Pick<Deps, 'store'>, userId: string, listingId: string) =>
  (await deps.store.get(Favorites, favoriteId(userId, listingId))) !== null

/** What recommend asks of social, each about the caller only (their own 推荐 profile). */

/** The listings this user marked 想要, most recent first. */
export const favoritesOf = async (deps: Pick<Deps, 'store'>, userId: string, limit: number) =>
  (await deps.store.find(Favorites, { userId }, newestFirst('at', { limit }))).items.map((f) => ({
    listingId: f.listingId,
    at: f.at,
  }))

/** The sellers this user follows, most recently followed first. */
export const followedSellerIds = async (
  deps: Pick<Deps, 'store'>,
  followerId: string,
  limit: number,
) =>
  (await deps.store.find(Follows, { followerId }, newestFirst('at', { limit }))).items.map(
    (f) => f.sellerId,
  )

/** The communities this user belongs to, with their city (a feed looks at one city's). */
export const communitiesOf = async (deps: Pick<Deps, 'store'>, userId: string) => {
  const memberships = await deps.store.find(
    Memberships,
    { userId },
    { orderBy: { field: 'joinedAt', direction: 'asc' }, limit: MAX_COMMUNITIES_PER_USER * 2 },
  )
  const records = await Promise.all(
    memberships.items.map((m) => deps.store.get(Communities, m.communityId)),
  )
  return records.flatMap((c) => (c ? [{ id: c._id, city: c.city }] : []))
}

/** A community's public name (share cards name what they invite to); null when there is none. */
export const communityName = async (deps: Pick<Deps, 'store'>, communityId: string) =>
  (await deps.store.get(Communities, communityId))?.name ?? null
