/**
 * The trust graph, computed on every full run over all accounts' trades:
 *
 * 1. Trading circles. For each account, the share of its (weighted) trades whose other account
 *    also trades with one of its other partners. Honest buyers and sellers meet strangers, so the
 *    share is small; a ring's members trade with each other, so it is close to 1. Trades and
 *    reviews inside the circle count (1 − share)²: a ring with a few real trades outside keeps
 *    those and almost nothing of the ring. (One pass over each account's partners: no label
 *    propagation, which was slow and unstable.)
 * 2. Trust (TrustRank / EigenTrust style): a personalised PageRank that starts from a seed of
 *    long-standing (≥ 180 days), real-name, dispute- and penalty-free accounts with partners
 *    outside any circle, and flows along trades (circle edges carry less). A closed ring has no
 *    edge from the seed, so all it receives is what its few real trades let in: a ring cannot
 *    create trust, only share what outsiders gave it.
 * 3. Accounts known to share a payment identity or device (`group`) are one party: their trades
 *    with each other carry nothing either way.
 *
 * The answer for each account is the weight each partner's trades and reviews carry for it.
 */

import { DAY } from '@shared/domain/time'
import { decayAt } from './credit-formula'
import { pairDiscounted, type CreditState } from './credit-state'
import type { PartnerWeights } from './credit-score'

export const TRUST = {
  /** PageRank's damping: the share of trust passed on along trades at each step. */
  damping: 0.85,
  iterations: 30,
  seedMinAgeMs: 180 * DAY,
  /**
   * A young platform has too few accounts that old: then the oldest accounts that meet the other
   * conditions make up the seed, up to this many (so trust exists from the first night on).
   */
  seedMinCount: 20,
  /** A seed's trades are mostly with strangers. */
  seedMaxCircleShare: 0.5,
  /**
   * Trust is read relative to the typical trading account: at or above this share of the median
   * PageRank an account counts fully, below it in proportion.
   */
  fullTrustOfMedian: 0.2,
} as const

/**
 * What a trade inside an account's circle counts: (1 − share)². Squared so that an account whose
 * trades are 95% in a closed group keeps a quarter of a percent of them, while an honest one with
 * a tenth of its trades among mutual acquaintances keeps 81% of those.
 */
export const circleFactor = (inCircle: boolean, share: number) => (inCircle ? (1 - share) ** 2 : 1)

export interface GraphAccount {
  id: string
  createdAt: number
  state: CreditState
  /** A payment identity or device shared with other accounts (they are one party). */
  group?: string | null
}

export interface GraphResult extends PartnerWeights {
  /** 0–1: how much this account's trades and reviews count for others. */
  trust: number
  /** 0–1: the share of its trades inside its trading circle. */
  circleShare: number
  seed: boolean
}

