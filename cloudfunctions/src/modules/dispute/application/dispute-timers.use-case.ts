import { getDispute } from './dispute-views'
import { ErrorCodes, isAppError } from '@shared/errors/error-codes'
import { updateIfUnchanged } from '../../core'
import type { Deps } from '../../deps'
import type { UserRecord } from '../../user'
import { Disputes, type DisputeRecord } from '../domain/dispute.records'
import { decideIfDue, startArbitration } from './arbitration'
import { loadPartyCase, wrongStage } from './dispute-access'
import { negotiationPatch } from './evidence.use-case'

const BATCH = 100

/** One stage's deadline: evidence → negotiation, negotiation → a jury (or the platform), jury → counted. */
const advance = async (deps: Deps, d: DisputeRecord, now: number) => {
  switch (d.stage) {
    case 'evidence':
      return updateIfUnchanged(deps.store, Disputes, d._id, d, {
        ...negotiationPatch(now),
        updatedAt: now,
      })
    case 'negotiation':
      return startArbitration(deps, d, now)
    case 'jury':
      return decideIfDue(deps, d, true)
    default:
      return null
  }
}

/**
 * The dispute timers (the cron's order job, every minute): stages whose deadline passed move on.
 * A person's step that got there first wins (compare-and-set); this run changes nothing then.
 */
export const disputeTimers = async (deps: Deps) => {
  const now = deps.clock.now()
  const due = await deps.store.find(
    Disputes,
    { dueAt: { $lte: now } },
    { orderBy: { field: 'dueAt', direction: 'asc' }, limit: BATCH },
  )
  let moved = 0
  for (const d of due.items) {
    if (d.dueAt === null || d.dueAt > now) continue
    try {
      if (await advance(deps, d, now)) moved++
    } catch (e) {
      if (!(isAppError(e) && e.code === ErrorCodes.CONFLICT)) throw e
    }
  }
  return { disputes: moved }
}

/**
 * 申请小法庭: a party ends the negotiation early, once both sides have given evidence (or the
 * evidence deadline passed): the case goes to a jury, or to the platform.
 */
export const escalate = async (deps: Deps, user: UserRecord, orderId: string) => {
  const { dispute } = await loadPartyCase(deps, user, orderId)
  const bothIn = !!dispute.evidence.buyer && !!dispute.evidence.seller
  if (!(dispute.stage === 'negotiation' || (dispute.stage === 'evidence' && bothIn)))
    throw wrongStage(dispute.stage === 'evidence' ? '双方都提交证据后才能申请小法庭' : undefined)
  await startArbitration(deps, dispute, deps.clock.now())
  return getDispute(deps, user, orderId)
}
