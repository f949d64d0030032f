import { CreditContract } from '@shared/contracts/credit.contract'
import { creditEvidence } from '../modules/credit/application/credit-evidence.use-case'
import { myCredit, publicCredit } from '../modules/credit/application/credit-views.use-case'
import { createHandler } from '../platform/create-handler'

/** credit: the caller's 信用 (score, factors, history), what strangers see, and 信用存证. */
export const main = createHandler(CreditContract, {
  mine: async (page, { caller, deps }) => myCredit(deps, caller.user, page),
  forUser: async ({ userId }, { deps }) => publicCredit(deps, userId),
  evidence: async (query, { caller, deps }) => creditEvidence(deps, caller.user, query),
})
