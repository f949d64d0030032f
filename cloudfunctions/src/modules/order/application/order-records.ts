import { holdsEscrow, ORDER_STATES, type OrderState } from '@shared/domain/order-process'
import { updateIfUnchanged } from '../../core'
import type { TransactionOps } from '../../core/ports/document-store.port'
import type { Deps } from '../../deps'
import { Orders, type OrderRecord } from '../domain/order.record'

/**
 * The orders table as payments and delivery may read and write it: these functions, never the
 * table. The parts they write (settlement, parcels, bookings) are theirs; the state is the order's.
 */

/** One order, from the store or inside a transaction. */
export const loadOrder = (reader: Pick<TransactionOps, 'get'>, orderId: string) =>
  reader.get(Orders, orderId)

/** Compare-and-set on the order as it was read (CONFLICT when it moved meanwhile). */
export const updateOrder = (
  ops: TransactionOps,
  seen: OrderRecord,
  patch: Partial<OrderRecord>,
): Promise<OrderRecord> => updateIfUnchanged(ops, Orders, seen._id, seen, patch)

/** Orders whose courier check time has come (bookings not collected, tracking gone quiet). */
export const ordersDueForCourierCheck = async (deps: Pick<Deps, 'store'>, now: number) =>
  (
    await deps.store.find(
      Orders,
      { trackingCheckAt: { $lte: now } },
      { orderBy: { field: 'trackingCheckAt', direction: 'asc' }, limit: 100 },
    )
  ).items

/** A page of orders, oldest id first, optionally in one state (reconciliation walks them all). */
export const pageOfOrders = (
  deps: Pick<Deps, 'store'>,
  state: OrderState | null,
  cursor: string | undefined,
) =>
  deps.store.find(Orders, state ? { state } : {}, {
    orderBy: { field: '_id', direction: 'asc' },
    limit: 200,
    cursor,
  })

const ESCROW_STATES = ORDER_STATES.filter(holdsEscrow)

/** Paid by buyers and still frozen at the seller's merchant: orders in escrow-holding states. */
export const escrowHeldFor = async (deps: Pick<Deps, 'store'>, sellerId: string) => {
  let total = 0
  let cursor: string | undefined
  do {
    const page = await deps.store.find(
      Orders,
      { sellerId, state: { $in: ESCROW_STATES } },
      { limit: 100, cursor },
    )
    for (const o of page.items) total += o.totalFen
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return total
}

/**
 * What this buyer has paid for, most recent first (their own 推荐 learns from it): the listing and
 * when it was paid. Unpaid and cancelled-before-payment orders say nothing about taste.
 */
export const purchasesOf = async (deps: Pick<Deps, 'store'>, buyerId: string, limit: number) =>
  (
    await deps.store.find(
      Orders,
      { buyerId },
      { orderBy: { field: '_id', direction: 'desc' }, limit },
    )
  ).items.flatMap((o) => (o.paidAt !== null ? [{ listingId: o.listingId, at: o.paidAt }] : []))

/** States whose money the seller keeps or is still owed: a sale, for real-name volume. */
const SOLD_STATES: readonly string[] = ['paid', 'shipped', 'delivered', 'received', 'completed']

/**
 * The seller's sales since `since`: orders newest first (the seller index, time-ordered ids)
 * until one is older; paid and not refunded, closed or in a refund.
 */
export const salesSince = async (
  deps: Pick<Deps, 'store'>,
  sellerId: string,
  since: number,
): Promise<{ orders: number; fen: number }> => {
  let orders = 0
  let fen = 0
  let cursor: string | undefined
  do {
    const page = await deps.store.find(
      Orders,
      { sellerId },
      { orderBy: { field: '_id', direction: 'desc' }, limit: 100, cursor },
    )
    for (const o of page.items) {
      if (o.createdAt < since) return { orders, fen }
      if (!SOLD_STATES.includes(o.state)) continue
      orders++
      fen += o.totalFen
    }
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return { orders, fen }
}

/**
 * The people a user has traded with, either way (the jury draw keeps them off each other's
 * cases): the counterparties of their most recent orders as buyer and as seller.
 */
export const tradePartnersOf = async (
  deps: Pick<Deps, 'store'>,
  userId: string,
  limit: number,
): Promise<Set<string>> => {
  const opts = { orderBy: { field: '_id' as const, direction: 'desc' as const }, limit }
  const [bought, sold] = await Promise.all([
    deps.store.find(Orders, { buyerId: userId }, opts),
    deps.store.find(Orders, { sellerId: userId }, opts),
  ])
  return new Set([...bought.items.map((o) => o.sellerId), ...sold.items.map((o) => o.buyerId)])
}
