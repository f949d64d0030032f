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

/**
 * The policy for a seller whose credit tier pays `percent` of the normal commission (极好: 50):
 * rate and cap both scaled down and rounded down, so a discount never charges more than the
 * normal policy, and never less than nothing.
 */
export const discountedPolicy = (policy: CommissionPolicy, percent: number): CommissionPolicy => {
  const share = Math.max(0, Math.min(100, Math.floor(percent)))
  return {
    rateBps: Math.floor((policy.rateBps * share) / 100),
    capFen: Math.floor((policy.capFen * share) / 100),
  }
}

/** What the seller receives after commission. */
export const sellerReceivesFen = (
  totalFen: number,
  policy: CommissionPolicy = DEFAULT_COMMISSION,
): number => totalFen - commissionFen(totalFen, policy)
