import { removeBelow } from '../../core'
import type { Deps } from '../../deps'
import { ShareActivities } from '../domain/share.records'

/** Activity ids at or past WeChat's expiry (24 h) can never be updated again: the hourly sweep drops them. */
export const sweepShareActivities = (deps: Pick<Deps, 'store' | 'clock'>) =>
  removeBelow(deps.store, ShareActivities, 'expiresAt', deps.clock.now() + 1)
