import type { Deps } from '../../deps'
import { ShareSettings } from '../domain/share.records'

/** Everyone is shown in trust signals until they turn it off. */
const DEFAULTS = { showInTrustSignals: true }

/** A user's sharing settings (the defaults when they never changed them). */
export const settingsOf = async (deps: Pick<Deps, 'store'>, userId: string) => {
  const saved = await deps.store.get(ShareSettings, userId)
  return { showInTrustSignals: saved?.showInTrustSignals ?? DEFAULTS.showInTrustSignals }
}

/** Changes the caller's own settings. */
export const updateSettings = async (
  deps: Pick<Deps, 'store' | 'clock'>,
  userId: string,
  input: { showInTrustSignals: boolean },
) => {
  const doc = { showInTrustSignals: input.showInTrustSignals, updatedAt: deps.clock.now() }
  if (await deps.store.get(ShareSettings, userId))
    await deps.store.update(ShareSettings, userId, doc)
  else await deps.store.insert(ShareSettings, { _id: userId, ...doc })
  return settingsOf(deps, userId)
}
