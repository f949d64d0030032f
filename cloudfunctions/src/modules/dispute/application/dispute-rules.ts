import { DISPUTE_RULES, type DisputeRules } from '@shared/domain/dispute'
import type { Deps } from '../../deps'

/** The dispute settings in force: the defaults, with what the deployment configured over them. */
export const rulesOf = (deps: Pick<Deps, 'disputeRules'>): DisputeRules => ({
  ...DISPUTE_RULES,
  ...deps.disputeRules,
})
