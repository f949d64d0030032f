import type { Deps } from '../../deps'
import { Users, isBanned } from '../domain/user.record'

/** Whether a user is banned right now: their own record decides, by time (a ban ends by itself). */
export const sellerBanned = async (
  deps: Pick<Deps, 'store' | 'clock'>,
  userId: string,
): Promise<boolean> => {
  const user = await deps.store.get(Users, userId)
  return user !== null && isBanned(user, deps.clock.now())
}
