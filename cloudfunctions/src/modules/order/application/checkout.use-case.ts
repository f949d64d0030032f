import { updateIfUnchanged, enforceLimit } from '../../core'
import { CHECKOUT_PER_BUYER, CHECKOUT_TOO_OFTEN } from '../domain/order-limits'
import { loadOwnAddress, sealShippingAddress } from '../../address'
import { commissionFen, discountedPolicy } from '@shared/domain/commission'
import type { Fulfilment } from '@shared/domain/order-process'
import { AppError, ErrorCodes, isAppError } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { DIGITS } from '../../core/ports/secret-codes.port'
import { loadListing, type ListingRecord, updateListingIn, isListingBuyable } from '../../listing'
import { subMchidOf } from '../../merchant'
import type { UserRecord } from '../../user'
import { payBy } from '@shared/domain/order-process'
import { scheduleOf } from '../domain/order-facts'
import {
  OrderLocks,
  Orders,
  UnpaidSlots,
  lockKey,
  unpaidSlotKey,
  type OrderRecord,
} from '../domain/order.record'
import { paymentUnavailable } from '../../payments/ports/payment-gateway.port'

export interface CheckoutInput {
  listingId: string
  fulfilment: Fulfilment
  /** Courier orders: an address from the buyer's own book (its structured region prices and routes the parcel). */
  addressId?: string
  /** The buyer's accepted offer (议价): its agreed price, read from the offer record, replaces the listed one. */
  offerId?: string
}

/** Which fulfilments a listing offers: its trade options for goods, the service itself otherwise. */
const offers = (listing: ListingRecord, fulfilment: Fulfilment): boolean => {
  if (listing.kind === 'service') return fulfilment === 'service'
  if (fulfilment === 'courier') return !!listing.trade?.shipping
  if (fulfilment === 'meetup') return !!(listing.trade?.meetup || listing.trade?.pickup)
  return false
}

/**
 * What the buyer pays for shipping: nothing (包邮, or not posted), the seller's fixed fee, or for
 * 按实际运费 the cheapest courier price now from the listing's city to the address's. No price means
 * no order: ORDER.FREIGHT_UNAVAILABLE, before anything is written.
 */
const shippingFeeOf = async (
  deps: Deps,
  listing: ListingRecord,
  fulfilment: Fulfilment,
  toCity: string | undefined,
) => {
  const shipping = listing.trade?.shipping
  if (fulfilment !== 'courier' || !shipping || shipping.payer === 'seller') return 0
  if (shipping.payer === 'buyer') return shipping.feeFen
  const quotes = await deps.hooks.quoteFreight(deps, listing, toCity!).catch(() => [])
  if (quotes.length === 0) throw new AppError(ErrorCodes.ORDER_FREIGHT_UNAVAILABLE)
  return quotes[0]!.priceFen
}

/**
 * 立即购买: the price is the listing's server-side price or the agreed price of the buyer's accepted
 * offer (never the client's), plus the shipping fee
 * the seller set or the courier quotes now; the commission is fixed now from the policy in force
 * and the seller's credit tier read now on the server (极好 pays less; CreditTiers port).
 * The order and the listing's lock are written together, so a second buyer gets
 * ORDER.LISTING_RESERVED.
 */
