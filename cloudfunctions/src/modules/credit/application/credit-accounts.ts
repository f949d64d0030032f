import { GENESIS_HASH } from '@shared/domain/credit/credit-evidence'
import type { TransactionOps } from '../../core/ports/document-store.port'
import { loadUser } from '../../user'
import { CreditAccounts, type CreditAccountRecord } from '../domain/credit.records'
import { NO_GRAPH, scoreOf } from '../domain/credit-score'
import { emptyState } from '../domain/credit-state'

/** An account's record before its first event: a new account, 中等 with its age counting. */
export const freshAccount = (
  userId: string,
  createdAt: number,
  now: number,
): CreditAccountRecord => {
  const state = emptyState()
  return {
    _id: userId,
    createdAt,
    seq: 0,
    head: GENESIS_HASH,
    state,
    graph: null,
    breakdown: scoreOf(state, { createdAt, now, graph: NO_GRAPH }),
    anchoredDay: null,
    anchoredSeq: 0,
    unanchored: false,
    computedAt: now,
    updatedAt: now,
    version: 0,
  }
}

/** The stored account, or a fresh one (not saved) for a user who has no credit event yet. */
export const loadCreditAccount = async (
  ops: Pick<TransactionOps, 'get'>,
  userId: string,
  now: number,
): Promise<{ account: CreditAccountRecord; stored: boolean }> => {
  const account = await ops.get(CreditAccounts, userId)
  if (account) return { account, stored: true }
  const user = await loadUser({ store: ops }, userId)
  return { account: freshAccount(userId, user?.createdAt ?? now, now), stored: false }
}

/** The account's score read now (age moves on between events) with its stored graph weights. */
export const currentBreakdown = (account: CreditAccountRecord, now: number) =>
  scoreOf(account.state, { createdAt: account.createdAt, now, graph: account.graph ?? NO_GRAPH })
