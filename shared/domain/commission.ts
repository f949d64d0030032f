/**
 * The platform's commission on a released order: a rate in basis points with a cap, both from
 * config, rounded down to whole fen so a seller is never charged a fraction more than the rate.
 */
export interface CommissionPolicy {
  /** 100 = 1%. */
  rateBps: number
  capFen: number
}

export const DEFAULT_COMMISSION: CommissionPolicy = { rateBps: 100, capFen: 6_000 }

export const commissionFen = (
  totalFen: number,
  policy: CommissionPolicy = DEFAULT_COMMISSION,
): number => Math.min(policy.capFen, Math.floor((totalFen * policy.rateBps) / 10_000))

/** What the seller receives after commission. */
export const sellerReceivesFen = (
  totalFen: number,
  policy: CommissionPolicy = DEFAULT_COMMISSION,
): number => totalFen - commissionFen(totalFen, policy)
