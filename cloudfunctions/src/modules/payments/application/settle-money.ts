import { isPermanentRefusal } from '../../core/ports/provider-error'
import { ErrorCodes, isAppError } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import {
  claimDeductionEntry,
  compensationEntry,
  refundEntry,
  releaseEntry,
  postEntry,
} from '../../ledger'
import { recordClaimOpened, reserveClaimDeduction, settleClaimDeduction } from '../../fund'
import { enqueue, PermanentJobError, type JobHandler, type JobOutcome } from '../../outbox'
import {
  type OrderRecord,
  type Settlement,
  JOBS,
  orderIdOfRefundNo,
  takeTransition,
  loadOrder,
  updateOrder,
} from '../../order'
import type { RefundStatus } from '../ports/payment-gateway.port'
import { recordAnomaly } from './apply-payment.use-case'
import type { TransactionOps } from '../../core/ports/document-store.port'

/**
 * Carries out the money a transition decided (order.settlement) through WeChat Pay, one outbox job
 * per external key: refund (RF…), release by profit sharing (PS…), 先行赔付 by a platform-advanced
 * refund (CP…). The ledger entry is posted only when WeChat confirms the movement, so at every
 * moment paid = in escrow + released + refunded.
 */

const orderOf = async (
  deps: Deps,
  orderId: string | null,
): Promise<OrderRecord & { settlement: Settlement }> => {
  const order = orderId ? await loadOrder(deps.store, orderId) : null
  if (!order?.settlement) throw new PermanentJobError(`order ${orderId} has nothing to settle`)
  return order as OrderRecord & { settlement: Settlement }
}

/** WeChat refused for good (4xx other than rate limits): retrying the same key cannot help. */
const rethrow = (e: unknown): never => {
  if (isPermanentRefusal(e)) throw new PermanentJobError(`${e.vendorCode}: ${e.message}`)
  throw e
}

const notFound = (e: unknown) =>
  ['RESOURCE_NOT_EXISTS', 'ORDER_NOT_EXIST'].includes(
    (e as { wechatCode?: string }).wechatCode ?? '',
  )

/** Asks for a refund once (a retry first looks it up), then waits for its result. */
const refundJob =
  (
    key: (order: OrderRecord & { settlement: Settlement }) => string,
    amount: (s: Settlement) => number,
    fundsFrom: 'seller' | 'platform_advance',
  ): JobHandler =>
  async (deps, job) => {
    const order = await orderOf(deps, job.orderId)
    const done =
      fundsFrom === 'seller' ? order.settlement.refundDone : order.settlement.compensationDone
    if (done) return 'done'
    const outRefundNo = key(order)
    // A 先行赔付 job of an earlier try (refused, then tried again under a new key) has nothing left to do.
    if (job._id !== outRefundNo) return 'done'
    const ask = () =>
      deps.payments.refund({
        subMchid: order.subMchid,
        outTradeNo: order._id,
        outRefundNo,
        refundFen: amount(order.settlement),
        totalFen: order.totalFen,
        reason: fundsFrom === 'seller' ? '邻圈订单退款' : '邻圈平台先行赔付',
        fundsFrom,
      })
    try {
      if (job.attempts <= 1) await ask()
      const result = await deps.payments
        .queryRefund({ subMchid: order.subMchid, outRefundNo })
        .catch(async (e) => {
          if (!notFound(e)) throw e
          await ask()
          return deps.payments.queryRefund({ subMchid: order.subMchid, outRefundNo })
        })
      return (await applyRefundResult(deps, {
        outRefundNo,
        status: result.status,
        refundFen: result.refundFen,
      }))
        ? 'done'
        : 'again'
    } catch (e) {
      // WeChat refused the 先行赔付 for good: the order goes back to an operator, nothing moved.
      if (fundsFrom === 'platform_advance' && isPermanentRefusal(e)) {
        await refuseCompensation(deps, order._id, `${e.vendorCode}: ${e.message}`)
        return 'done'
      }
      return rethrow(e)
    }
  }

/** compensating → completed, with WeChat's reason in the timeline; an operator may compensate again. */
const refuseCompensation = async (deps: Deps, orderId: string, reason: string) => {
  const order = await orderOf(deps, orderId)
  if (order.state !== 'compensating') return
  await takeTransition(deps, {
    orderId,
    name: 'compensationRefused',
    actor: 'system',
    user: null,
    note: `微信支付拒绝：${reason}`.slice(0, 200),
    patch: (o) => ({
      settlement: { ...o.settlement!, compensationFen: 0, compensationDone: false },
    }),
  })
  await recordAnomaly(
    deps,
    `compensation:${orderId}:${order.settlement.compensationAttempt ?? 1}`,
    'refund_failed',
    `先行赔付 refused: ${reason}`,
  )
}

