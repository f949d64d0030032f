/**
 * No wall of one seller or one category: in any run of `window` consecutive listings, at most
 * `perSeller` from one seller and `perCategory` from one top-level category. A feed of one
 * person's twelve books tells the viewer nothing, and even a camera lover browses for what else
 * is nearby.
 */
export interface DiversityCaps {
  window: number
  perSeller: number
  perCategory: number
}

export const DIVERSITY: DiversityCaps = { window: 10, perSeller: 2, perCategory: 4 }

/**
 * Re-orders a ranked list greedily: each place takes the best remaining listing that keeps both
 * caps over the window ending there. When none does (too few sellers or categories are left),
 * the best of those that break the caps least goes next: the caps spread variety, they never
 * hide a listing.
 */
export const diversify = <T extends { sellerId: string; category: string }>(
  ranked: readonly T[],
  limit: number,
  caps: DiversityCaps = DIVERSITY,
): T[] => {
  const out: T[] = []
  const rest = [...ranked]
  while (out.length < limit && rest.length > 0) {
    const recent = out.slice(-(caps.window - 1))
    const excess = (l: T) =>
      Math.max(0, recent.filter((r) => r.sellerId === l.sellerId).length + 1 - caps.perSeller) +
      Math.max(0, recent.filter((r) => r.category === l.category).length + 1 - caps.perCategory)
    let best = 0
    let bestExcess = Number.POSITIVE_INFINITY
    for (let i = 0; i < rest.length && bestExcess > 0; i++) {
      const e = excess(rest[i]!)
      if (e < bestExcess) [best, bestExcess] = [i, e]
    }
    out.push(rest.splice(best, 1)[0]!)
  }
  return out
}

/** The largest count of one key in any window of the list (what the caps bound); for checks. */
export const worstWindow = <T>(list: readonly T[], key: (t: T) => string, window: number) => {
  let worst = 0
  for (let i = 0; i < list.length; i++) {
    const counts = new Map<string, number>()
    for (const t of list.slice(i, i + window)) counts.set(key(t), (counts.get(key(t)) ?? 0) + 1)
    worst = Math.max(worst, ...counts.values())
  }
  return worst
}
