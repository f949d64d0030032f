import type { Deps } from '../../deps'
import { Favorites, favoriteId, Memberships, membershipId } from '../domain/social.records'

/** What listing asks of social through deps.hooks (modules/hooks.ts wires these). */

export const isMember = async (deps: Pick<Deps, 'store'>, communityId: string, userId: string) =>
  (await deps.store.get(Memberships, membershipId(communityId, userId))) !== null

export const isFavorite = async (deps: Pick<Deps, 'store'>, userId: string, listingId: string) =>
  (await deps.store.get(Favorites, favoriteId(userId, listingId))) !== null
