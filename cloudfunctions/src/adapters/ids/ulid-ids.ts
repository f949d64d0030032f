import { monotonicFactory } from 'ulid'
import type { Clock } from '../../modules/core/ports/clock.port'
import type { Ids } from '../../modules/core/ports/ids.port'

/**
 * ULIDs: 48 bits of milliseconds then randomness, Crockford base32, so string order is time
 * order; the monotonic factory keeps ids made within one millisecond in order too.
 */
export const ulidIds = (clock: Clock): Ids => {
  const next = monotonicFactory()
  return { next: () => next(clock.now()) }
}
