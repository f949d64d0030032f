import type { Deps } from '../../core/ports/deps'
import { Merchants } from '../domain/merchant.records'

export { refreshPendingApplyments } from './onboarding.use-case'

/** The seller's WeChat Pay sub-merchant id, or null until their application is FINISH. */
export const subMchidOf = async (deps: Pick<Deps, 'store'>, userId: string): Promise<string | null> => {
  const m = await deps.store.get(Merchants, userId)
  return m?.state === 'FINISH' ? m.subMchid : null
}
