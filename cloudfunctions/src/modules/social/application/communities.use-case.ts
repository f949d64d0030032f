import { updateIfUnchanged, enforceLimit } from '../../core'
import type { Community, CommunityType } from '@shared/contracts/social.contract'
import { MAX_COMMUNITIES_PER_USER } from '@shared/domain/community'
import { distanceMeters, type GeoPoint, snapToGrid } from '@shared/domain/geo'
import { AppError, ErrorCodes, isAppError } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { READABLE } from '../../core/ports/secret-codes.port'
import { isInsideCity } from '../../listing'
import { flagFor, saveFlag, SCENES, screenText } from '../../risk'
import { openidOf } from '../../user'
import { INVITE_CODE_PER_USER, INVITE_TOO_OFTEN } from '../domain/social.limits'
import {
  Communities,
  type CommunityRecord,
  Memberships,
  type MembershipRecord,
  membershipId,
} from '../domain/social.records'

/** Communities listed around a point chosen on the map. */
export const NEAR_RADIUS_M = 3_000
/** A second community of the same name this close is almost surely the same place. */
const SAME_PLACE_M = 1_000

export const toCommunity = (c: CommunityRecord, isMember: boolean, from?: GeoPoint): Community => ({
  id: c._id,
  name: c.name,
  type: c.type,
  city: c.city,
  district: c.district,
  memberCount: c.memberCount,
  distanceMeters: from ? Math.round(distanceMeters(from, c.center)) : null,
  isMember,
  inviteCode: isMember ? c.inviteCode : null,
})

const isMember = async (deps: Pick<Deps, 'store'>, communityId: string, userId: string | null) =>
  userId !== null && (await deps.store.get(Memberships, membershipId(communityId, userId))) !== null

