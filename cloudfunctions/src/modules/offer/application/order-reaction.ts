import { offerStep } from '@shared/domain/offer-process'
import type { OrderMoveReaction } from '../../deps'
import { Offers } from '../domain/offer.records'
import { writeMove } from './offer-moves'

/**
 * An order checked out at an offer's price spends the offer when it is paid, in the payment's own
 * transaction: the offer becomes used and frees the buyer's slot, so no second order can use it.
 * Nothing here refuses: the money is already taken, so a payment is never held up by its offer. An
 * order closed unpaid leaves the offer accepted, usable again until its deadline.
 */
export const offerOrderReaction: OrderMoveReaction = {
  inTx: async (tx, order, now) => {
    if (order.state !== 'paid' || !order.offerId) return
    if (order.events.at(-1)?.transition !== 'pay') return
    const offer = await tx.get(Offers, order.offerId)
    if (!offer || offer.buyerId !== order.buyerId || offer.listingId !== order.listingId) return
    if (!offerStep('use', offer.state, 'system')) return
    await writeMove(tx, offer, 'used', { orderId: order._id }, now)
  },
}
