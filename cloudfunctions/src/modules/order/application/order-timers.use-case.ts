import { updateIfUnchanged } from '../../core'
import { ErrorCodes, isAppError } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { loadDefaultAddress, sealShippingAddress } from '../../address'
import { enqueue } from '../../outbox'
import { JOBS } from '../domain/order-job-keys'
import { Orders, type OrderRecord } from '../domain/order.record'
import { closeUnpaid } from './close-unpaid'
import { writeReminder } from './order-notices'
import { takeTransition } from './take-transition'

const BATCH = 200

/** Orders whose timer or reminder time has come, earliest first, a batch at a time. */
const dueOrders = async (deps: Deps, field: 'dueAt' | 'remindAt', now: number) =>
  (
    await deps.store.find(
      Orders,
      { [field]: { $lte: now } },
      {
        orderBy: { field, direction: 'asc' },
        limit: BATCH,
      },
    )
  ).items.filter((o) => o[field] !== null && o[field] <= now)

/** Fires one due timer as the system; a timer that lost a race to a person changes nothing. */
const fire = async (deps: Deps, order: OrderRecord) => {
  try {
    if (order.dueTransition === 'expire') await closeUnpaid(deps, order, { name: 'expire' })
    else if (order.dueTransition === 'autoAgreeReturn') {
      // A silent seller's return goes to their default address (the buyer is asked to contact them when there is none).
      const chosen = await loadDefaultAddress(deps, order.sellerId)
      const returnAddress = chosen && sealShippingAddress(deps, chosen)
      await takeTransition(deps, {
        orderId: order._id,
        name: 'autoAgreeReturn',
        actor: 'system',
        user: null,
        patch: (o) => ({ refund: o.refund && { ...o.refund, returnAddress } }),
      })
    } else if (order.dueTransition)
      await takeTransition(deps, {
        orderId: order._id,
        name: order.dueTransition,
        actor: 'system',
        user: null,
      })
    return true
  } catch (e) {
    if (isAppError(e) && e.code === ErrorCodes.ORDER_WRONG_STATE) return false
    if (isAppError(e) && e.code === ErrorCodes.ORDER_PAYMENT_UNAVAILABLE) return false // WeChat down: next sweep
    throw e
  }
}

/**
 * The order timers (cron, every minute): unpaid orders close, unshipped ones are cancelled and
 * refunded, silent buyers confirm, delivered returns count as received. Each fires once: the
 * transition moves the deadline on, and compare-and-set stops a second sweep.
 */
export const fireDueTimers = async (deps: Deps) => {
  const now = deps.clock.now()
  let fired = 0
  for (const order of await dueOrders(deps, 'dueAt', now)) {
    if (await fire(deps, order)) fired++
  }
  return fired
}

/** Reminders before each timer (消息): once per deadline, marked by clearing `remindAt`. */
export const sendDueReminders = async (deps: Deps) => {
  const now = deps.clock.now()
  let sent = 0
  for (const order of await dueOrders(deps, 'remindAt', now)) {
    try {
      await deps.store.transaction(async (tx) => {
        await updateIfUnchanged(tx, Orders, order._id, order, { remindAt: null })
        await writeReminder(tx, order, now)
        if (order.dueTransition === 'autoConfirm') {
          await enqueue(tx, {
            key: JOBS.message.key('autoReceiveReminder', order._id, now),
            kind: JOBS.message.kind,
            orderId: order._id,
            at: now,
          })
        }
      })
      sent++
    } catch (e) {
      if (!(isAppError(e) && e.code === ErrorCodes.CONFLICT)) throw e
    }
  }
  return sent
}

/** The order's share of the cron job: timers and reminders (modules/housekeeping.ts adds the rest). */
export const orderTimers = async (deps: Deps) => ({
  fired: await fireDueTimers(deps),
  reminded: await sendDueReminders(deps),
})
