import { START_TIER, tierByKey, type CreditTier } from '@shared/domain/credit/credit-tiers'
import type { Deps } from '../../deps'
import { CreditAccounts } from '../domain/credit.records'

/**
 * The CreditTiers port's answer: a user's tier as the server last computed it, read at the moment
 * of the action (publishing, checkout, a release). Nothing a client sends can change it; an
 * account without credit events is where every new account starts, 中等.
 */
export const creditTierOf = async (
  deps: Pick<Deps, 'store'>,
  userId: string,
): Promise<CreditTier> => {
  const account = await deps.store.get(CreditAccounts, userId)
  return account ? tierByKey(account.breakdown.tier) : START_TIER
}

/** A user's credit score as last computed; null for an account with no credit events yet. */
export const creditScoreOf = async (
  deps: Pick<Deps, 'store'>,
  userId: string,
): Promise<number | null> => (await deps.store.get(CreditAccounts, userId))?.breakdown.score ?? null
