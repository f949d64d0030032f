import { HOUR } from '@shared/domain/time'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import { slidingRule } from '../../core/ports/rate-limiter.port'

/** Offers a buyer may make in an hour, over all listings: enough to haggle, too few to spam sellers. */
export const MAKE_PER_BUYER = slidingRule('offer-make', 20, HOUR)
export const MAKE_TOO_OFTEN = '出价太频繁了，请稍后再试'

/** What the buyer is told when the floor declines their price: polite, and without the floor. */
export const BELOW_FLOOR_REASON = '低于卖家可接受的价格'

/**
 * A price may be proposed only in whole fen, at least 1, and below the listed price: an offer at
 * or above it makes no sense (buy it instead). OFFER.PRICE_INVALID otherwise.
 */
export const assertProposable = (
  priceFen: number,
  listedFen: number,
  field = 'priceFen',
  message?: string,
) => {
  if (!Number.isSafeInteger(priceFen) || priceFen < 1 || priceFen >= listedFen)
    throw new AppError(ErrorCodes.OFFER_PRICE_INVALID, message, { path: [field] })
}
