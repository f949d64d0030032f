import type { AuthLevel } from '@shared/contracts/define-contract'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import { findUserByOpenid } from '../modules/user/application/find-user-by-openid'
import { isBanned, type UserRecord } from '../modules/user/domain/user.record'
import type { Container } from './container'

/** Who is calling: the platform identity, and the registered user behind it if there is one. */
export interface Caller {
  openid: string | null
  user: UserRecord | null
  /** The client's address from the platform context, for limits on anonymous calls; null when unknown. */
  ip: string | null
}

/** Resolves the caller and enforces the action's auth level before any use case runs. */
export const resolveCaller = async (
  deps: Container,
  context: unknown,
  auth: AuthLevel,
): Promise<Caller> => {
  const openid = deps.identity.openidOf(context)
  const ip = deps.identity.clientIpOf(context)
  if (!openid) {
    if (auth === 'public') return { openid: null, user: null, ip }
    throw new AppError(ErrorCodes.UNAUTHENTICATED)
  }
  if (auth === 'identified') return { openid, user: null, ip }
  const user = await findUserByOpenid(deps, openid)
  if (auth === 'user' || auth === 'account') {
    if (!user) throw new AppError(ErrorCodes.UNAUTHENTICATED, '请先登录')
    if (auth === 'user' && isBanned(user, deps.clock.now()))
      throw new AppError(ErrorCodes.USER_BANNED)
  }
  return { openid, user, ip }
}