/** Communities of the city within 3 km of the point, nearest first. */
export const communitiesNear = async (
  deps: Deps,
  city: string,
  point: GeoPoint,
  viewerId: string | null,
) => {
  // A city holds hundreds of communities, not millions: scanning its list is cheaper than a geo index.
  const all: CommunityRecord[] = []
  let cursor: string | undefined
  do {
    const page = await deps.store.find(Communities, { city }, { limit: 500, cursor })
    all.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  const near = all
    .map((c) => ({ c, d: distanceMeters(point, c.center) }))
    .filter(({ d }) => d <= NEAR_RADIUS_M)
    .sort((a, b) => a.d - b.d)
    .slice(0, 30)
  return Promise.all(
    near.map(async ({ c }) => toCommunity(c, await isMember(deps, c._id, viewerId), point)),
  )
}

export const getCommunity = async (
  deps: Deps,
  id: string,
  viewerId: string | null,
  from?: GeoPoint,
) => {
  const c = await deps.store.get(Communities, id)
  if (!c) throw new AppError(ErrorCodes.NOT_FOUND, '圈子不存在')
  return toCommunity(c, await isMember(deps, id, viewerId), from)
}

export const myCommunities = async (deps: Deps, userId: string) => {
  const memberships = await deps.store.find(
    Memberships,
    { userId },
    { orderBy: { field: 'joinedAt', direction: 'asc' }, limit: MAX_COMMUNITIES_PER_USER * 2 },
  )
  const records = await Promise.all(
    memberships.items.map((m) => deps.store.get(Communities, m.communityId)),
  )
  return records.filter((c): c is CommunityRecord => c !== null).map((c) => toCommunity(c, true))
}

/** Creates a community at a map point; the creator is its first member. */
export const createCommunity = async (
  deps: Deps,
  userId: string,
  input: {
    name: string
    type: CommunityType
    location: GeoPoint & { city: string; district: string }
  },
) => {
  if (!isInsideCity(input.location))
    throw new AppError(
      ErrorCodes.LISTING_LOCATION_OUTSIDE_CITY,
      `位置不在${input.location.city}范围内`,
    )
  await assertRoomForOneMore(deps, userId)
  // A community's name is public and shared by its members: prohibited words never stand.
  const screening = await screenText(deps, {
    openid: await openidOf(deps, userId),
    scene: SCENES.profile,
    fields: [{ path: 'name', text: input.name }],
  })
  const center = snapToGrid(input.location)
  const twin = (await communitiesNear(deps, input.location.city, center, userId)).find(
    (c) => c.name === input.name && (c.distanceMeters ?? Infinity) <= SAME_PLACE_M,
  )
  if (twin)
    throw new AppError(ErrorCodes.SOCIAL_COMMUNITY_EXISTS, undefined, { communityId: twin.id })
  const now = deps.clock.now()
  for (let attempt = 0; ; attempt++) {
    const community: CommunityRecord = {
      _id: deps.ids.next(),
      name: input.name,
      type: input.type,
      city: input.location.city,
      district: input.location.district,
      center,
      // A ULID ends in 80 random bits (Crockford base32: no I, L, O or U to misread); 6 of its
      // characters give a billion codes.
      inviteCode: deps.codes.draw(6, READABLE),
      memberCount: 1,
      createdBy: userId,
      createdAt: now,
      version: 1,
    }
    try {
      await deps.store.transaction(async (tx) => {
        await tx.insert(Communities, community)
        await tx.insert(Memberships, membership(community._id, userId, 'created', now))
        const target = { kind: 'community' as const, targetId: community._id, userId }
        await saveFlag(tx, flagFor(deps, screening, target))
      })
      return toCommunity(community, true)
    } catch (e) {
      // The invite code is unique; on the rare clash draw another.
      if (!(isAppError(e) && e.code === ErrorCodes.CONFLICT) || attempt >= 3) throw e
    }
  }
}

/** Joins by id (found on the map) or by invitation code. Joining twice is harmless. */
export const joinCommunity = async (
  deps: Deps,
  userId: string,
  by: { communityId: string } | { inviteCode: string },
) => {
  // Every code tried counts, right or wrong: only then is guessing as slow as the limit says.
  if ('inviteCode' in by)
    await enforceLimit(deps.limits, INVITE_CODE_PER_USER, userId, INVITE_TOO_OFTEN)
  const community =
    'communityId' in by
      ? await deps.store.get(Communities, by.communityId)
      : ((await deps.store.find(Communities, { inviteCode: by.inviteCode }, { limit: 1 }))
          .items[0] ?? null)
  if (!community) {
    throw 'inviteCode' in by
      ? new AppError(ErrorCodes.SOCIAL_BAD_INVITE)
      : new AppError(ErrorCodes.NOT_FOUND, '圈子不存在')
  }
  if (await isMember(deps, community._id, userId)) return toCommunity(community, true)
  await assertRoomForOneMore(deps, userId)
  const joined = await deps.store.transaction(async (tx) => {
    const current = (await tx.get(Communities, community._id))!
    try {
      await tx.insert(
        Memberships,
        membership(community._id, userId, 'inviteCode' in by ? 'invite' : 'map', deps.clock.now()),
      )
    } catch (e) {
      if (isAppError(e) && e.code === ErrorCodes.CONFLICT) return current
      throw e
    }
    return updateIfUnchanged(tx, Communities, community._id, current, {
      memberCount: current.memberCount + 1,
    })
  })
  return toCommunity(joined, true)
}

export const leaveCommunity = async (deps: Deps, userId: string, communityId: string) => {
  await deps.store.transaction(async (tx) => {
    const current = await tx.get(Communities, communityId)
    if (!current) throw new AppError(ErrorCodes.NOT_FOUND, '圈子不存在')
    if (await tx.remove(Memberships, membershipId(communityId, userId))) {
      await updateIfUnchanged(tx, Communities, communityId, current, {
        memberCount: Math.max(0, current.memberCount - 1),
      })
    }
  })
  return { left: true as const }
}

const membership = (
  communityId: string,
  userId: string,
  via: MembershipRecord['via'],
  at: number,
): MembershipRecord => ({
  _id: membershipId(communityId, userId),
  communityId,
  userId,
  via,
  joinedAt: at,
})

const assertRoomForOneMore = async (deps: Pick<Deps, 'store'>, userId: string) => {
  if ((await deps.store.count(Memberships, { userId })) >= MAX_COMMUNITIES_PER_USER) {
    throw new AppError(ErrorCodes.SOCIAL_TOO_MANY_COMMUNITIES)
  }
}
