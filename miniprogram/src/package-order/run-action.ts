import type { ActionInput } from '@shared/contracts/define-contract'
import type { Order, OrderContract } from '@shared/contracts/order.contract'
import { api } from '@/services'
import type { OrderAction } from './actions'

type OrderActions = typeof OrderContract.actions

/** The form's parsed values (after the action's schema), by field name. */
export type ActionValues = Record<string, unknown>

/** Calls the backend for one button; every call answers the order as it now is. */
export const runAction = (
  action: Exclude<OrderAction, 'pay'>,
  orderId: string,
  v: ActionValues = {},
): Promise<Order> => {
  const s = (k: string) => String(v[k] ?? '')
  // Left blank, the company is recognised from the waybill number on the server.
  const company = () => (s('company').trim() ? { company: s('company').trim() } : {})
  switch (action) {
    case 'cancelUnpaid':
    case 'cancelPaid':
      return api.order.cancel(orderId)
    case 'ship':
      return api.order.ship({ orderId, ...company(), waybillNo: s('waybillNo') })
    case 'shipReturn':
      return api.order.shipReturn({ orderId, ...company(), waybillNo: s('waybillNo') })
    case 'handOver':
      return api.order.handOver({ orderId, code: s('code') })
    case 'deliverService':
      return api.order.deliverService(orderId)
    case 'confirm':
      return api.order.confirm(orderId)
    case 'requestRefund':
      return api.order.requestRefund({
        orderId,
        type: s('type') as 'refund_only' | 'return',
        reason: s('reason'),
      })
    case 'bookPickup':
      return api.order.bookPickup({
        orderId,
        ...(v as Omit<ActionInput<OrderActions['bookPickup']>, 'orderId'>),
      })
    case 'cancelPickup':
      return api.order.cancelPickup(orderId)
    case 'agreeRefund':
      return api.order.answerRefund({ orderId, answer: 'agree' })
    case 'agreeReturn':
      return api.order.answerRefund({
        orderId,
        answer: 'agree',
        ...(v.returnAddressId ? { returnAddressId: s('returnAddressId') } : {}),
      })
    case 'refuseRefund':
      return api.order.answerRefund({ orderId, answer: 'refuse', note: s('note') })
    case 'receiveReturn':
      return api.order.receiveReturn(orderId)
    case 'contestReturn':
      return api.order.contestReturn({
        orderId,
        reason: s('reason') as 'not_received' | 'damaged',
        note: s('note'),
        photoFileIds: [],
      })
    case 'resolveRefund':
      return api.order.resolve({ orderId, outcome: 'refund', note: s('note') })
    case 'resolvePartial':
      return api.order.resolve({
        orderId,
        outcome: 'partial',
        refundFen: Number(v.refund),
        note: s('note'),
      })
    case 'resolveRelease':
      return api.order.resolve({ orderId, outcome: 'release', note: s('note') })
    case 'compensate':
      return api.order.compensate({ orderId, amountFen: Number(v.amount), note: s('note') })
  }
}
