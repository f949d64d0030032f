import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import { enforceLimit } from '../../core'
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

/**
 * Counts a price the floor is about to decline, before anything is written. The hit is atomic, so
 * of several such prices sent at once only 3 get through; the rest get the refusal every price
 * gets once the probes are used (a refusal only below the floor would tell where it is).
 */
export const takeFloorProbe = (deps: Pick<Deps, 'limits'>, pair: Pair) =>
  enforceLimit(
    deps.limits,
    FLOOR_PROBES,
    floorProbeKey(pair.listingId, pair.buyerId),
    FLOOR_PROBES_USED,
  )
