import type { Restriction } from '@shared/domain/report'
import type { TransactionOps } from '../../core/ports/document-store.port'
import type { Deps } from '../../deps'
import { UserRestrictions } from '../domain/report.records'

/** The deps.hooks.restrictedUntil answer: until when `what` is restricted for the user, if now. */
export const restrictedUntil = async (
  deps: Pick<Deps, 'store' | 'clock'>,
  userId: string,
  what: Restriction,
): Promise<number | null> => {
  const r = (await deps.store.get(UserRestrictions, userId))?.active[what]
  return r && r.until > deps.clock.now() ? r.until : null
}

/** Sets restrictions of a decision, in its transaction (a later, longer one replaces an earlier). */
export const imposeRestrictions = async (
  tx: TransactionOps,
  userId: string,
  what: readonly Restriction[],
  until: number,
  decisionId: string,
  now: number,
) => {
  const current = await tx.get(UserRestrictions, userId)
  const active = { ...(current?.active ?? {}) }
  for (const r of what)
    if (!active[r] || active[r]!.until < until) active[r] = { until, decisionId }
  if (current)
    await tx.update(
      UserRestrictions,
      userId,
      { active, updatedAt: now, version: current.version + 1 },
      { expect: { version: current.version } },
    )
  else await tx.insert(UserRestrictions, { _id: userId, active, updatedAt: now, version: 1 })
}

/** Lifts what one decision restricted (its appeal overturned it); others' restrictions stay. */
export const liftRestrictionsOf = async (
  tx: TransactionOps,
  userId: string,
  decisionId: string,
  now: number,
) => {
  const current = await tx.get(UserRestrictions, userId)
  if (!current) return
  const active = Object.fromEntries(
    Object.entries(current.active).filter(([, v]) => v.decisionId !== decisionId),
  )
  await tx.update(
    UserRestrictions,
    userId,
    { active, updatedAt: now, version: current.version + 1 },
    { expect: { version: current.version } },
  )
}