export const checkout = async (
  deps: Deps,
  buyer: UserRecord,
  buyerOpenid: string,
  input: CheckoutInput,
): Promise<OrderRecord> => {
  await enforceLimit(deps.limits, CHECKOUT_PER_BUYER, buyer._id, CHECKOUT_TOO_OFTEN)
  const listing = await loadListing(deps.store, input.listingId)
  if (!listing || listing.status === 'draft') throw new AppError(ErrorCodes.NOT_FOUND, '宝贝不存在')
  if (listing.sellerId === buyer._id) throw new AppError(ErrorCodes.ORDER_OWN_LISTING)
  // The item's price: the listed one, or the agreed price of this buyer's accepted offer on this
  // listing, taken from the offer record (the offer module answers; OFFER.STALE before any write).
  // A listed price lowered below the agreed one since is the better price, and the one charged.
  const priceFen = input.offerId
    ? Math.min(
        listing.priceFen,
        await deps.hooks.offerPrice(deps, {
          offerId: input.offerId,
          buyerId: buyer._id,
          listingId: listing._id,
          now: deps.clock.now(),
        }),
      )
    : listing.priceFen
  const key = lockKey(listing._id, input.fulfilment, buyer._id)
  const lock = await deps.store.get(OrderLocks, key)
  if (lock)
    throw new AppError(ErrorCodes.ORDER_LISTING_RESERVED, undefined, {
      orderId: (await ownOrder(deps, lock.orderId, buyer._id)) ?? undefined,
    })
  // Not on sale, or its seller is banned (their listings leave every list and cannot be bought).
  if (!(await isListingBuyable(deps, listing)))
    throw new AppError(ErrorCodes.ORDER_LISTING_UNAVAILABLE)
  if (!offers(listing, input.fulfilment))
    throw new AppError(ErrorCodes.ORDER_FULFILMENT_UNAVAILABLE)
  if (input.fulfilment === 'courier' && !input.addressId)
    throw new AppError(ErrorCodes.ORDER_ADDRESS_REQUIRED, undefined, { path: ['addressId'] })
  // Someone else's address id is NOT_FOUND, as for any address that is not the caller's.
  const booked =
    input.fulfilment === 'courier' ? await loadOwnAddress(deps, buyer._id, input.addressId!) : null
  const subMchid = await subMchidOf(deps, listing.sellerId)
  if (!subMchid) throw new AppError(ErrorCodes.ORDER_SELLER_NOT_ONBOARDED)

  // Quoted once, before the order is written, and kept in it: a retried checkout stops at the lock
  // above and `pay` reuses the stored total, so a later (different) quote never reaches the prepay.
  const shippingFen = await shippingFeeOf(deps, listing, input.fulfilment, booked?.city)
  const sellerTier = await deps.hooks.creditTier(deps, listing.sellerId)
  const commissionPolicy = discountedPolicy(deps.escrow.commission, sellerTier.commissionPercent)
  const now = deps.clock.now()
  const order: OrderRecord = {
    _id: deps.ids.next(),
    listingId: listing._id,
    buyerId: buyer._id,
    sellerId: listing.sellerId,
    title: listing.title,
    coverFileId: listing.photoFileIds[0] ?? null,
    fulfilment: input.fulfilment,
    state: 'pending_payment',
    priceFen,
    ...(input.offerId ? { offerId: input.offerId } : {}),
    shippingFen,
    totalFen: priceFen + shippingFen,
    // On everything the seller receives: a ¥0.99 item with a ¥500 "shipping fee" is a ¥500.99 sale.
    commissionFen: commissionFen(priceFen + shippingFen, commissionPolicy),
    commissionPolicy,
    address: booked ? sealShippingAddress(deps, booked) : null,
    handoverCode: input.fulfilment === 'meetup' ? deps.codes.draw(6, DIGITS) : null,
    shipment: null,
    returnShippedAt: null,
    refund: null,
    subMchid,
    buyerOpenid,
    prepayId: null,
    transactionId: null,
    settlement: null,
    dueTransition: null,
    dueAt: null,
    remindAt: null,
    events: [{ transition: 'checkout', at: now, actor: 'buyer', note: null }],
    createdAt: now,
    paidAt: null,
    updatedAt: now,
    version: 0,
  }
  Object.assign(order, scheduleOf(order)) // the 15 minutes to pay
  // A racing checkout of the same buyer may take the slot first: then the next free one is tried.
  for (let race = 0; ; race++) {
    order.unpaidSlot = await freeUnpaidSlot(deps, buyer._id)
    const slot = unpaidSlotKey(buyer._id, order.unpaidSlot)
    try {
      await deps.store.transaction(async (tx) => {
        await tx.insert(UnpaidSlots, { _id: slot, orderId: order._id, createdAt: now })
        await tx.insert(OrderLocks, { _id: key, orderId: order._id, createdAt: now })
        await tx.insert(Orders, order)
        // Goods are held by this one order (by version: a listing changed since it was read conflicts);
        // a service is booked by many and held by none.
        if (input.fulfilment !== 'service')
          await updateListingIn(tx, deps, listing, { heldBy: order._id })
      })
      break
    } catch (e) {
      if (!(isAppError(e) && e.code === ErrorCodes.CONFLICT)) throw e
      const slotTaken =
        !(await deps.store.get(OrderLocks, key)) && (await deps.store.get(UnpaidSlots, slot))
      if (!slotTaken) throw new AppError(ErrorCodes.ORDER_LISTING_RESERVED)
      if (race >= deps.escrow.maxUnpaidOrders) throw new AppError(ErrorCodes.ORDER_TOO_MANY_UNPAID)
    }
  }
  // The payment is created right away; if WeChat is unreachable the order stays and `pay` retries.
  try {
    return await ensurePrepay(deps, order, buyerOpenid)
  } catch {
    return order
  }
}

/**
 * The first of the buyer's unpaid-order slots that is free; a slot whose order has left
 * pending_payment is free too (it heals a slot left by a crash). ORDER.TOO_MANY_UNPAID when none is.
 */
const freeUnpaidSlot = async (deps: Deps, buyerId: string): Promise<number> => {
  for (let slot = 0; slot < deps.escrow.maxUnpaidOrders; slot++) {
    const held = await deps.store.get(UnpaidSlots, unpaidSlotKey(buyerId, slot))
    if (!held) return slot
    const order = await deps.store.get(Orders, held.orderId)
    if (order?.state !== 'pending_payment') {
      await deps.store.remove(UnpaidSlots, held._id)
      return slot
    }
  }
  throw new AppError(
    ErrorCodes.ORDER_TOO_MANY_UNPAID,
    `最多同时保留 ${deps.escrow.maxUnpaidOrders} 个未付款订单，请先付款或取消`,
  )
}

const ownOrder = async (deps: Deps, orderId: string, buyerId: string) => {
  const o = await deps.store.get(Orders, orderId)
  return o?.buyerId === buyerId ? o._id : null
}

/**
 * Creates the partner JSAPI payment once (out_trade_no = order id, profit sharing frozen, 15-minute
 * expiry) and keeps its prepay_id. A repeat sends the same body, which WeChat answers alike.
 */
export const ensurePrepay = async (
  deps: Deps,
  order: OrderRecord,
  payerOpenid: string,
): Promise<OrderRecord> => {
  if (order.prepayId) return order
  let prepayId: string
  try {
    ;({ prepayId } = await deps.payments.createJsapiOrder({
      outTradeNo: order._id,
      subMchid: order.subMchid,
      description: `邻圈-${order.title}`.slice(0, 120),
      amountFen: order.totalFen,
      payerOpenid,
      expiresAt: payBy(order.createdAt),
    }))
  } catch (e) {
    throw paymentUnavailable(e)
  }
  try {
    return await updateIfUnchanged(deps.store, Orders, order._id, order, { prepayId })
  } catch (e) {
    if (!(isAppError(e) && e.code === ErrorCodes.CONFLICT)) throw e
    // The order moved meanwhile (paid by a fast notification): keep the prepay id anyway.
    const now = (await deps.store.get(Orders, order._id))!
    return now.prepayId ? now : updateIfUnchanged(deps.store, Orders, order._id, now, { prepayId })
  }
}
