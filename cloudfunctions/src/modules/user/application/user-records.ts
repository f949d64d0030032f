import { updateIfUnchanged } from '../../core'
import type { TransactionOps } from '../../core/ports/document-store.port'
import type { Deps } from '../../deps'
import { Identities, type UserRecord, Users } from '../domain/user.record'

/** The users table as other modules may read and write it: these functions, never the table. */

export const loadUser = (
  deps: { store: Pick<Deps['store'], 'get'> },
  userId: string,
): Promise<UserRecord | null> => deps.store.get(Users, userId)

/** A user's OPENID (kept apart from the user document): WeChat addresses people by it. */
export const openidOf = async (deps: Pick<Deps, 'store'>, userId: string) =>
  (await deps.store.find(Identities, { userId }, { limit: 1 })).items[0]?._id ?? null

/** Sets or clears a ban by compare-and-set on the user as it was read. */
export const setBannedUntil = (
  deps: Pick<Deps, 'store'>,
  user: UserRecord,
  bannedUntil: number | null,
  now: number,
) => updateIfUnchanged(deps.store, Users, user._id, user, { bannedUntil, updatedAt: now })

/**
 * Keeps the user's credit badge as the credit module computed it (no write when unchanged), in
 * the credit event's own transaction or on the store.
 */
export const setCreditBadge = async (
  ops: Pick<TransactionOps, 'get' | 'update'>,
  userId: string,
  creditBadge: string | null,
  now: number,
) => {
  const user = await ops.get(Users, userId)
  if (!user || (user.creditBadge ?? null) === creditBadge) return
  await ops.update(Users, userId, { creditBadge, updatedAt: now })
}

/** Users whose ban has run out by `now`, a batch at a time. */
export const usersWithEndedBans = async (deps: Pick<Deps, 'store'>, now: number, limit: number) =>
  (await deps.store.find(Users, { bannedUntil: { $lte: now } }, { limit })).items

/** Clears a ban that ran out, unless it was renewed meanwhile (then CONFLICT). */
export const clearEndedBan = (deps: Pick<Deps, 'store'>, user: UserRecord) =>
  deps.store.update(
    Users,
    user._id,
    { bannedUntil: null },
    { expect: { bannedUntil: user.bannedUntil } },
  )

/** Accounts created before `cutoff`, newest first (the jury draw's candidates: old enough to serve). */
export const usersCreatedBefore = async (
  deps: Pick<Deps, 'store'>,
  cutoff: number,
  limit: number,
): Promise<UserRecord[]> =>
  (
    await deps.store.find(
      Users,
      { createdAt: { $lte: cutoff } },
      { orderBy: { field: 'createdAt', direction: 'desc' }, limit },
    )
  ).items
