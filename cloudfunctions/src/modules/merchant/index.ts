/** merchant: seller onboarding (进件) to a WeChat Pay sub-merchant, and the seller's wallet. */
export {
  finishedSubMchids,
  onboardingOf,
  realNameVerified,
  subMchidOf,
} from './application/sub-merchant'
export { samePersonGroups } from './application/same-person'
