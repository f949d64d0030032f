import { AppError, ErrorCodes, isAppError } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { hideSellerListings, showSellerListings } from '../../listing'
import {
  assertOperator,
  clearEndedBan,
  loadUser,
  setBannedUntil,
  usersWithEndedBans,
  type UserRecord,
} from '../../user'

const BATCH = 100

const loadTarget = async (deps: Pick<Deps, 'store'>, operator: UserRecord, userId: string) => {
  if (userId === operator._id) throw new AppError(ErrorCodes.FORBIDDEN, '不能限制自己的账号')
  const user = await loadUser(deps, userId)
  if (!user) throw new AppError(ErrorCodes.NOT_FOUND, '用户不存在')
  return user
}

/**
 * Operators ban a user until a time: they can no longer act (resolveCaller answers USER.BANNED),
 * and in the same step every listing of theirs leaves feeds, search and their storefront and
 * cannot be bought. The ban is on the user first, so a failure part way leaves a banned user
 * whose remaining listings a second call hides (both steps are idempotent).
 */
export const banUser = async (
  deps: Pick<Deps, 'store' | 'search' | 'clock'>,
  operator: UserRecord,
  input: { userId: string; until: number },
): Promise<{ bannedUntil: number; listingsHidden: number }> => {
  assertOperator(operator)
  const now = deps.clock.now()
  if (!Number.isInteger(input.until) || input.until <= now) {
    throw new AppError(ErrorCodes.VALIDATION, '限制截止时间须晚于现在', { path: 'until' })
  }
  const user = await loadTarget(deps, operator, input.userId)
  await setBannedUntil(deps, user, input.until, now)
  return {
    bannedUntil: input.until,
    listingsHidden: await hideSellerListings(deps, user._id, input.until),
  }
}

/** Operators lift a ban early: the user may act again and their listings come back as they were. */
export const liftBan = async (
  deps: Pick<Deps, 'store' | 'search' | 'clock'>,
  operator: UserRecord,
  userId: string,
): Promise<{ listingsShown: number }> => {
  assertOperator(operator)
  const user = await loadTarget(deps, operator, userId)
  if (user.bannedUntil !== null) {
    await setBannedUntil(deps, user, null, deps.clock.now())
  }
  return { listingsShown: await showSellerListings(deps, user._id) }
}

/**
 * The cron's half of a ban that ends by time (trigger expire-listings, every 10 minutes): the user
 * may act from the ban's last moment (isBanned compares times), and here their listings come back
 * and the spent ban is cleared. A ban renewed meanwhile is left alone on both sides.
 */
export const liftExpiredBans = async (
  deps: Pick<Deps, 'store' | 'search' | 'clock'>,
): Promise<{ bansLifted: number; listingsShown: number }> => {
  const now = deps.clock.now()
  let bansLifted = 0
  let listingsShown = 0
  for (;;) {
    const due = await usersWithEndedBans(deps, now, BATCH)
    for (const user of due) {
      listingsShown += await showSellerListings(deps, user._id, now)
      try {
        await clearEndedBan(deps, user)
        bansLifted++
      } catch (e) {
        if (!(isAppError(e) && e.code === ErrorCodes.CONFLICT)) throw e
      }
    }
    if (due.length < BATCH) break
  }
  return { bansLifted, listingsShown }
}
