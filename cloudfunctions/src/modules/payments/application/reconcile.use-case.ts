import { ReconciliationReportRecord, ReconciliationReports } from '../domain/payment.record'
import { chinaDay } from '@shared/domain/listing-lifecycle'
import type { Deps } from '../../deps'
import { accountBalance } from '../../ledger'
import { pageOfOrders, type OrderRecord } from '../../order'
import { applyQueriedPayment, recordAnomaly } from './apply-payment.use-case'

/** Unpaid orders older than this are asked about: their notification may have been lost. */
const STUCK_AFTER_MS = 2 * 60_000

/**
 * Payments whose notification never came (dropped, or our endpoint was down): query WeChat for
 * unpaid orders a little while after checkout, and apply what it says. Refunds and profit
 * sharing repair themselves: their outbox jobs query until WeChat reports the outcome.
 */
export const reconcileStuckPayments = async (deps: Deps) => {
  const now = deps.clock.now()
  let repaired = 0
  let cursor: string | undefined
  do {
    const page = await pageOfOrders(deps, 'pending_payment', cursor)
    for (const order of page.items) {
      if (!order.prepayId || now - order.createdAt < STUCK_AFTER_MS) continue
      try {
        const outcome = await applyQueriedPayment(
          deps,
          await deps.payments.queryOrder({ outTradeNo: order._id, subMchid: order.subMchid }),
        )
        if (outcome === 'paid') repaired++
      } catch {
        // WeChat unreachable for this one: the next run asks again.
      }
    }
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return repaired
}

/**
 * Daily: for every seller with orders, what our ledger says is frozen (escrow of their orders)
 * and available (released, minus withdrawals) against the sub-merchant balance WeChat reports.
 * Mismatches become anomalies for operators; nothing is "fixed" automatically.
 */
export const compareBooks = async (deps: Deps) => {
  const sellers = new Map<string, { sellerId: string; frozen: number }>()
  let cursor: string | undefined
  do {
    const page = await pageOfOrders(deps, null, cursor)
    for (const order of page.items as OrderRecord[]) {
      const s = sellers.get(order.subMchid) ?? { sellerId: order.sellerId, frozen: 0 }
      s.frozen += await accountBalance(deps, `escrow:${order._id}`)
      sellers.set(order.subMchid, s)
    }
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  const mismatches: ReconciliationReportRecord['mismatches'] = []
  for (const [subMchid, s] of sellers) {
    const ledger = {
      frozen: s.frozen,
      available: await accountBalance(deps, `seller:${s.sellerId}`),
    }
    const balance = await deps.payments.balance(subMchid)
    const wechat = { frozen: balance.pendingFen, available: balance.availableFen }
    if (ledger.frozen !== wechat.frozen || ledger.available !== wechat.available) {
      mismatches.push({ subMchid, ledger, wechat })
      await recordAnomaly(
        deps,
        `books:${chinaDay(deps.clock.now())}:${subMchid}`,
        'books_mismatch',
        JSON.stringify({ ledger, wechat }),
      )
    }
  }
  const report: ReconciliationReportRecord = {
    _id: `day-${chinaDay(deps.clock.now())}`,
    at: deps.clock.now(),
    sellers: sellers.size,
    mismatches,
  }
  if (await deps.store.get(ReconciliationReports, report._id))
    await deps.store.update(ReconciliationReports, report._id, report)
  else await deps.store.insert(ReconciliationReports, report)
  return { sellers: sellers.size, mismatches: mismatches.length }
}
