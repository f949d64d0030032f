import { updateIfUnchanged } from '../../core'
import { isPermanentRefusal } from '../../core/ports/provider-error'
import type { Wallet, WithdrawalView } from '@shared/contracts/merchant.contract'
import { WITHDRAWAL_LABELS } from '@shared/domain/merchant'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { assertUnrestricted } from '../../user'
import { PaymentGatewayError } from '../../payments/ports/payment-gateway.port'
import { accountBalance, postEntry, withdrawalEntry } from '../../ledger'
import { refuseWithOpenClaim, sellerClaim } from '../../fund'
import {
  Merchants,
  Withdrawals,
  withdrawalId,
  type WithdrawalRecord,
} from '../domain/merchant.records'

const RECENT_WITHDRAWALS = 20

const toView = (w: WithdrawalRecord): WithdrawalView => ({
  id: w._id.slice(w._id.indexOf(':') + 1),
  amountFen: w.amountFen,
  status: w.status,
  statusLabel: WITHDRAWAL_LABELS[w.status],
  reason: w.reason,
  createdAt: w.createdAt,
})

/** The seller's three figures and recent withdrawals; withdrawals WeChat has not settled are asked about first. */
export const wallet = async (deps: Deps, userId: string): Promise<Wallet> => {
  const recent = await deps.store.find(
    Withdrawals,
    { userId },
    { orderBy: { field: 'createdAt', direction: 'desc' }, limit: RECENT_WITHDRAWALS },
  )
  for (const w of recent.items
    .filter((x) => x.status === 'pending' || x.status === 'accepted')
    .slice(0, 5)) {
    await settleWithdrawal(deps, w).catch(() => undefined)
  }
  const [merchant, escrow, balance, withdrawn, after, claim] = await Promise.all([
    deps.store.get(Merchants, userId),
    deps.hooks.escrowHeldFor(deps, userId),
    accountBalance(deps, `seller:${userId}`),
    accountBalance(deps, `withdrawn:${userId}`),
    deps.store.find(
      Withdrawals,
      { userId },
      { orderBy: { field: 'createdAt', direction: 'desc' }, limit: RECENT_WITHDRAWALS },
    ),
    sellerClaim(deps, userId),
  ])
  return {
    onboarded: merchant?.state === 'FINISH',
    inEscrowFen: escrow,
    availableFen: Math.max(0, balance - (merchant?.withdrawPendingFen ?? 0)),
    withdrawnFen: withdrawn,
    bankAccount:
      merchant?.state === 'FINISH'
        ? `${merchant.form.accountBank} ${merchant.masked.accountNumber}`
        : null,
    withdrawals: after.items.map(toView),
    claim,
  }
}

/**
 * Withdraws to the seller's bank card. The amount is reserved on the merchant record and the
 * withdrawal saved (with its out_request_no) in one transaction before WeChat is called, so a
 * concurrent second tap sees less available and a retry of the same tap reuses the same key.
 */