/**
 * The part of this release that collects the seller's guarantee-fund claim, decided and reserved
 * once, on the first try: every retry then sends WeChat the same body under the same key. A job
 * already past its first try without a decision (sent before claims were collected) collects nothing.
 */
const claimDeductionOf = async (
  deps: Deps,
  order: OrderRecord & { settlement: Settlement },
  firstTry: boolean,
): Promise<number> => {
  if (order.settlement.claimDeductionFen !== undefined) return order.settlement.claimDeductionFen
  if (!firstTry) return 0
  return deps.store.transaction(async (tx) => {
    const o = (await loadOrder(tx, order._id)) as OrderRecord & { settlement: Settlement }
    if (o.settlement.claimDeductionFen !== undefined) return o.settlement.claimDeductionFen
    const fen = await reserveClaimDeduction(deps, tx, {
      sellerId: o.sellerId,
      orderId: o._id,
      sellerPartFen: o.settlement.releaseFen - o.settlement.commissionFen,
    })
    await updateOrder(tx, o, { settlement: { ...o.settlement, claimDeductionFen: fen } })
    return fen
  })
}

const sharingDescription = (commissionFen: number, deductionFen: number) =>
  deductionFen === 0
    ? '邻圈平台服务费'
    : commissionFen === 0
      ? '邻圈先行赔付追偿'
      : '邻圈平台服务费及先行赔付追偿'

/**
 * Profit sharing: the commission (and any claim deduction) to the platform's merchant id — the
 * receiver 平台收付通 adds by default — and finish, so the rest unfreezes to the seller.
 */
const releaseJob: JobHandler = async (deps, job): Promise<JobOutcome> => {
  const order = await orderOf(deps, job.orderId)
  const s = order.settlement
  if (s.releaseDone) return 'done'
  if (s.refundFen > 0 && !s.refundDone) return 'again'
  // A low credit tier's payout hold (the job is queued for then; this guards an early run).
  if (s.releaseNotBefore && deps.clock.now() < s.releaseNotBefore) return 'again'
  const deductionFen = await claimDeductionOf(deps, order, job.attempts <= 1)
  const platformFen = s.commissionFen + deductionFen
  const outOrderNo = JOBS.release.key(order._id)
  const ref = { subMchid: order.subMchid, transactionId: order.transactionId!, outOrderNo }
  try {
    if (platformFen > 0) {
      const create = () =>
        deps.payments.createProfitSharing({
          ...ref,
          receivers: [
            {
              account: deps.escrow.spMchid,
              amountFen: platformFen,
              description: sharingDescription(s.commissionFen, deductionFen),
            },
          ],
          finish: true,
        })
      // A retry looks first: the first call may have gone through even if its answer was lost.
      const sharing =
        job.attempts <= 1
          ? await create()
          : await deps.payments
              .queryProfitSharing(ref)
              .catch((e) => (notFound(e) ? create() : Promise.reject(e)))
      if (sharing.status !== 'FINISHED') return 'again'
    } else {
      await deps.payments.finishProfitSharing({ ...ref, description: '邻圈订单完成' })
    }
  } catch (e) {
    return rethrow(e)
  }
  await applyRelease(deps, order._id)
  return 'done'
}

export const SETTLEMENT_HANDLERS: Record<string, JobHandler> = {
  [JOBS.refund.kind]: refundJob(
    (o) => JOBS.refund.key(o._id),
    (s) => s.refundFen,
    'seller',
  ),
  [JOBS.compensate.kind]: refundJob(
    (o) => JOBS.compensate.key(o._id, o.settlement.compensationAttempt),
    (s) => s.compensationFen,
    'platform_advance',
  ),
  [JOBS.release.kind]: releaseJob,
}

/**
 * The release is confirmed: its ledger entry, the claim deduction's (if any) and received →
 * completed together.
 */
