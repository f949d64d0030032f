import type { TransitionName } from '@shared/domain/order-process'
import type { Hooks, OrderMoveReaction, ReviewPublishedReaction } from '../../deps'
import type { OrderRecord } from '../../order'
import { LATE_SHIPMENT_MS } from '../domain/credit-formula'
import { recordCreditEvent } from './record-credit-event'

/** The seller's own step that ends the wait after payment (shipment, handover, service done). */
const SENT: readonly string[] = ['ship', 'handOver', 'deliverService'] satisfies TransitionName[]

/** Whether the seller took longer than 48 hours from payment to sending (发货超时). */
const shippedLate = (order: OrderRecord) => {
  const paid = order.events.find((e) => e.transition === 'pay')?.at
  const sent = order.events.find((e) => SENT.includes(e.transition))?.at
  return paid !== undefined && sent !== undefined && sent - paid > LATE_SHIPMENT_MS
}

/**
 * An order's move as credit events, in the move's transaction: a completed trade for both
 * parties (a late shipment with it for the seller), a seller who let the order lapse unshipped,
 * and the party an operator's ruling went against. Each keyed by the order, so a replay is a no-op.
 */
export const creditOrderReaction: OrderMoveReaction = {
  inTx: async (tx, order, now) => {
    const step = order.events.at(-1)?.transition
    const seller = order.sellerId
    const buyer = order.buyerId
    const base = { sourceId: order._id, at: now }
    switch (step) {
      case 'complete': {
        const amountFen = order.totalFen - (order.settlement?.refundFen ?? 0)
        await recordCreditEvent(
          tx,
          seller,
          { ...base, kind: 'trade_sold', partnerId: buyer, amountFen },
          now,
        )
        await recordCreditEvent(
          tx,
          buyer,
          { ...base, kind: 'trade_bought', partnerId: seller, amountFen },
          now,
        )
        if (shippedLate(order))
          await recordCreditEvent(tx, seller, { ...base, kind: 'late_shipment' }, now)
        return
      }
      case 'autoCancel':
        await recordCreditEvent(
          tx,
          seller,
          { ...base, kind: 'seller_cancel', partnerId: buyer },
          now,
        )
        return
      // The community jury's verdict counts as a ruling; a settlement both parties accepted does not.
      case 'resolveRefund':
      case 'juryRefund':
        await recordCreditEvent(
          tx,
          seller,
          { ...base, kind: 'dispute_lost', partnerId: buyer, share: 1 },
          now,
        )
        return
      case 'resolvePartial':
        await recordCreditEvent(
          tx,
          seller,
          { ...base, kind: 'dispute_lost', partnerId: buyer, share: 0.5 },
          now,
        )
        return
      case 'resolveRelease':
      case 'juryRelease':
        await recordCreditEvent(
          tx,
          buyer,
          { ...base, kind: 'dispute_lost', partnerId: seller, share: 1 },
          now,
        )
        return
      case 'compensationPaid':
        // 先行赔付 paid: the platform found the seller at fault after release.
        await recordCreditEvent(
          tx,
          seller,
          {
            ...base,
            sourceId: `${order._id}:compensation`,
            kind: 'dispute_lost',
            partnerId: buyer,
            share: 1,
          },
          now,
        )
        return
      default:
        return
    }
  },
}

/** A published review is a rating received by its reviewee (keyed by the review). */
export const creditReviewReaction: ReviewPublishedReaction = async (tx, review) => {
  if (review.stars === null) return
  const at = review.publishedAt ?? review.submittedAt ?? review.completedAt
  await recordCreditEvent(
    tx,
    review.revieweeId,
    {
      kind: 'review_received',
      sourceId: review._id,
      at,
      partnerId: review.reviewerId,
      stars: review.stars,
    },
    at,
  )
}

/** A buyer's question the seller answered within a day, or not: one 聊天回复 event per conversation. */
export const creditChatReaction: Hooks['chatQuestionScored'][number] = async (tx, q) => {
  await recordCreditEvent(
    tx,
    q.sellerId,
    {
      kind: 'chat_replies',
      sourceId: q.conversationId,
      at: q.askedAt,
      answered: q.answered ? 1 : 0,
      asked: 1,
    },
    q.now,
  )
}
