import { ErrorCodes, isAppError } from '@shared/errors/error-codes'
import { READABLE } from '../../core/ports/secret-codes.port'
import type { Deps } from '../../deps'
import { CLOUD_ID_PER_USER } from '../domain/share.limits'
import { GroupIds, GroupMembers, Groups, memberId, type GroupRecord } from '../domain/share.records'
import { GROUP_KEY_LENGTH } from '../domain/share.rules'

const ignoringConflict = async (write: () => Promise<unknown>) => {
  try {
    await write()
    return true
  } catch (e) {
    if (isAppError(e) && e.code === ErrorCodes.CONFLICT) return false
    throw e
  }
}

/**
 * The group behind a cloudID, as WeChat confirms it for this caller (a cloudID obtained by someone
 * else, forged or expired gives null). Anything WeChat fails with is treated the same: ignored.
 */
export const resolveGroupId = async (
  deps: Pick<Deps, 'wechatShare' | 'limits'>,
  userId: string,
  openid: string,
  cloudId: string,
): Promise<string | null> => {
  if (!cloudId) return null
  if (!(await deps.limits.hit(CLOUD_ID_PER_USER, userId)).allowed) return null
  try {
    return await deps.wechatShare.openGroupId({ cloudId, openid })
  } catch {
    return null
  }
}

/**
 * Records "this user is in group G" for an openGId WeChat confirmed, creating the group circle
 * the first time anyone is seen in it: a random key, no name. Two first members at once make one
 * group (the openGId's link is inserted once).
 */
export const joinGroup = async (
  deps: Pick<Deps, 'store' | 'codes'>,
  openGId: string,
  userId: string,
  now: number,
): Promise<GroupRecord> => {
  let link = await deps.store.get(GroupIds, openGId)
  if (!link) {
    const groupKey = deps.codes.draw(GROUP_KEY_LENGTH, READABLE)
    await ignoringConflict(() =>
      deps.store.transaction(async (tx) => {
        await tx.insert(GroupIds, { _id: openGId, groupKey, createdAt: now })
        await tx.insert(Groups, {
          _id: groupKey,
          label: null,
          labelBy: null,
          labelAt: null,
          createdAt: now,
        })
      }),
    )
    link = (await deps.store.get(GroupIds, openGId))!
  }
  const id = memberId(link.groupKey, userId)
  const inserted =
    !(await deps.store.get(GroupMembers, id)) &&
    (await ignoringConflict(() =>
      deps.store.insert(GroupMembers, {
        _id: id,
        groupKey: link.groupKey,
        userId,
        firstAt: now,
        lastAt: now,
      }),
    ))
  if (!inserted) await deps.store.update(GroupMembers, id, { lastAt: now })
  return (await deps.store.get(Groups, link.groupKey))!
}
