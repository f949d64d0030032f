import { CREDIT_TIER_KEYS, type CreditTierKey } from '@shared/domain/credit/credit-tiers'
import type { DisputeRules } from '@shared/domain/dispute'

/** What the draw knows of one candidate juror (read on the server at the draw). */
export interface CandidateFacts {
  isParty: boolean
  isOperator: boolean
  banned: boolean
  accountAgeMs: number
  tier: CreditTierKey
  casesThisWeek: number
  /** A trade, chat, share link, shared community or group with either party. */
  connected: boolean
}

export type Ineligible =
  'party' | 'operator' | 'banned' | 'too_new' | 'low_credit' | 'busy' | 'connected'

/** Whether a tier is `min` or better (CREDIT_TIER_KEYS runs from the best down). */
export const tierAtLeast = (tier: CreditTierKey, min: CreditTierKey) =>
  CREDIT_TIER_KEYS.indexOf(tier) <= CREDIT_TIER_KEYS.indexOf(min)

/**
 * The juror rule: not a party or operator (the platform arbitrates separately), not banned, an
 * account old enough, good credit, not over the week's cases, and no link to either party.
 * Answers why not, or null when the candidate may serve.
 */
export const ineligibility = (
  c: CandidateFacts,
  rules: Pick<DisputeRules, 'minAccountAgeMs' | 'minJurorTier' | 'maxCasesPerWeek'>,
): Ineligible | null => {
  if (c.isParty) return 'party'
  if (c.isOperator) return 'operator'
  if (c.banned) return 'banned'
  if (c.accountAgeMs < rules.minAccountAgeMs) return 'too_new'
  if (!tierAtLeast(c.tier, rules.minJurorTier)) return 'low_credit'
  if (c.casesThisWeek >= rules.maxCasesPerWeek) return 'busy'
  if (c.connected) return 'connected'
  return null
}

/** A uniform number in [0, 1) from a CSPRNG's decimal digits (SecretCodes: never Math.random). */
export const uniformFrom = (draw: (length: number, alphabet: string) => string) => () =>
  // 15 digits stay exact in a double; (0, 1) keeps u^(1/w) well defined.
  (Number(draw(15, '0123456789')) + 0.5) / 1e15
