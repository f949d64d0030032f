import type { Deps } from '../../deps'
import { onboardingOf } from '../../merchant'
import { recordCreditEvent } from './record-credit-event'

/**
 * Real-name and 开通收款 come from the merchant module's record (WeChat Pay's checks): read when
 * the user opens their credit and on the full run, and recorded once each (keyed by the user).
 */
export const syncOnboarding = async (deps: Pick<Deps, 'store' | 'clock'>, userId: string) => {
  const status = await onboardingOf(deps, userId)
  if (!status.verified) return
  const now = deps.clock.now()
  const at = Math.min(status.at ?? now, now)
  await deps.store.transaction(async (tx) => {
    await recordCreditEvent(tx, userId, { kind: 'identity_verified', sourceId: userId, at }, now)
    if (status.onboarded)
      await recordCreditEvent(tx, userId, { kind: 'seller_onboarded', sourceId: userId, at }, now)
  })
}
