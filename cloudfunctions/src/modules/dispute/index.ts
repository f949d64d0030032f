/**
 * dispute: disputes rebuilt (shared/domain/dispute.ts): opened by the order's move into
 * `disputed` (through `orderMoved`), evidence from both sides, settlements the parties propose and
 * accept, and arbitration by a community jury (小法庭) or the platform. Every outcome is a
 * transition of the order process, so money moves only by the order's escrow path.
 */
export { disputeOrderReaction } from './application/dispute-reaction'
export { disputeTimers } from './application/dispute-timers.use-case'