export const withdraw = async (
  deps: Deps,
  userId: string,
  amountFen: number,
  requestKey: string,
): Promise<WithdrawalView> => {
  const id = withdrawalId(userId, requestKey)
  const existing = await deps.store.get(Withdrawals, id)
  if (existing) {
    if (existing.amountFen !== amountFen)
      throw new AppError(ErrorCodes.CONFLICT, '同一笔提现的金额不一致')
    return toView(existing.status === 'pending' ? await sendWithdrawal(deps, existing) : existing)
  }
  // Refuses early, before the transaction.
  await assertUnrestricted(deps, userId, 'withdraw')
  const merchant = await deps.store.get(Merchants, userId)
  if (!merchant || merchant.state !== 'FINISH')
    throw new AppError(ErrorCodes.MERCHANT_NOT_ONBOARDED)
  await refuseWithOpenClaim(deps, userId)
  const record = await deps.store.transaction(async (tx) => {
    const m = await tx.get(Merchants, userId)
    if (!m || m.state !== 'FINISH' || !m.subMchid)
      throw new AppError(ErrorCodes.MERCHANT_NOT_ONBOARDED)
    // Again inside: a 先行赔付 confirmed meanwhile holds the money back too.
    await refuseWithOpenClaim(deps, userId, tx)
    const balance = await accountBalance(deps, `seller:${userId}`, tx)
    if (amountFen > balance - m.withdrawPendingFen)
      throw new AppError(ErrorCodes.MERCHANT_INSUFFICIENT_BALANCE)
    const now = deps.clock.now()
    const w: WithdrawalRecord = {
      _id: id,
      userId,
      subMchid: m.subMchid,
      outRequestNo: `LQWD${deps.ids.next()}`,
      amountFen,
      status: 'pending',
      withdrawId: null,
      reason: null,
      createdAt: now,
      updatedAt: now,
    }
    await tx.insert(Withdrawals, w)
    await updateIfUnchanged(tx, Merchants, userId, m, {
      withdrawPendingFen: m.withdrawPendingFen + amountFen,
    })
    return w
  })
  return toView(await sendWithdrawal(deps, record))
}

/** Calls WeChat for a pending withdrawal; accepted → ledger entry, refused → failed, unknown → stays pending. */
const sendWithdrawal = async (deps: Deps, w: WithdrawalRecord): Promise<WithdrawalRecord> => {
  try {
    const res = await deps.payments.withdraw({
      subMchid: w.subMchid,
      outRequestNo: w.outRequestNo,
      amountFen: w.amountFen,
      remark: '邻圈提现',
    })
    return await settle(deps, w, 'accepted', res.withdrawId, null)
  } catch (e) {
    if (isPermanentRefusal(e)) {
      return settle(
        deps,
        w,
        'failed',
        null,
        e.vendorCode === 'NOT_ENOUGH' ? '微信支付账户可用余额不足' : e.message,
      )
    }
    if (e instanceof AppError) throw e
    throw new AppError(
      ErrorCodes.MERCHANT_GATEWAY_FAILED,
      undefined,
      e instanceof PaymentGatewayError ? { wechatCode: e.wechatCode } : undefined,
    )
  }
}

/**
 * Moves a pending withdrawal to its outcome once: the ledger entry (keyed by out_request_no) and
 * the release of the reservation land in the same transaction as the status change.
 */
const settle = async (
  deps: Deps,
  w: WithdrawalRecord,
  status: 'accepted' | 'failed',
  withdrawId: string | null,
  reason: string | null,
): Promise<WithdrawalRecord> =>
  deps.store.transaction(async (tx) => {
    const current = await tx.get(Withdrawals, w._id)
    if (!current || current.status !== 'pending') return current ?? w
    const now = deps.clock.now()
    const m = await tx.get(Merchants, w.userId)
    if (m) {
      await updateIfUnchanged(tx, Merchants, w.userId, m, {
        withdrawPendingFen: Math.max(0, m.withdrawPendingFen - w.amountFen),
      })
    }
    if (status === 'accepted')
      await postEntry(deps, withdrawalEntry(w.outRequestNo, w.userId, w.amountFen, now), tx)
    return tx.update(
      Withdrawals,
      w._id,
      { status, withdrawId, reason, updatedAt: now },
      { expect: { status: 'pending' } },
    )
  })

/** Asks WeChat how a pending or accepted withdrawal ended. */
const settleWithdrawal = async (deps: Deps, w: WithdrawalRecord) => {
  if (w.status === 'pending') return sendWithdrawal(deps, w)
  const q = await deps.payments.queryWithdraw({
    subMchid: w.subMchid,
    outRequestNo: w.outRequestNo,
  })
  if (q.status === 'SUCCESS') {
    await deps.store.update(
      Withdrawals,
      w._id,
      { status: 'succeeded', updatedAt: deps.clock.now() },
      { expect: { status: 'accepted' } },
    )
  }
  // FAIL/REFUND after acceptance (the bank bounced it) needs a reversing entry: left to operators for now.
  return w
}
