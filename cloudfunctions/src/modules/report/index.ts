/**
 * report: 举报 of listings, users, chat messages and orders, their triage into cases, the
 * moderation queue, decisions with penalties (restrictions, bans through moderation) and appeals.
 * Other modules read only whether a user is restricted, through deps.hooks.restrictedUntil. Risk
 * flags reach the queue through the cron's sweep (sweepFlagsIntoCases), never by risk calling up.
 */
export { restrictedUntil } from './application/restrictions'
export { createReport } from './application/create-report.use-case'
export { moderationCase, moderationQueue, myPenalties, myReports } from './application/case-views'
export { decide } from './application/decide.use-case'
export { answerAppeal, appealDecision } from './application/appeal.use-case'
export { sweepFlagsIntoCases } from './application/flag-intake.use-case'
