import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { FLOOR_PROBES, FLOOR_PROBES_USED, floorProbeKey } from '../domain/offer.rules'

type Pair = { listingId: string; buyerId: string }

/** Refuses a buyer's price on a listing once the floor has declined them 3 times today. */
export const assertFloorUnprobed = async (deps: Pick<Deps, 'limits'>, pair: Pair) => {
  const d = await deps.limits.peek(FLOOR_PROBES, floorProbeKey(pair.listingId, pair.buyerId))
  if (!d.allowed)
    throw new AppError(ErrorCodes.RATE_LIMITED, FLOOR_PROBES_USED, {
      retryAfterMs: d.retryAfterMs,
    })
}

/** Counts a price the floor declined against the buyer's probes of that listing. */
export const countFloorProbe = async (deps: Pick<Deps, 'limits'>, pair: Pair) => {
  await deps.limits.hit(FLOOR_PROBES, floorProbeKey(pair.listingId, pair.buyerId))
}
