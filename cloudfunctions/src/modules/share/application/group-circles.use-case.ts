import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import { enforceLimit } from '../../core'
import type { PageRequest } from '../../core/ports/document-store.port'
import { newestFirst } from '../../core/ports/document-store.port'
import type { Deps } from '../../deps'
import { activeListingsOf, hiddenByBan, loadListing, loadListings, toCards } from '../../listing'
import type { UserRecord } from '../../user'
import { labelRefusal } from '../domain/group-label.rules'
import { LABEL_PER_USER, POST_PER_USER, TOO_OFTEN } from '../domain/share.limits'
import { GroupMembers, GroupPosts, Groups, postId } from '../domain/share.records'
import { loadMemberGroup, summaryOf } from './group-access'

type Me = Pick<UserRecord, '_id'>

/** Known members a group page reads the listings of (the most recently seen first). */
const MEMBERS_READ = 500
const MY_GROUPS = 50
const POSTED_SHOWN = 10

/** 群闲置: the caller's own group circles, most recently seen first. Nobody else's are ever listed. */
export const myGroups = async (deps: Deps, me: Me) => {
  const mine = await deps.store.find(
    GroupMembers,
    { userId: me._id },
    newestFirst('lastAt', { limit: MY_GROUPS }),
  )
  const items = await Promise.all(
    mine.items.map(async (m) => {
      const group = await deps.store.get(Groups, m.groupKey)
      return group ? summaryOf(deps, group, m) : null
    }),
  )
  return { items: items.filter((g) => g !== null) }
}

/**
 * A group circle's page, for its members only: the listings posted to it (first page), then
 * everything its known members have on sale, newest first. The members themselves are never
 * listed: a listing card shows its seller, as it does anywhere else.
 */
export const groupPage = async (deps: Deps, me: Me, input: PageRequest & { groupKey: string }) => {
  const { group, member } = await loadMemberGroup(deps, me._id, input.groupKey)
  const members = await deps.store.find(
    GroupMembers,
    { groupKey: group._id },
    newestFirst('lastAt', { limit: MEMBERS_READ }),
  )
  const sellerIds = members.items.map((m) => m.userId)
  const page = await activeListingsOf(deps, sellerIds, {
    limit: input.limit,
    cursor: input.cursor,
  })
  const now = deps.clock.now()
  const posted = input.cursor
    ? []
    : (
        await loadListings(
          deps,
          (
            await deps.store.find(
              GroupPosts,
              { groupKey: group._id },
              newestFirst('postedAt', { limit: POSTED_SHOWN * 3 }),
            )
          ).items.map((p) => p.listingId),
        )
      )
        .filter((l) => l.status === 'active' && !hiddenByBan(l, now))
        .slice(0, POSTED_SHOWN)
  return {
    group: await summaryOf(deps, group, member),
    posted: await toCards(deps, posted),
    items: await toCards(deps, page.items),
    nextCursor: page.nextCursor,
  }
}

/** 发到本群: a member posts their own listing on sale to the group (again: it moves to the top). */
export const postToGroup = async (
  deps: Deps,
  me: Me,
  input: { groupKey: string; listingId: string },
) => {
  const { group } = await loadMemberGroup(deps, me._id, input.groupKey)
  await enforceLimit(deps.limits, POST_PER_USER, me._id, TOO_OFTEN)
  const listing = await loadListing(deps.store, input.listingId)
  if (!listing || (listing.status === 'draft' && listing.sellerId !== me._id))
    throw new AppError(ErrorCodes.NOT_FOUND, '宝贝不存在')
  if (listing.sellerId !== me._id) throw new AppError(ErrorCodes.FORBIDDEN)
  if (listing.status !== 'active' || hiddenByBan(listing, deps.clock.now()))
    throw new AppError(ErrorCodes.SHARE_LISTING_NOT_ON_SALE)
  const postedAt = deps.clock.now()
  const id = postId(group._id, listing._id)
  if (await deps.store.get(GroupPosts, id)) await deps.store.update(GroupPosts, id, { postedAt })
  else
    await deps.store.insert(GroupPosts, {
      _id: id,
      groupKey: group._id,
      listingId: listing._id,
      sellerId: me._id,
      postedAt,
    })
  return { groupKey: group._id, listingId: listing._id, postedAt }
}

/** 群名称: a member names the group for every member (null clears it); screened, limited. */
export const setGroupLabel = async (
  deps: Deps,
  me: Me,
  input: { groupKey: string; label: string | null },
) => {
  const { group } = await loadMemberGroup(deps, me._id, input.groupKey)
  await enforceLimit(deps.limits, LABEL_PER_USER, me._id, TOO_OFTEN)
  const refusal = input.label === null ? null : labelRefusal(input.label)
  if (refusal) throw new AppError(ErrorCodes.SHARE_LABEL_REFUSED, refusal, { path: 'label' })
  const now = deps.clock.now()
  await deps.store.update(Groups, group._id, {
    label: input.label,
    labelBy: input.label === null ? null : me._id,
    labelAt: input.label === null ? null : now,
  })
  return { groupKey: group._id, label: input.label }
}
