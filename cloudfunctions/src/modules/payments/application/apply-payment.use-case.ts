import {
  WechatNotifications,
  PaymentAnomalyRecord,
  PaymentAnomalies,
} from '../domain/payment.record'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { paymentEntry, postEntry } from '../../ledger'
import type { UserRecord } from '../../user'
import { type OrderRecord, takeTransition, loadOrder } from '../../order'
import {
  paymentUnavailable,
  type PaymentNotificationResource,
  type PaymentOrder,
} from '../ports/payment-gateway.port'

export const recordAnomaly = async (
  deps: Pick<Deps, 'store' | 'clock'>,
  id: string,
  kind: PaymentAnomalyRecord['kind'],
  detail: string,
) => {
  if (await deps.store.get(PaymentAnomalies, id)) return
  await deps.store
    .insert(PaymentAnomalies, { _id: id, kind, detail, at: deps.clock.now() })
    .catch(() => undefined)
}

type Paid = Pick<
  PaymentNotificationResource,
  'outTradeNo' | 'transactionId' | 'subMchid' | 'totalFen'
>
export type PaymentOutcome = 'paid' | 'already' | 'anomaly'

/**
 * WeChat Pay says the buyer paid (notification, query or reconciliation): the order becomes paid
 * and the ledger records the money frozen at the seller, in one transaction. The amount and the
 * merchant must match the order's own; the notification id, when there is one, is stored in the
 * same transaction, so a replay finds it and changes nothing.
 */
export const applyPayment = async (
  deps: Deps,
  paid: Paid,
  notificationId: string | null,
): Promise<PaymentOutcome> => {
  if (notificationId && (await deps.store.get(WechatNotifications, notificationId)))
    return 'already'
  const order = await loadOrder(deps.store, paid.outTradeNo)
  const remember = async (outcome: string) => {
    if (!notificationId) return
    await deps.store
      .insert(WechatNotifications, {
        _id: notificationId,
        eventType: 'TRANSACTION.SUCCESS',
        key: paid.outTradeNo,
        outcome,
        at: deps.clock.now(),
      })
      .catch(() => undefined)
  }
  if (!order) {
    await recordAnomaly(deps, `unknown:${paid.outTradeNo}`, 'unknown_order', JSON.stringify(paid))
    await remember('unknown_order')
    return 'anomaly'
  }
  if (paid.totalFen !== order.totalFen || paid.subMchid !== order.subMchid) {
    await recordAnomaly(
      deps,
      `amount:${order._id}`,
      'amount_mismatch',
      `order ${order.totalFen}@${order.subMchid}, WeChat ${paid.totalFen}@${paid.subMchid}`,
    )
    await remember('amount_mismatch')
    return 'anomaly'
  }
  if (order.state !== 'pending_payment') {
    if (order.transactionId !== paid.transactionId) {
      // Closed at WeChat before we closed ours, yet paid: never expected; an operator refunds it.
      await recordAnomaly(
        deps,
        `late:${order._id}`,
        'payment_after_close',
        `order is ${order.state}, transaction ${paid.transactionId}`,
      )
    }
    await remember('already')
    return 'already'
  }
  try {
    await takeTransition(deps, {
      orderId: order._id,
      name: 'pay',
      actor: 'system',
      user: null,
      patch: (_o, now) => ({ transactionId: paid.transactionId, paidAt: now }),
      alsoInTx: async (tx, next) => {
        await postEntry(
          deps,
          paymentEntry(`pay:${next._id}`, next._id, next.totalFen, next.paidAt!),
          tx,
        )
        if (notificationId) {
          await tx.insert(WechatNotifications, {
            _id: notificationId,
            eventType: 'TRANSACTION.SUCCESS',
            key: next._id,
            outcome: 'paid',
            at: next.paidAt!,
          })
        }
      },
    })
    return 'paid'
  } catch (e) {
    // A concurrent duplicate won the race: the order is paid, which is all WeChat needs to hear.
    const now = await loadOrder(deps.store, order._id)
    if (now?.transactionId === paid.transactionId) return 'already'
    throw e
  }
}

/** A queried payment, if it succeeded, applied like a notification without an id. */
export const applyQueriedPayment = async (deps: Deps, queried: PaymentOrder) => {
  if (queried.tradeState !== 'SUCCESS' && queried.tradeState !== 'REFUND') return null
  return applyPayment(deps, { ...queried, transactionId: queried.transactionId ?? '' }, null)
}

/** After the payment sheet closes: ask WeChat now rather than wait for the notification. */
export const syncPayment = async (
  deps: Deps,
  buyer: UserRecord,
  orderId: string,
): Promise<OrderRecord> => {
  const order = await loadOrder(deps.store, orderId)
  if (!order || order.buyerId !== buyer._id) throw new AppError(ErrorCodes.NOT_FOUND, '订单不存在')
  if (order.state !== 'pending_payment' || !order.prepayId) return order
  try {
    await applyQueriedPayment(
      deps,
      await deps.payments.queryOrder({ outTradeNo: order._id, subMchid: order.subMchid }),
    )
  } catch {
    // WeChat unreachable: the notification or the reconciliation job will bring the news.
  }
  return (await loadOrder(deps.store, orderId))!
}

/**
 * Before an unpaid order closes (the buyer gives up, or 15 minutes passed), its payment is closed
 * at WeChat, so nobody can pay after our order says closed. If WeChat says it was paid meanwhile,
 * the payment is applied instead and the answer is 'paid'.
 */
export const closePayment = async (deps: Deps, order: OrderRecord): Promise<'paid' | 'closed'> => {
  if (!order.prepayId) return 'closed'
  const ref = { outTradeNo: order._id, subMchid: order.subMchid }
  try {
    const queried = await deps.payments.queryOrder(ref)
    if (await applyQueriedPayment(deps, queried)) return 'paid'
    if (queried.tradeState !== 'CLOSED') await deps.payments.closeOrder(ref)
  } catch (e) {
    const code = (e as { wechatCode?: string }).wechatCode
    // Never created at WeChat (the prepay answer was lost): nothing to close.
    if (code !== 'ORDER_NOT_EXIST' && code !== 'RESOURCE_NOT_EXISTS') throw paymentUnavailable(e)
  }
  return 'closed'
}
