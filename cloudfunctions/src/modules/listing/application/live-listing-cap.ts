import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { countSellerListings } from './listing-records'

/**
 * A listing about to go on sale must fit under the seller's live-listing cap, which their credit
 * tier sets (CreditTiers port, read now on the server: 较差 10 … 极好 300). Counted before the
 * write, so two publishes racing at the cap may both pass: one listing over, never a flood.
 */
export const assertLiveListingRoom = async (
  deps: Pick<Deps, 'store' | 'hooks'>,
  sellerId: string,
) => {
  const tier = await deps.hooks.creditTier(deps, sellerId)
  const live = await countSellerListings(deps, sellerId, 'active', 'owner')
  if (live >= tier.liveListingCap)
    throw new AppError(
      ErrorCodes.LISTING_TOO_MANY_LIVE,
      `信用${tier.label}最多同时在售 ${tier.liveListingCap} 件宝贝，请先下架或卖出一些`,
      { cap: tier.liveListingCap, tier: tier.key },
    )
}