const applyRelease = async (deps: Deps, orderId: string) => {
  const order = await orderOf(deps, orderId)
  if (order.settlement.releaseDone) return
  const s = order.settlement
  const now = deps.clock.now()
  const outOrderNo = JOBS.release.key(orderId)
  const deductionFen = s.claimDeductionFen ?? 0
  const money = async (tx: TransactionOps) => {
    await postEntry(
      deps,
      releaseEntry(
        `release:${outOrderNo}`,
        orderId,
        order.sellerId,
        s.releaseFen,
        s.commissionFen,
        now,
      ),
      tx,
    )
    if (deductionFen === 0) return
    await postEntry(
      deps,
      claimDeductionEntry(`deduction:${outOrderNo}`, orderId, order.sellerId, deductionFen, now),
      tx,
    )
    await settleClaimDeduction(tx, {
      sellerId: order.sellerId,
      orderId,
      amountFen: deductionFen,
      at: now,
    })
  }
  const settled = { settlement: { ...s, releaseDone: true } }
  if (order.state === 'received') {
    await takeTransition(deps, {
      orderId,
      name: 'complete',
      actor: 'system',
      user: null,
      patch: () => settled,
      alsoInTx: money,
    })
  } else {
    await deps.store.transaction(async (tx) => {
      await updateOrder(tx, order, { ...settled })
      await money(tx)
    })
  }
}

/**
 * A refund's result (REFUND.* notification or a query). On SUCCESS the ledger moves the money
 * back to the buyer (from escrow, or from the guarantee fund for 先行赔付) and a partial refund's
 * release may start. Answers whether the refund is settled (true also for a replay).
 */
export const applyRefundResult = async (
  deps: Deps,
  result: { outRefundNo: string; status: RefundStatus; refundFen: number },
): Promise<boolean> => {
  const compensation = result.outRefundNo.startsWith('CP')
  const orderId = orderIdOfRefundNo(result.outRefundNo)
  if (result.status === 'PROCESSING') return false
  if (result.status !== 'SUCCESS') {
    await recordAnomaly(
      deps,
      `refund:${result.outRefundNo}`,
      'refund_failed',
      `${result.outRefundNo} ${result.status}`,
    )
    // A 先行赔付 that WeChat closed will not pay: back to an operator rather than waiting for ever.
    if (compensation && result.status === 'REFUNDCLOSE')
      await refuseCompensation(deps, orderId, `退款单 ${result.status}`)
    return false
  }
  for (let attempt = 0; attempt < 4; attempt++) {
    const order = await orderOf(deps, orderId)
    const s = order.settlement
    if (compensation ? s.compensationDone : s.refundDone) return true
    // A notification for an earlier, refused 先行赔付 try changes nothing.
    if (compensation && result.outRefundNo !== JOBS.compensate.key(orderId, s.compensationAttempt))
      return true
    const expected = compensation ? s.compensationFen : s.refundFen
    if (result.refundFen !== expected) {
      await recordAnomaly(
        deps,
        `refund:${result.outRefundNo}`,
        'refund_mismatch',
        `expected ${expected}, WeChat ${result.refundFen}`,
      )
      return false
    }
    const now = deps.clock.now()
    const entry = compensation
      ? compensationEntry(`comp:${result.outRefundNo}`, orderId, order.sellerId, expected, now)
      : refundEntry(`refund:${result.outRefundNo}`, orderId, expected, now)
    const next: Settlement = compensation
      ? { ...s, compensationDone: true }
      : { ...s, refundDone: true }
    const alsoInTx = async (tx: TransactionOps) => {
      await postEntry(deps, entry, tx)
      if (compensation)
        await recordClaimOpened(tx, {
          sellerId: order.sellerId,
          orderId,
          amountFen: expected,
          at: now,
        })
      await enqueue(tx, {
        key: JOBS.message.key('refund', orderId, now),
        kind: JOBS.message.kind,
        orderId,
        at: now,
      })
    }
    try {
      // 先行赔付 reaches its final state only now that WeChat confirms it.
      if (compensation && order.state === 'compensating') {
        await takeTransition(deps, {
          orderId,
          name: 'compensationPaid',
          actor: 'system',
          user: null,
          patch: () => ({ settlement: next }),
          alsoInTx,
        })
        return true
      }
      await deps.store.transaction(async (tx) => {
        await updateOrder(tx, order, { settlement: next, updatedAt: now })
        await alsoInTx(tx)
        // A partial refund (operator) releases the rest once the refund is through.
        if (!compensation && s.releaseFen > 0 && !s.releaseDone) {
          await enqueue(tx, {
            key: JOBS.release.key(orderId),
            kind: JOBS.release.kind,
            orderId,
            // A low credit tier's payout hold still applies after the refund.
            at: Math.max(now, s.releaseNotBefore ?? now),
          })
        }
      })
      return true
    } catch (e) {
      if (isAppError(e) && e.code === ErrorCodes.CONFLICT) continue
      throw e
    }
  }
  return false
}
