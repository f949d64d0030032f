import { reviewersAfter } from '@shared/domain/review'
import type { OrderMoveReaction } from '../../deps'
import { openReviewWindow } from './open-window'

/**
 * An order that ends in a way that gives reviews opens its review window in the step's own
 * transaction (shared/domain/review.ts `reviewersAfter`: completion, or a dispute's outcome): the
 * 7 days start when the trade is done, and nothing is half-written if the step is not.
 */
export const reviewOrderReaction: OrderMoveReaction = {
  inTx: async (tx, order, now) => {
    const ended = order.events.at(-1)?.transition
    if (!ended) return
    const reviewers = reviewersAfter(
      ended,
      order.events.map((e) => e.transition),
    )
    await openReviewWindow(tx, order, reviewers, now)
  },
}
