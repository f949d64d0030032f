import type { OrderFacts } from '@shared/domain/order-process'
import type { OrderRecord } from './order.record'

/** The facts the order graph's guards read, from the stored order. */
export const orderFacts = (order: OrderRecord): OrderFacts => ({
  refundType: order.refund?.type ?? null,
  returnSent: !!order.refund?.returnShipment,
  released: !!order.settlement?.releaseDone,
})
