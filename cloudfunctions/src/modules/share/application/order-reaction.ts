import type { TransactionOps } from '../../core/ports/document-store.port'
import type { Hooks, OrderMoveReaction } from '../../deps'
import type { ListingRecord } from '../../listing'
import type { OrderRecord } from '../../order'
import { attribute } from '../domain/attribution.rules'
import { nextCardStatus } from '../domain/card-state.rules'
import {
  Attributions,
  ShareArrivals,
  ShareCards,
  Shares,
  arrivalId,
  type AttributionRecord,
} from '../domain/share.records'
import { ATTRIBUTION_WINDOW_MS } from '../domain/share.rules'
import { moveCard } from './card-jobs'

/**
 * Records the chain of the share the buyer last arrived at this listing through, once, when the
 * order is paid (an order closed unpaid was never a sale). Only a share of this very listing
 * opened within 7 days before checkout counts; `attribute` decides who it credits.
 */
const attributeOrder = async (tx: TransactionOps, order: OrderRecord, now: number) => {
  if (await tx.get(Attributions, order._id)) return
  const arrival = await tx.get(ShareArrivals, arrivalId(order.buyerId, 'listing', order.listingId))
  if (!arrival || arrival.at < order.createdAt - ATTRIBUTION_WINDOW_MS) return
  const share = await tx.get(Shares, arrival.token)
  if (!share || share.kind !== 'listing' || share.targetId !== order.listingId) return
  const { referrers, voided } = attribute(share.chain, order.buyerId, order.sellerId)
  const record: AttributionRecord = {
    _id: order._id,
    listingId: order.listingId,
    buyerId: order.buyerId,
    sellerId: order.sellerId,
    token: share._id,
    chain: share.chain,
    referrers,
    voided,
    outcome: 'paid',
    createdAt: now,
    updatedAt: now,
  }
  await tx.insert(Attributions, record)
}

/** A reward programme pays for completed orders only: the attribution follows the order's end. */
const settleAttribution = async (tx: TransactionOps, order: OrderRecord, now: number) => {
  const outcome =
    order.state === 'completed' ? 'completed' : order.state === 'refunded' ? 'refunded' : null
  if (!outcome || !(await tx.get(Attributions, order._id))) return
  await tx.update(Attributions, order._id, { outcome, updatedAt: now })
}

/**
 * Sharing follows the order process, in each move's own transaction (order knows nothing of it):
 * the order's share chain is recorded when paid and settled when it ends, and the listing's card
 * moves 在售 → 已预订 → 已售出 (or back to 在售 when refunded before completion), queueing the
 * WeChat update of its shared cards. A service is booked by many at once: its card stays 在售.
 */
export const shareOrderReaction: OrderMoveReaction = {
  inTx: async (tx, order, now) => {
    if (order.state === 'paid' && order.events.at(-1)?.transition === 'pay')
      await attributeOrder(tx, order, now)
    else await settleAttribution(tx, order, now)
    if (order.fulfilment === 'service') return
    const card = await tx.get(ShareCards, order.listingId)
    const next = nextCardStatus(card?.status ?? 'on_sale', order.state)
    if (next) await moveCard(tx, order.listingId, card, next, order._id, now)
  },
}

/**
 * A seller's own lifecycle action, in its transaction: marked sold (sold elsewhere or offline)
 * turns the shared cards 已售出 like a completed order. A listing taken down or relisted keeps its
 * cards as they are: WeChat's 已售出 is final, and an unsold listing's cards still say 在售.
 */
export const shareListingReaction: Hooks['listingMoved'][number] = async (
  tx: TransactionOps,
  listing: ListingRecord,
  now: number,
) => {
  if (listing.status !== 'sold') return
  const card = await tx.get(ShareCards, listing._id)
  if (card && card.status !== 'sold') await moveCard(tx, listing._id, card, 'sold', null, now)
}
