import { linkHash } from '@shared/domain/credit/credit-evidence'
import { tierByKey } from '@shared/domain/credit/credit-tiers'
import type { TransactionOps } from '../../core/ports/document-store.port'
import { setCreditBadge } from '../../user'
import { CreditAccounts, CreditEvents } from '../domain/credit.records'
import { creditEventKey, type CreditEventFacts } from '../domain/credit-event'
import { eventLabel } from '../domain/credit-explain'
import { applyEvent } from '../domain/credit-state'
import { currentBreakdown, loadCreditAccount } from './credit-accounts'

/**
 * The incremental path: one event appended to the user's hash chain and folded into their state,
 * the score read again, all in the caller's transaction (an order's move, a review's
 * publication). Keyed by its source, so a replay changes nothing; the account is written by
 * compare-and-set, so two events of one user at once cannot both build on the same head.
 */
export const recordCreditEvent = async (
  tx: TransactionOps,
  userId: string,
  facts: CreditEventFacts,
  now: number,
): Promise<boolean> => {
  const key = creditEventKey(userId, facts.kind, facts.sourceId)
  if (await tx.get(CreditEvents, key)) return false
  const { account, stored } = await loadCreditAccount(tx, userId, now)
  const seq = account.seq + 1
  const event: Record<string, unknown> = { ...facts, userId, seq }
  const hash = linkHash(account.head, event)
  const before = currentBreakdown(account, now)
  const state = applyEvent(account.state, facts)
  const breakdown = currentBreakdown({ ...account, state }, now)
  await tx.insert(CreditEvents, {
    _id: key,
    userId,
    seq,
    at: facts.at,
    event,
    prevHash: account.head,
    hash,
    label: eventLabel(facts),
    delta: breakdown.score - before.score,
  })
  const patch = {
    seq,
    head: hash,
    state,
    breakdown,
    unanchored: true,
    computedAt: now,
    updatedAt: now,
    version: account.version + 1,
  }
  if (stored)
    await tx.update(CreditAccounts, userId, patch, { expect: { version: account.version } })
  else await tx.insert(CreditAccounts, { ...account, ...patch })
  await setCreditBadge(tx, userId, tierByKey(breakdown.tier).badge, now)
  return true
}
