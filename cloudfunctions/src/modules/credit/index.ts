/** credit: the credit score, its tiers (read by listings, checkout and payouts), and 信用存证. */
export {
  creditChatReaction,
  creditOrderReaction,
  creditReviewReaction,
} from './application/credit-reactions'
export { creditScoreOf, creditTierOf } from './application/credit-tier'
export { recordCreditEvent } from './application/record-credit-event'
export { anchorCreditDay } from './application/anchor-credit.use-case'
export { recomputeCredit } from './application/recompute-credit.use-case'
