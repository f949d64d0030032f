import { defaultNickname } from '@shared/domain/user'
import { AppError, ErrorCodes, isAppError } from '@shared/errors/error-codes'
import { enforceLimit } from '../../core'
import type { Deps } from '../../deps'
import { LOGIN_PER_OPENID, LOGIN_TOO_OFTEN } from '../domain/user.limits'
import { Identities, isBanned, type UserRecord, Users } from '../domain/user.record'
import { findUserByOpenid } from './find-user-by-openid'

/**
 * Silent login: the first call from an OPENID registers a user, later calls find it. Two first
 * calls racing each other both end with the same user: the identity insert is keyed by OPENID.
 */
export const login = async (
  deps: Deps,
  openid: string,
): Promise<{ user: UserRecord; isNew: boolean }> => {
  await enforceLimit(deps.limits, LOGIN_PER_OPENID, openid, LOGIN_TOO_OFTEN)
  const existing = await findUserByOpenid(deps, openid)
  if (existing) return checked(deps, existing, false)
  const now = deps.clock.now()
  const id = deps.ids.next()
  const user: UserRecord = {
    _id: id,
    nickname: defaultNickname(id),
    avatarFileId: null,
    city: null,
    roles: ['user'],
    bannedUntil: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  }
  try {
    await deps.store.transaction(async (tx) => {
      await tx.insert(Identities, { _id: openid, userId: id, createdAt: now })
      await tx.insert(Users, user)
    })
    return { user, isNew: true }
  } catch (e) {
    if (!isAppError(e) || e.code !== ErrorCodes.CONFLICT) throw e
    const winner = await findUserByOpenid(deps, openid)
    if (!winner) throw e
    return checked(deps, winner, false)
  }
}

const checked = (deps: Deps, user: UserRecord, isNew: boolean) => {
  if (isBanned(user, deps.clock.now())) throw new AppError(ErrorCodes.USER_BANNED)
  return { user, isNew }
}
