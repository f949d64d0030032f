import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { UPLOAD_LIMITS } from '../../upload'
import { isBanned, type UserRecord } from '../domain/user.record'
import { findUserByOpenid } from './find-user-by-openid'

/**
 * Who may start an upload, decided before a byte of it is read: a registered user who is not
 * banned and has quota left today. Nothing is counted yet: a refused or broken upload costs nothing.
 */
export const admitUpload = async (deps: Deps, openid: string): Promise<UserRecord> => {
  const user = await findUserByOpenid(deps, openid)
  if (!user) throw new AppError(ErrorCodes.UNAUTHENTICATED, '请先登录再上传')
  if (isBanned(user, deps.clock.now())) throw new AppError(ErrorCodes.USER_BANNED)
  for (const [rule, message] of UPLOAD_LIMITS) {
    const left = await deps.limits.peek(rule, user._id)
    if (!left.allowed)
      throw new AppError(ErrorCodes.RATE_LIMITED, message, { retryAfterMs: left.retryAfterMs })
  }
  return user
}
