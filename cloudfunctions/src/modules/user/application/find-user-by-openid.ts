import type { Deps } from '../../deps'
import { Identities, type UserRecord, Users } from '../domain/user.record'

/** The user registered under an OPENID, or null. */
export const findUserByOpenid = async (
  deps: Pick<Deps, 'store'>,
  openid: string,
): Promise<UserRecord | null> => {
  const identity = await deps.store.get(Identities, openid)
  return identity ? deps.store.get(Users, identity.userId) : null
}
