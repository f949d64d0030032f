import type { TransactionOps } from '../../core/ports/document-store.port'
import type { Deps } from '../../deps'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import { formatFen } from '@shared/domain/money'
import { accountBalance } from '../../ledger'
import { deductionFor, reservedExcept } from '../domain/claim-deduction'
import {
  RECENT_CLAIM_MOVEMENTS,
  SellerClaims,
  type ClaimMovement,
  type SellerClaimRecord,
} from '../domain/seller-claim.record'

/**
 * A seller's guarantee-fund claim: opened when the platform's 先行赔付 is confirmed, collected from
 * the seller's next releases by profit sharing (the deduction travels with the commission to the
 * platform's merchant id), and blocking withdrawals until it is settled.
 */

const owedBy = (deps: Pick<Deps, 'store'>, sellerId: string, tx?: TransactionOps) =>
  accountBalance(deps, `claim:${sellerId}`, tx)

/** Writes the seller's claim record (created on first use); serialised by the caller's transaction. */
const save = async (
  tx: TransactionOps,
  sellerId: string,
  current: SellerClaimRecord | null,
  next: Pick<SellerClaimRecord, 'reserved' | 'recent'>,
  now: number,
) => {
  if (!current) await tx.insert(SellerClaims, { _id: sellerId, ...next, updatedAt: now })
  // Compare-and-set on updatedAt as read, so a CloudBase transaction racing us conflicts.
  else
    await tx.update(
      SellerClaims,
      sellerId,
      { ...next, updatedAt: Math.max(now, current.updatedAt + 1) },
      { expect: { updatedAt: current.updatedAt } },
    )
}

const withMovement = (recent: ClaimMovement[], m: ClaimMovement) =>
  [m, ...recent].slice(0, RECENT_CLAIM_MOVEMENTS)

/** In the 先行赔付's confirming transaction (after its ledger entry): the claim's history line. */
export const recordClaimOpened = async (
  tx: TransactionOps,
  input: { sellerId: string; orderId: string; amountFen: number; at: number },
) => {
  const current = await tx.get(SellerClaims, input.sellerId)
  await save(
    tx,
    input.sellerId,
    current,
    {
      reserved: current?.reserved ?? {},
      recent: withMovement(current?.recent ?? [], { kind: 'claim', ...input }),
    },
    input.at,
  )
}

/**
 * Decides, once per release, how much of it collects the seller's claim, and reserves it so a
 * concurrent release of the same seller cannot collect the same fen. A replay answers the amount
 * already reserved for this order (the profit-sharing call must repeat the same body).
 */
export const reserveClaimDeduction = async (
  deps: Pick<Deps, 'store' | 'clock'>,
  tx: TransactionOps,
  input: { sellerId: string; orderId: string; sellerPartFen: number },
): Promise<number> => {
  const current = await tx.get(SellerClaims, input.sellerId)
  const already = current?.reserved[input.orderId]
  if (already !== undefined) return already
  const owedFen = await owedBy(deps, input.sellerId, tx)
  const fen = deductionFor({
    owedFen,
    reservedElsewhereFen: current ? reservedExcept(current.reserved, input.orderId) : 0,
    sellerPartFen: input.sellerPartFen,
  })
  if (fen > 0)
    await save(
      tx,
      input.sellerId,
      current,
      { reserved: { ...current?.reserved, [input.orderId]: fen }, recent: current?.recent ?? [] },
      deps.clock.now(),
    )
  return fen
}

/** In the release's confirming transaction (after the deduction's ledger entry): the reservation becomes history. */
export const settleClaimDeduction = async (
  tx: TransactionOps,
  input: { sellerId: string; orderId: string; amountFen: number; at: number },
) => {
  const current = await tx.get(SellerClaims, input.sellerId)
  const { [input.orderId]: _settled, ...rest } = current?.reserved ?? {}
  await save(
    tx,
    input.sellerId,
    current,
    {
      reserved: rest,
      recent: withMovement(current?.recent ?? [], { kind: 'deduction', ...input }),
    },
    input.at,
  )
}

export interface SellerClaimView {
  /** Still owed to the guarantee fund. */
  owedFen: number
  /** Part of it that releases in flight are collecting now. */
  collectingFen: number
  recent: ClaimMovement[]
}

/** The seller's claim for the wallet; null when the seller never had one. */
export const sellerClaim = async (
  deps: Pick<Deps, 'store'>,
  sellerId: string,
): Promise<SellerClaimView | null> => {
  const [owedFen, record] = await Promise.all([
    owedBy(deps, sellerId),
    deps.store.get(SellerClaims, sellerId),
  ])
  if (!record && owedFen === 0) return null
  return {
    owedFen,
    collectingFen: record ? reservedExcept(record.reserved, '') : 0,
    recent: record?.recent ?? [],
  }
}

/** Withdrawals wait until the claim is settled: the money may still be needed to repay the fund. */
export const refuseWithOpenClaim = async (
  deps: Pick<Deps, 'store'>,
  sellerId: string,
  tx?: TransactionOps,
) => {
  const owedFen = await owedBy(deps, sellerId, tx)
  if (owedFen > 0)
    throw new AppError(
      ErrorCodes.FUND_CLAIM_UNSETTLED,
      `你有 ${formatFen(owedFen)} 平台先行赔付待追偿，将从后续成交款中扣除，结清前暂不能提现`,
      { owedFen },
    )
}
