import type { PublicUser } from '@shared/contracts/common.schema'
import type { UserSelf } from '@shared/contracts/user.contract'
import type { Deps } from '../../deps'
import { Users, type UserRecord } from '../domain/user.record'

export const toUserSelf = async (
  deps: Pick<Deps, 'files'>,
  user: UserRecord,
): Promise<UserSelf> => {
  const urls = user.avatarFileId ? await deps.files.urls([user.avatarFileId]) : {}
  return {
    id: user._id,
    nickname: user.nickname,
    avatarFileId: user.avatarFileId,
    avatarUrl: user.avatarFileId ? (urls[user.avatarFileId] ?? null) : null,
    city: user.city,
    roles: user.roles,
    joinedAt: user.createdAt,
  }
}

/** Public profiles for a set of users, fetched once each (a feed page shares few sellers). */
export const loadPublicUsers = async (
  deps: Pick<Deps, 'store' | 'files'>,
  userIds: string[],
): Promise<Map<string, PublicUser>> => {
  const unique = [...new Set(userIds)]
  const users = (await Promise.all(unique.map((id) => deps.store.get(Users, id)))).filter(
    (u): u is UserRecord => u !== null,
  )
  const avatarIds = users.map((u) => u.avatarFileId).filter((f): f is string => f !== null)
  const urls = await deps.files.urls(avatarIds)
  return new Map(
    users.map((u) => [
      u._id,
      {
        id: u._id,
        nickname: u.nickname,
        avatarUrl: u.avatarFileId ? (urls[u.avatarFileId] ?? null) : null,
        creditBadge: u.creditBadge ?? null,
      },
    ]),
  )
}
