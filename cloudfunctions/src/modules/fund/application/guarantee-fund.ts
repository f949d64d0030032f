import type { Deps } from '../../deps'
import { entriesOfKind, type LedgerEntry } from '../../ledger'

const RECENT = 50

export interface FundMovement {
  kind: 'compensation' | 'claim_deduction'
  orderId: string | null
  sellerId: string | null
  /** Into the fund (+, a deduction) or out of it (−, a 先行赔付). */
  amountFen: number
  at: number
}

export interface GuaranteeFundView {
  /** Net of the fund since it started: collected less paid out (negative while claims are open). */
  balanceFen: number
  paidOutFen: number
  collectedFen: number
  /** Claims on sellers not yet collected. */
  openClaimsFen: number
  movements: FundMovement[]
}

const movementOf = (e: LedgerEntry): FundMovement => {
  const fund = e.lines.find((l) => l.account === 'platform:guarantee')?.amountFen ?? 0
  const claim = e.lines.find((l) => l.account.startsWith('claim:'))?.account
  return {
    kind: e.kind as FundMovement['kind'],
    orderId: e.orderId,
    sellerId: claim ? claim.slice('claim:'.length) : null,
    amountFen: fund,
    at: e.at,
  }
}

/** Operators: the guarantee fund's figures and latest movements, summed from the ledger. */
export const guaranteeFund = async (deps: Pick<Deps, 'store'>): Promise<GuaranteeFundView> => {
  const [paid, collected] = await Promise.all([
    entriesOfKind(deps, 'compensation'),
    entriesOfKind(deps, 'claim_deduction'),
  ])
  const sum = (es: LedgerEntry[], account: string) =>
    es.flatMap((e) => e.lines).reduce((s, l) => (l.account === account ? s + l.amountFen : s), 0)
  // `0 -` rather than unary minus: no -0 before the first movement.
  const paidOutFen = 0 - sum(paid, 'platform:guarantee')
  const collectedFen = sum(collected, 'platform:guarantee')
  return {
    balanceFen: collectedFen - paidOutFen,
    paidOutFen,
    collectedFen,
    openClaimsFen: 0 - (sum(paid, 'claims:open') + sum(collected, 'claims:open')),
    movements: [...paid, ...collected]
      .sort((a, b) => b.at - a.at)
      .slice(0, RECENT)
      .map(movementOf),
  }
}
