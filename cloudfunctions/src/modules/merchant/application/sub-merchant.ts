import type { Deps } from '../../deps'
import { Merchants } from '../domain/merchant.records'

export { refreshPendingApplyments } from './onboarding.use-case'

/** The seller's WeChat Pay sub-merchant id, or null until their application is FINISH. */
export const subMchidOf = async (
  deps: Pick<Deps, 'store'>,
  userId: string,
): Promise<string | null> => {
  const m = await deps.store.get(Merchants, userId)
  return m?.state === 'FINISH' ? m.subMchid : null
}

/**
 * How far a user's real-name onboarding has come, for credit: `verified` once WeChat Pay has
 * checked the real name (past its first review), `onboarded` once the sub-merchant is FINISH.
 */
export const onboardingOf = async (
  deps: Pick<Deps, 'store'>,
  userId: string,
): Promise<{ verified: boolean; onboarded: boolean; at: number | null }> => {
  const m = await deps.store.get(Merchants, userId)
  if (!m) return { verified: false, onboarded: false, at: null }
  const onboarded = m.state === 'FINISH'
  const verified = onboarded || m.state === 'NEED_SIGN' || m.state === 'ACCOUNT_NEED_VERIFY'
  return { verified, onboarded, at: m.checkedAt ?? m.updatedAt }
}

/** Real-name verified (实名认证): WeChat Pay has checked the ID holder (onboarding past its first review). */
export const realNameVerified = async (deps: Pick<Deps, 'store'>, userId: string) =>
  (await onboardingOf(deps, userId)).verified

/** Every finished seller's sub_mchid (the local cloud tells its in-memory sandbox about them at start). */
export const finishedSubMchids = async (deps: Pick<Deps, 'store'>): Promise<string[]> => {
  const out: string[] = []
  let cursor: string | undefined
  do {
    const page = await deps.store.find(Merchants, { state: 'FINISH' }, { limit: 200, cursor })
    for (const m of page.items) if (m.subMchid) out.push(m.subMchid)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return out
}
