import { DAY } from '@shared/domain/time'
import {
  BASE,
  SCORE_MAX,
  WEIGHTS,
  accountAgeFactor,
  bayesianStars,
  buyingFactor,
  chatFactor,
  clampScore,
  decayAt,
  disputeFactor,
  identityFactor,
  lateShipmentFactor,
  penaltyFactor,
  ratingsFactor,
  scaled,
  sellerCancelFactor,
  sellingFactor,
  valueWeight,
} from '../domain/credit-formula'
import { foldEvents, pairDiscounted } from '../domain/credit-state'
import { NO_GRAPH, scoreOf } from '../domain/credit-score'
import { computeTrustGraph } from '../domain/trust-graph'
import type { CreditEventFacts } from '../domain/credit-event'

const NOW = Date.UTC(2026, 5, 1)

describe('credit factors', () => {
  it('identity: real name and 开通收款 each count', () => {
    expect(identityFactor(false, false)).toBe(0)
    expect(identityFactor(true, false)).toBe(WEIGHTS.identityPoints)
    expect(identityFactor(true, true)).toBe(WEIGHTS.identityPoints + WEIGHTS.onboardedPoints)
  })

  it('account age grows to its maximum at two years and no further', () => {
    expect(accountAgeFactor(NOW, NOW)).toBe(0)
    expect(accountAgeFactor(NOW - 365 * DAY, NOW)).toBeCloseTo(WEIGHTS.agePoints * Math.SQRT1_2)
    expect(accountAgeFactor(NOW - 730 * DAY, NOW)).toBe(WEIGHTS.agePoints)
    expect(accountAgeFactor(NOW - 3000 * DAY, NOW)).toBe(WEIGHTS.agePoints)
  })

  it('trades saturate: more is better, never past the maximum', () => {
    expect(sellingFactor(0)).toBe(0)
    expect(sellingFactor(10)).toBeGreaterThan(sellingFactor(5))
    expect(sellingFactor(1_000)).toBeLessThanOrEqual(WEIGHTS.sellPoints)
    expect(buyingFactor(10)).toBeLessThan(sellingFactor(10))
  })

  it('very low-value orders count little', () => {
    expect(valueWeight(100)).toBe(0.01)
    expect(valueWeight(1_000)).toBe(0.1)
    expect(valueWeight(10_000)).toBe(1)
    expect(valueWeight(100_000)).toBe(1.5)
    expect(valueWeight(100_000_000)).toBe(2)
  })

  it('ratings: a Bayesian average, so three 5★ do not beat three hundred 4.9★', () => {
    const three = ratingsFactor(15, 3)
    const many = ratingsFactor(300 * 4.9, 300)
    expect(many).toBeGreaterThan(three)
    expect(bayesianStars(0, 0)).toBe(WEIGHTS.ratingPrior)
    expect(ratingsFactor(0, 0)).toBe(0)
    expect(ratingsFactor(1_000, 1_000)).toBe(WEIGHTS.ratingFloor)
  })

  it('late shipments and seller cancellations: a rate that clean trades dilute', () => {
    expect(lateShipmentFactor(0, 10)).toBeCloseTo(0)
    expect(lateShipmentFactor(1, 0)).toBeLessThan(lateShipmentFactor(1, 100))
    expect(lateShipmentFactor(2, 10)).toBeLessThan(lateShipmentFactor(1, 10))
    expect(sellerCancelFactor(1, 10)).toBeLessThan(lateShipmentFactor(1, 10))
  })

  it('disputes lost and penalties always cost', () => {
    expect(disputeFactor(1)).toBe(-WEIGHTS.disputePoints)
    expect(disputeFactor(10)).toBe(-10 * WEIGHTS.disputePoints)
    expect(penaltyFactor(50)).toBe(-50)
    expect(penaltyFactor(-50)).toBeCloseTo(0)
  })

  it('chat: replying to every question adds, ignoring them takes away', () => {
    expect(chatFactor(0, 0)).toBeCloseTo(0)
    expect(chatFactor(100, 100)).toBeGreaterThan(28)
    expect(chatFactor(100_000, 100_000)).toBeCloseTo(WEIGHTS.chatPoints, 1)
    expect(chatFactor(0, 100)).toBe(WEIGHTS.chatFloor)
  })

  it('decay halves a weight every 180 days', () => {
    const at = NOW - 180 * DAY
    expect(scaled(1, at) * decayAt(NOW)).toBeCloseTo(0.5)
    expect(scaled(1, NOW - 360 * DAY) * decayAt(NOW)).toBeCloseTo(0.25)
  })

  it('the positive factors reach exactly the top of the scale', () => {
    const maxPositive =
      WEIGHTS.identityPoints +
      WEIGHTS.onboardedPoints +
      WEIGHTS.agePoints +
      WEIGHTS.sellPoints +
      WEIGHTS.buyPoints +
      (5 - WEIGHTS.ratingPrior) * WEIGHTS.ratingUpPerStar +
      WEIGHTS.chatPoints
    expect(BASE + maxPositive).toBe(SCORE_MAX)
    expect(clampScore(10_000)).toBe(SCORE_MAX)
    expect(clampScore(0)).toBe(350)
  })
})

