import { CHINA_OFFSET_MS, DAY, HOUR } from '@shared/domain/time'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import { fixedRule, slidingRule } from '../../core/ports/rate-limiter.port'

/** Offers a buyer may make in an hour, over all listings: enough to haggle, too few to spam sellers. */
export const MAKE_PER_BUYER = slidingRule('offer-make', 20, HOUR)
export const MAKE_TOO_OFTEN = '出价太频繁了，请稍后再试'

/**
 * Prices the floor may decline per buyer and listing in a China day (the refusal says 明天再来).
 * Each decline tells the buyer
 * "below", which halves where the floor can be: uncapped, a buyer finds it to the yuan in a dozen
 * offers. After the 3rd that buyer's offers on the listing are refused whatever the price, so the
 * refusal itself tells nothing about the floor.
 */
export const FLOOR_PROBES = fixedRule('offer-floor-probe', 3, DAY, -CHINA_OFFSET_MS)
export const FLOOR_PROBES_USED = '今天对这个宝贝出价太多次了，明天再来吧'
export const floorProbeKey = (listingId: string, buyerId: string) => `${listingId}:${buyerId}`

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
