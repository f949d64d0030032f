import type { TrustSignals } from '@shared/contracts/share.contract'
import { newestFirst } from '../../core/ports/document-store.port'
import type { Deps } from '../../deps'
import { communitiesOf } from '../../social'
import { isBanned, loadPublicUsers, loadUser, type UserRecord } from '../../user'
import { TRUST_PER_USER } from '../domain/share.limits'
import { GroupMembers, ShareArrivals, arrivalId, memberId } from '../domain/share.records'
import { settingsOf } from './share-settings.use-case'

/** Groups of the viewer compared: a person is in far fewer group circles than this. */
const GROUPS_READ = 200

const EMPTY: TrustSignals = { sameGroupCount: 0, sharedBy: null, sameCommunityCount: 0, labels: [] }

/** Someone who may appear in trust signals: registered, not banned, and not opted out. */
const visible = async (deps: Pick<Deps, 'store' | 'clock'>, user: UserRecord | null) =>
  !!user &&
  !isBanned(user, deps.clock.now()) &&
  (await settingsOf(deps, user._id)).showInTrustSignals

/** 同在 N 个群: the viewer's groups in which the other user is known too (a count, never which). */
const sameGroups = async (deps: Pick<Deps, 'store'>, viewerId: string, otherId: string) => {
  const mine = await deps.store.find(
    GroupMembers,
    { userId: viewerId },
    newestFirst('lastAt', { limit: GROUPS_READ }),
  )
  const shared = await Promise.all(
    mine.items.map((m) => deps.store.get(GroupMembers, memberId(m.groupKey, otherId))),
  )
  return shared.filter((m) => m !== null).length
}

/** 你的好友 X 分享给你: who shared the link the viewer last arrived at this listing through. */
const sharedBy = async (deps: Deps, viewerId: string, otherId: string, listingId?: string) => {
  if (!listingId) return null
  const arrival = await deps.store.get(ShareArrivals, arrivalId(viewerId, 'listing', listingId))
  if (!arrival || arrival.sharerId === viewerId) return null
  if (!(await visible(deps, await loadUser(deps, arrival.sharerId)))) return null
  const sharer = (await loadPublicUsers(deps, [arrival.sharerId])).get(arrival.sharerId)
  return sharer ? { nickname: sharer.nickname, isTheUser: arrival.sharerId === otherId } : null
}

const sameCommunities = async (deps: Pick<Deps, 'store'>, viewerId: string, otherId: string) => {
  const [mine, theirs] = await Promise.all([
    communitiesOf(deps, viewerId),
    communitiesOf(deps, otherId),
  ])
  const ids = new Set(theirs.map((c) => c.id))
  return mine.filter((c) => ids.has(c.id)).length
}

const labelsOf = (s: Omit<TrustSignals, 'labels'>) => [
  ...(s.sameGroupCount > 0 ? [`同在 ${s.sameGroupCount} 个群`] : []),
  ...(s.sharedBy
    ? [
        s.sharedBy.isTheUser
          ? `${s.sharedBy.nickname} 分享给你`
          : `你的好友 ${s.sharedBy.nickname} 分享给你`,
      ]
    : []),
  ...(s.sameCommunityCount > 0 ? ['同一小区'] : []),
]

/**
 * Trust signals between the viewer and another user (the seller of a listing, the other party of
 * a chat, a storefront's owner), from what the viewer shares with them: groups both were seen in,
 * the share that brought the viewer, communities both joined. Nothing for guests, for oneself, or
 * when either side turned "show me in trust signals" off (whoever hides is shown nothing either);
 * a sharer who turned it off is never named. Over the hourly limit the answer is simply empty.
 */
export const trustSignals = async (
  deps: Deps,
  viewer: UserRecord | null,
  input: { userId: string; listingId?: string },
): Promise<TrustSignals> => {
  if (!viewer || viewer._id === input.userId) return EMPTY
  if (!(await visible(deps, viewer))) return EMPTY
  if (!(await deps.limits.hit(TRUST_PER_USER, viewer._id)).allowed) return EMPTY
  if (!(await visible(deps, await loadUser(deps, input.userId)))) return EMPTY
  const signals = {
    sameGroupCount: await sameGroups(deps, viewer._id, input.userId),
    sharedBy: await sharedBy(deps, viewer._id, input.userId, input.listingId),
    sameCommunityCount: await sameCommunities(deps, viewer._id, input.userId),
  }
  return { ...signals, labels: labelsOf(signals) }
}
