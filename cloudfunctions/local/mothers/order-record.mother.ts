import { commissionFen } from '@shared/domain/commission'
import { scheduleOf } from '../../src/modules/order/domain/order-facts'
import type { OrderRecord } from '../../src/modules/order/domain/order.record'

/**
 * An order just checked out (pending_payment, a prepay id at WeChat) as the store keeps it, built
 * without the checkout use case: for filling a database by the thousand (benches). The total,
 * the commission and the payment deadline follow from what is given, as checkout computes them.
 * A courier order needs `address`; a meetup order gets a handover code unless given one.
 */
export const aPendingOrderRecord = (
  { _id, subMchid, ...over }: Partial<OrderRecord> & Pick<OrderRecord, '_id' | 'subMchid'>,
  at = 0,
): OrderRecord => {
  const fulfilment = over.fulfilment ?? 'meetup'
  const priceFen = over.priceFen ?? 10_000
  const shippingFen = over.shippingFen ?? 0
  const order: OrderRecord = {
    _id,
    listingId: `L${_id}`,
    buyerId: 'u1',
    sellerId: 'u2',
    title: `闲置好物 ${_id.slice(-6)}`,
    coverFileId: null,
    fulfilment,
    state: 'pending_payment',
    priceFen,
    shippingFen,
    totalFen: priceFen + shippingFen,
    commissionFen: commissionFen(priceFen),
    address: null,
    handoverCode: fulfilment === 'meetup' ? '123456' : null,
    shipment: null,
    returnShippedAt: null,
    refund: null,
    subMchid,
    prepayId: `wx${_id}`,
    transactionId: null,
    settlement: null,
    dueTransition: null,
    dueAt: null,
    remindAt: null,
    events: [{ transition: 'checkout', at, actor: 'buyer', note: null }],
    createdAt: at,
    paidAt: null,
    updatedAt: at,
    version: 0,
    ...over,
  }
  return { ...order, ...scheduleOf(order) }
}
