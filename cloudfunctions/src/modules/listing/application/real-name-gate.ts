import { chinaMonthStart, realNameReason, REALNAME_MESSAGES } from '@shared/domain/realname'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'

/**
 * Before a listing goes on sale: a seller past the month's volume, or selling sensitive goods at
 * a high price, must be real-name verified (the finished 开通收款 counts: deps.hooks.realNameVerified,
 * the merchant module). REALNAME.REQUIRED otherwise, with the reason for the page to explain.
 */
export const assertRealNameIfNeeded = async (
  deps: Pick<Deps, 'store' | 'hooks' | 'clock'>,
  sellerId: string,
  listing: { category: string; priceFen: number },
) => {
  if (await deps.hooks.realNameVerified(deps, sellerId)) return
  const month = await deps.hooks.salesSince(deps, sellerId, chinaMonthStart(deps.clock.now()))
  const reason = realNameReason({
    monthSoldFen: month.fen,
    monthOrders: month.orders,
    category: listing.category,
    priceFen: listing.priceFen,
  })
  if (reason)
    throw new AppError(ErrorCodes.REALNAME_REQUIRED, REALNAME_MESSAGES[reason], { reason })
}
