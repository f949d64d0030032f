import { DisputeContract } from '@shared/contracts/dispute.contract'
import { pickableMessages, submitEvidence } from '../modules/dispute/application/evidence.use-case'
import { getDispute } from '../modules/dispute/application/dispute-views'
import { escalate } from '../modules/dispute/application/dispute-timers.use-case'
import { jurorCases, juryCase, vote } from '../modules/dispute/application/jury.use-case'
import { answerProposal, propose } from '../modules/dispute/application/settlement.use-case'
import { createHandler } from '../platform/create-handler'

/** dispute: evidence, settlement proposals, 申请小法庭, and the jurors' 小法庭 (cases and votes). */
export const main = createHandler(DisputeContract, {
  get: async ({ orderId }, { caller, deps }) => getDispute(deps, caller.user, orderId),
  chatMessages: async ({ orderId }, { caller, deps }) =>
    pickableMessages(deps, caller.user, orderId),
  submitEvidence: async (input, { caller, deps }) => submitEvidence(deps, caller.user, input),
  propose: async (input, { caller, deps }) => propose(deps, caller.user, input),
  answer: async (input, { caller, deps }) => answerProposal(deps, caller.user, input),
  escalate: async ({ orderId }, { caller, deps }) => escalate(deps, caller.user, orderId),
  jurorCases: async (_input, { caller, deps }) => jurorCases(deps, caller.user),
  juryCase: async ({ caseId }, { caller, deps }) => juryCase(deps, caller.user, caseId),
  vote: async (input, { caller, deps }) => vote(deps, caller.user, input),
})
