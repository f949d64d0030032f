import type { ReviewParty } from '@shared/domain/review'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { TransactionOps } from '../../core/ports/document-store.port'
import { loadOrder } from '../../order'
import type { UserRecord } from '../../user'
import { ReviewWindows, type ReviewWindowRecord } from '../domain/review.records'

const notFound = () => new AppError(ErrorCodes.NOT_FOUND, '订单不存在')

export const partyOf = (
  w: Pick<ReviewWindowRecord, 'buyerId' | 'sellerId'>,
  userId: string,
): ReviewParty | null => (w.buyerId === userId ? 'buyer' : w.sellerId === userId ? 'seller' : null)

/**
 * An order's review window and the caller's part in it. Reviews are the two parties' business:
 * anyone else (an operator too) is told the order does not exist. A party of an order that has no
 * window (not completed, refunded, cancelled) gets `window: null`.
 */
export const loadWindowFor = async (
  reader: Pick<TransactionOps, 'get'>,
  user: Pick<UserRecord, '_id'>,
  orderId: string,
): Promise<{ window: ReviewWindowRecord | null; party: ReviewParty }> => {
  const window = await reader.get(ReviewWindows, orderId)
  const party = partyOf(window ?? (await loadOrder(reader, orderId)) ?? NOBODY, user._id)
  if (!party) throw notFound()
  return { window, party }
}
const NOBODY = { buyerId: '', sellerId: '' }

/** The same, for actions that need the window: REVIEW.NOT_REVIEWABLE for a party of an order without one. */
export const loadOpenWindowFor = async (
  reader: Pick<TransactionOps, 'get'>,
  user: Pick<UserRecord, '_id'>,
  orderId: string,
) => {
  const { window, party } = await loadWindowFor(reader, user, orderId)
  if (!window) throw new AppError(ErrorCodes.REVIEW_NOT_REVIEWABLE)
  return { window, party }
}
