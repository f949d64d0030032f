/**
 * risk: content risk on what people write and upload — the lexicon and WeChat's content security
 * (msgSecCheck, mediaCheckAsync) — and the flags the moderation queue reads. Below every module
 * that takes user text, so each can screen before it writes.
 */
export {
  BLOCKED_MESSAGE,
  flagFor,
  openFlagsOn,
  saveFlag,
  screenText,
  type Screening,
  type TextField,
} from './application/screen-text.use-case'
export type { ContentFlagRecord, ListingRisk } from './domain/content-flag.record'
export { SCENES, type ContentSecurity } from './ports/content-security.port'
export {
  applyImageVerdict,
  imageCheckOf,
  queueImageCheck,
  RISK_JOB_HANDLERS,
} from './application/check-image.use-case'
export { PushSignatureError, type VerifiedPush } from './ports/content-security.port'
export {
  assessListingRisk,
  NEW_ACCOUNT_HELD_NOTICE,
  saveListingRisk,
  type ListingRiskAssessment,
} from './application/listing-risk.use-case'
export { LISTING_RISK } from './domain/listing-risk.rules'
export { closeFlags, flagsAwaitingCase, takeFlagIn } from './application/flag-intake'
export type { FlaggedKind } from './domain/content-flag.record'
