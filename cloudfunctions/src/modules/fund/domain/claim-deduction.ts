/**
 * How much of a release goes to the guarantee fund: what the seller still owes, less what other
 * releases in flight already took, and never more than the seller's own part of this release
 * (the release after commission). Whole fen, never negative.
 */
export const deductionFor = (input: {
  owedFen: number
  reservedElsewhereFen: number
  sellerPartFen: number
}): number => Math.max(0, Math.min(input.owedFen - input.reservedElsewhereFen, input.sellerPartFen))

export const reservedExcept = (reserved: Record<string, number>, orderId: string) =>
  Object.entries(reserved).reduce((s, [id, fen]) => (id === orderId ? s : s + fen), 0)
