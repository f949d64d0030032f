import type { OrderState } from '@shared/domain/order-process'
import type { TransactionOps } from '../../core/ports/document-store.port'
import {
  OrderLocks,
  UnpaidSlots,
  lockKey,
  unpaidSlotKey,
  type OrderRecord,
} from '../domain/order.record'

/** An order that is over no longer holds its listing. */
export const isOver = (state: OrderState) =>
  ['closed', 'refunded', 'completed', 'compensated'].includes(state)

/**
 * Frees what checkout took for an order as it moves into `next`: the listing lock once the order
 * is over (so a service can be booked again by the same buyer), and the buyer's unpaid-order slot
 * once it is paid or closed (free for another checkout).
 */
export const freeHolds = async (tx: TransactionOps, order: OrderRecord, next: OrderRecord) => {
  if (isOver(next.state))
    await tx.remove(OrderLocks, lockKey(order.listingId, order.fulfilment, order.buyerId))
  if (order.state === 'pending_payment' && order.unpaidSlot != null)
    await tx.remove(UnpaidSlots, unpaidSlotKey(order.buyerId, order.unpaidSlot))
}
