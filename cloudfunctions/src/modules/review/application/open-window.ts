import { otherParty, type ReviewParty, reviewDeadlines } from '@shared/domain/review'
import type { TransactionOps } from '../../core/ports/document-store.port'
import type { OrderRecord } from '../../order'
import {
  type ReviewRecord,
  ReviewWindows,
  Reviews,
  type ReviewWindowRecord,
  reviewKey,
} from '../domain/review.records'

const partyId = (order: Pick<OrderRecord, 'buyerId' | 'sellerId'>, p: ReviewParty) =>
  p === 'buyer' ? order.buyerId : order.sellerId

/**
 * Opens an order's review window inside `tx` (the transaction that ended the order): the window,
 * and a due review (待评价) for each party who may review. Opening twice changes nothing, so a step
 * repeated by a retry, or completed again after a refused 先行赔付, opens no second window.
 * Issue 15's dispute outcomes call this with the parties their decision allows.
 */
export const openReviewWindow = async (
  tx: TransactionOps,
  order: Pick<OrderRecord, '_id' | 'buyerId' | 'sellerId' | 'title' | 'coverFileId'>,
  reviewers: readonly ReviewParty[],
  now: number,
): Promise<void> => {
  if (reviewers.length === 0 || (await tx.get(ReviewWindows, order._id))) return
  const { closesAt, remindAt, followUpUntil } = reviewDeadlines(now)
  const window: ReviewWindowRecord = {
    _id: order._id,
    buyerId: order.buyerId,
    sellerId: order.sellerId,
    reviewers: [...reviewers],
    state: 'blind',
    openedAt: now,
    closesAt,
    followUpUntil,
    publishAt: closesAt,
    remindAt,
    revealedAt: null,
    version: 0,
  }
  await tx.insert(ReviewWindows, window)
  for (const by of reviewers) {
    const review: ReviewRecord = {
      _id: reviewKey(order._id, by),
      publicId: null,
      orderId: order._id,
      by,
      reviewerId: partyId(order, by),
      revieweeId: partyId(order, otherParty(by)),
      revieweeRole: otherParty(by),
      state: 'due',
      dueAt: closesAt,
      title: order.title,
      coverFileId: order.coverFileId,
      completedAt: now,
      stars: null,
      tags: [],
      text: null,
      photoFileIds: [],
      submittedAt: null,
      publishedAt: null,
      followUp: null,
      reply: null,
      createdAt: now,
      version: 0,
    }
    await tx.insert(Reviews, review)
  }
}
