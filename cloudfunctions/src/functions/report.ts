import { ReportContract } from '@shared/contracts/report.contract'
import {
  answerAppeal,
  appealDecision,
  createReport,
  decide,
  moderationCase,
  moderationQueue,
  myPenalties,
  myReports,
} from '../modules/report'
import { createHandler } from '../platform/create-handler'

/** report: 举报 by anyone signed in; the moderation queue, decisions and appeals for moderators. */
export const main = createHandler(ReportContract, {
  create: async (input, { caller, deps }) => createReport(deps, caller.user, input),
  mine: async (input, { caller, deps }) => myReports(deps, caller.user, input),
  myPenalties: async (_input, { caller, deps }) => myPenalties(deps, caller.user),
  appeal: async (input, { caller, deps }) => appealDecision(deps, caller.user, input),
  queue: async (input, { caller, deps }) => moderationQueue(deps, caller.user, input),
  case: async ({ caseId }, { caller, deps }) => moderationCase(deps, caller.user, caseId),
  decide: async (input, { caller, deps }) => decide(deps, caller.user, input),
  answerAppeal: async (input, { caller, deps }) => answerAppeal(deps, caller.user, input),
})