export const computeTrustGraph = (
  accounts: readonly GraphAccount[],
  now: number,
): Map<string, GraphResult> => {
  const d = decayAt(now)
  const index = new Map(accounts.map((a, i) => [a.id, i]))
  const n = accounts.length
  const sameParty = (a: GraphAccount, b: GraphAccount) => !!a.group && a.group === b.group

  // Weighted, symmetric trade edges from each account's own view of its pairs.
  const partners: number[][] = []
  const weights: number[][] = []
  for (const a of accounts) {
    const pairs = new Map<number, number>()
    for (const side of [a.state.sold, a.state.bought])
      for (const [pid, list] of Object.entries(side)) {
        const j = index.get(pid)
        if (j === undefined || sameParty(a, accounts[j])) continue
        pairs.set(j, (pairs.get(j) ?? 0) + pairDiscounted(list) * d)
      }
    partners.push([...pairs.keys()])
    weights.push([...pairs.values()])
  }
  const partnerSets = partners.map((p) => new Set(p))

  // 1. Circles: partner v of u is in u's circle when v trades with another partner of u.
  const inCircle: boolean[][] = []
  const circleShare = new Float64Array(n)
  for (let u = 0; u < n; u++) {
    const mine = partnerSets[u]
    let inside = 0
    let total = 0
    inCircle.push(
      partners[u].map((v, k) => {
        const theirs = partnerSets[v]
        let shared = false
        const [small, large] = theirs.size < mine.size ? [theirs, mine] : [mine, theirs]
        for (const x of small)
          if (x !== u && x !== v && large.has(x)) {
            shared = true
            break
          }
        total += weights[u][k]
        if (shared) inside += weights[u][k]
        return shared
      }),
    )
    circleShare[u] = total > 0 ? inside / total : 0
  }
  const edgeWeight = (u: number, k: number) =>
    weights[u][k] * circleFactor(inCircle[u][k], circleShare[u])

  // 2. Personalised PageRank from the seed.
  const candidate = accounts.map(
    (a, i) =>
      a.state.verified &&
      a.state.disputes === 0 &&
      a.state.penalties <= 1e-9 &&
      partners[i].length > 0 &&
      circleShare[i] <= TRUST.seedMaxCircleShare,
  )
  const seed = accounts.map((a, i) => candidate[i] && now - a.createdAt >= TRUST.seedMinAgeMs)
  if (seed.filter(Boolean).length < TRUST.seedMinCount)
    accounts
      .map((a, i) => ({ i, createdAt: a.createdAt }))
      .filter(({ i }) => candidate[i])
      .sort((a, b) => a.createdAt - b.createdAt)
      .slice(0, TRUST.seedMinCount)
      .forEach(({ i }) => (seed[i] = true))
  const seedCount = seed.filter(Boolean).length
  const teleport = new Float64Array(n)
  if (seedCount > 0) seed.forEach((s, i) => (teleport[i] = s ? 1 / seedCount : 0))
  const outTotal = partners.map((p, u) => p.reduce((sum, _, k) => sum + edgeWeight(u, k), 0))
  let rank = Float64Array.from(teleport)
  for (let it = 0; it < TRUST.iterations && seedCount > 0; it++) {
    const next = new Float64Array(n)
    let dangling = 0
    for (let u = 0; u < n; u++) {
      const r = rank[u]
      if (r === 0) continue
      if (outTotal[u] <= 0) {
        dangling += r
        continue
      }
      const share = (TRUST.damping * r) / outTotal[u]
      const p = partners[u]
      for (let k = 0; k < p.length; k++) next[p[k]] += share * edgeWeight(u, k)
    }
    const back = 1 - TRUST.damping + TRUST.damping * dangling
    for (let i = 0; i < n; i++) next[i] += back * teleport[i]
    rank = next
  }
  const trading = Array.from(rank)
    .filter((_, i) => partners[i].length > 0)
    .sort((a, b) => a - b)
  const median = trading.length ? trading[Math.floor(trading.length / 2)] : 0
  const full = median * TRUST.fullTrustOfMedian
  const trust = Array.from(rank, (r) => (full > 0 ? Math.min(1, r / full) : 0))

  // 3. What each partner counts for each account.
  const result = new Map<string, GraphResult>()
  accounts.forEach((a, u) => {
    const weightsFor: Record<string, number> = {}
    partners[u].forEach((v, k) => {
      weightsFor[accounts[v].id] = trust[v] * circleFactor(inCircle[u][k], circleShare[u])
    })
    // Partners of the same party were left out of the graph: they count nothing. A reviewer
    // known otherwise (no trade on record) counts by their trust.
    for (const side of [a.state.sold, a.state.bought, a.state.reviews])
      for (const pid of Object.keys(side)) {
        const j = index.get(pid)
        if (j === undefined) continue
        if (sameParty(a, accounts[j])) weightsFor[pid] = 0
        else weightsFor[pid] ??= trust[j]
      }
    result.set(a.id, {
      partners: weightsFor,
      trust: trust[u],
      circleShare: circleShare[u],
      seed: seed[u],
    })
  })
  return result
}