describe('the pair discount and the trust graph', () => {
  const trade = (
    kind: 'trade_sold' | 'trade_bought',
    partnerId: string,
    i: number,
  ): CreditEventFacts => ({
    kind,
    sourceId: `${partnerId}${i}`,
    at: NOW - DAY,
    partnerId,
    amountFen: 10_000,
  })

  it('the k-th trade with the same account counts 1/k', () => {
    expect(pairDiscounted([1, 1, 1])).toBeCloseTo(1 + 1 / 2 + 1 / 3)
    const samePartner = foldEvents(
      Array.from({ length: 10 }, (_, i) => trade('trade_sold', 'B', i)),
    )
    const tenPartners = foldEvents(
      Array.from({ length: 10 }, (_, i) => trade('trade_sold', `B${i}`, i)),
    )
    const graph = {
      partners: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`B${i}`, 1])),
    }
    const one = scoreOf(samePartner, { createdAt: NOW, now: NOW, graph: { partners: { B: 1 } } })
    const ten = scoreOf(tenPartners, { createdAt: NOW, now: NOW, graph })
    expect(one.totals.effectiveSold).toBeCloseTo(2.93, 1)
    expect(ten.totals.effectiveSold).toBeCloseTo(10, 1)
  })

  it('a closed ring gets no trust and its members count nothing for each other', () => {
    const old = NOW - 400 * DAY
    const ring = ['R1', 'R2', 'R3', 'R4']
    const honest = ['H1', 'H2', 'H3', 'H4', 'H5', 'H6']
    const events = new Map<string, CreditEventFacts[]>()
    const add = (u: string, e: CreditEventFacts) => events.set(u, [...(events.get(u) ?? []), e])
    let n = 0
    const deal = (s: string, b: string) => {
      n++
      add(s, trade('trade_sold', b, n))
      add(b, trade('trade_bought', s, n))
    }
    for (const s of ring) for (const b of ring) if (s !== b) for (let k = 0; k < 5; k++) deal(s, b)
    // Honest users trade in a chain (no triangles), all verified and old: the seed.
    honest.forEach((h, i) => deal(h, honest[(i + 1) % honest.length]))
    const accounts = [...ring, ...honest].map((id) => ({
      id,
      createdAt: old,
      state: foldEvents([
        { kind: 'identity_verified', sourceId: id, at: old },
        ...(events.get(id) ?? []),
      ]),
    }))
    const graph = computeTrustGraph(accounts, NOW)
    for (const r of ring) {
      expect(graph.get(r)!.trust).toBe(0)
      expect(graph.get(r)!.circleShare).toBe(1)
      expect(Object.values(graph.get(r)!.partners).every((w) => w === 0)).toBe(true)
    }
    for (const h of honest) {
      expect(graph.get(h)!.seed).toBe(true)
      expect(graph.get(h)!.trust).toBeGreaterThan(0.5)
    }
  })

  it('accounts sharing a payment identity count nothing for each other', () => {
    const a = foldEvents([trade('trade_sold', 'B', 1)])
    const b = foldEvents([trade('trade_bought', 'A', 1)])
    const graph = computeTrustGraph(
      [
        { id: 'A', createdAt: 0, state: a, group: 'same-id-card' },
        { id: 'B', createdAt: 0, state: b, group: 'same-id-card' },
      ],
      NOW,
    )
    expect(graph.get('A')!.partners.B).toBe(0)
    expect(scoreOf(a, { createdAt: NOW, now: NOW, graph: graph.get('A')! }).points.selling).toBe(0)
    expect(
      scoreOf(a, { createdAt: NOW, now: NOW, graph: NO_GRAPH }).points.selling,
    ).toBeGreaterThan(0)
  })
})
