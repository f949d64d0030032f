import type { GroupSummary } from '@shared/contracts/share.contract'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import { enforceLimit } from '../../core'
import type { Deps } from '../../deps'
import { GROUP_MISSES } from '../domain/share.limits'
import {
  GroupMembers,
  GroupPosts,
  Groups,
  memberId,
  type GroupMemberRecord,
  type GroupRecord,
} from '../domain/share.records'
import { normalizeKey } from '../domain/share.rules'

const GUESSED = '找群的次数太多了，请稍后再试'

/**
 * A group circle the caller is a member of. An unknown key and a group the caller is not in get
 * the same SHARE.GROUP_NOT_FOUND, and each such miss is counted: after 10 in an hour every group
 * action is refused, a real key included, so keys cannot be guessed or tested.
 */
export const loadMemberGroup = async (
  deps: Pick<Deps, 'store' | 'limits'>,
  userId: string,
  rawKey: string,
): Promise<{ group: GroupRecord; member: GroupMemberRecord }> => {
  const spent = await deps.limits.peek(GROUP_MISSES, userId)
  if (!spent.allowed)
    throw new AppError(ErrorCodes.RATE_LIMITED, GUESSED, { retryAfterMs: spent.retryAfterMs })
  const key = normalizeKey(rawKey)
  const group = key ? await deps.store.get(Groups, key) : null
  const member = group ? await deps.store.get(GroupMembers, memberId(group._id, userId)) : null
  if (group && member) return { group, member }
  // Counted before the answer: of many guesses sent at once, only 10 learn anything.
  await enforceLimit(deps.limits, GROUP_MISSES, userId, GUESSED)
  throw new AppError(ErrorCodes.SHARE_GROUP_NOT_FOUND)
}

/** A group circle as a member sees it: its label and counts, never who the other members are. */
export const summaryOf = async (
  deps: Pick<Deps, 'store'>,
  group: GroupRecord,
  member: GroupMemberRecord,
): Promise<GroupSummary> => ({
  groupKey: group._id,
  label: group.label,
  memberCount: await deps.store.count(GroupMembers, { groupKey: group._id }),
  postedCount: await deps.store.count(GroupPosts, { groupKey: group._id }),
  lastSeenAt: member.lastAt,
})
