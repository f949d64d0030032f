import { MerchantContract } from '@shared/contracts/merchant.contract'
import {
  onboardingStatus,
  refreshOnboarding,
  submitOnboarding,
} from '../modules/merchant/application/onboarding.use-case'
import { wallet, withdraw } from '../modules/merchant/application/wallet.use-case'
import { guaranteeFund } from '../modules/fund'
import { assertOperator } from '../modules/user'
import { createHandler } from '../platform/create-handler'

/** merchant: 开通收款 (individual-seller 进件 at WeChat Pay) and the seller wallet. Identity is always the caller's. */
export const main = createHandler(MerchantContract, {
  status: async (_input, { caller, deps }) => onboardingStatus(deps, caller.user._id),
  submit: async (input, { caller, deps }) => submitOnboarding(deps, caller.user._id, input),
  refresh: async (_input, { caller, deps }) => refreshOnboarding(deps, caller.user._id),
  wallet: async (_input, { caller, deps }) => wallet(deps, caller.user._id),
  withdraw: async ({ amountFen, requestKey }, { caller, deps }) =>
    withdraw(deps, caller.user._id, amountFen, requestKey),
  guaranteeFund: async (_input, { caller, deps }) => {
    assertOperator(caller.user)
    return guaranteeFund(deps)
  },
})
