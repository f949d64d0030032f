import fc from 'fast-check'
import {
  HIDE_THRESHOLD,
  ladderStep,
  PENALTY_LADDER,
  REASON_SEVERITY,
  REPORT_REASONS,
  slaHours,
} from '@shared/domain/report'
import { CREDIT_TIER_KEYS } from '@shared/domain/credit/credit-tiers'
import { flagOpensCase, flagSeverity, type SeverityOfFlag } from '../domain/flag-severity'
import { credibility, triageScore, type TriageReport } from '../domain/triage'

const NEUTRAL = credibility(null)
const neutral = (reason: TriageReport['reason'], n = 1): TriageReport[] =>
  Array.from({ length: n }, () => ({ reason, credibility: NEUTRAL }))
const score = (reports: TriageReport[], openFlags = 0, ownerTier: 'fair' | 'poor' = 'fair') =>
  triageScore({ reports, openFlags, ownerTier })

const reportArb = fc.record({
  reason: fc.constantFrom(...REPORT_REASONS),
  credibility: fc.double({ min: 0, max: 1, noNaN: true }),
})
const inputArb = fc.record({
  reports: fc.array(reportArb, { minLength: 1, maxLength: 30 }),
  openFlags: fc.integer({ min: 0, max: 10 }),
  ownerTier: fc.constantFrom(...CREDIT_TIER_KEYS),
})

describe('reporter credibility', () => {
  it('starts neutral, rises with upheld reports and falls towards 0 for a serial false reporter', () => {
    expect(credibility(null)).toBe(0.5)
    expect(credibility({ upheld: 0, dismissed: 0 })).toBe(0.5)
    expect(credibility({ upheld: 8, dismissed: 0 })).toBeCloseTo(0.9)
    expect(credibility({ upheld: 0, dismissed: 18 })).toBeCloseTo(0.05)
  })

  it('stays strictly between 0 and 1 and moves the right way with each outcome', () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(500), (upheld, dismissed) => {
        const c = credibility({ upheld, dismissed })
        expect(c).toBeGreaterThan(0)
        expect(c).toBeLessThan(1)
        expect(credibility({ upheld: upheld + 1, dismissed })).toBeGreaterThan(c)
        expect(credibility({ upheld, dismissed: dismissed + 1 })).toBeLessThan(c)
      }),
    )
  })
})

describe('triage score', () => {
  it('orders by how grave the reason is', () => {
    const bySeverity = [...REPORT_REASONS].sort((a, b) => REASON_SEVERITY[b] - REASON_SEVERITY[a])
    const scores = bySeverity.map((r) => score(neutral(r)))
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    expect(score(neutral('fraud'))).toBe(REASON_SEVERITY.fraud)
    expect(score(neutral('fraud'))).toBeGreaterThan(score(neutral('spam')))
  })

  it('counts independent reporters with diminishing returns', () => {
    const s = [1, 2, 3, 4, 8, 16, 50].map((n) => score(neutral('fraud', n)))
    expect(s).toEqual([40, 52, 59, 64, 76, 76, 76])
    // Each doubling adds the same, so the tenth reporter adds less than the second.
    expect(s[1]! - s[0]!).toBeGreaterThan(s[2]! - s[1]!)
  })

  it('gives a serial false reporter little weight and a reliable one more', () => {
    const liar = credibility({ upheld: 0, dismissed: 20 })
    const reliable = credibility({ upheld: 20, dismissed: 0 })
    expect(score([{ reason: 'fraud', credibility: liar }])).toBeLessThan(
      score(neutral('fraud')) / 2,
    )
    expect(score([{ reason: 'fraud', credibility: reliable }])).toBeGreaterThan(
      score(neutral('fraud')),
    )
    // Three reports from false reporters weigh less than two from neutral ones.
    const liars = Array.from({ length: 3 }, () => ({ reason: 'fraud' as const, credibility: liar }))
    expect(score(liars)).toBeLessThan(score(neutral('fraud', 2)))
  })

  it('adds open risk flags and the owner’s low credit', () => {
    expect(score(neutral('counterfeit'), 1)).toBe(score(neutral('counterfeit')) + 8)
    expect(score(neutral('counterfeit'), 10)).toBe(score(neutral('counterfeit')) + 24)
    expect(score(neutral('counterfeit'), 0, 'poor')).toBe(score(neutral('counterfeit')) + 20)
    // A fraud report with a flag on a low-credit owner crosses the hide threshold on its own.
    expect(score(neutral('fraud'), 1, 'poor')).toBeGreaterThanOrEqual(HIDE_THRESHOLD)
    expect(score(neutral('fraud'))).toBeLessThan(HIDE_THRESHOLD)
  })

  it('is an integer within 0–100 and never falls when a report, a flag or lower credit is added', () => {
    fc.assert(
      fc.property(inputArb, reportArb, (input, extra) => {
        const s = triageScore(input)
        expect(Number.isInteger(s)).toBe(true)
        expect(s).toBeGreaterThanOrEqual(0)
        expect(s).toBeLessThanOrEqual(100)
        expect(
          triageScore({ ...input, reports: [...input.reports, extra] }),
        ).toBeGreaterThanOrEqual(s)
        expect(triageScore({ ...input, openFlags: input.openFlags + 1 })).toBeGreaterThanOrEqual(s)
        expect(triageScore({ ...input, ownerTier: 'poor' })).toBeGreaterThanOrEqual(s)
      }),
    )
  })

  it('is 0 with no reports, and independent of the order reports came in', () => {
    expect(triageScore({ reports: [], openFlags: 3, ownerTier: 'poor' })).toBe(0)
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(triageScore({ ...input, reports: [...input.reports].reverse() })).toBe(
          triageScore(input),
        )
      }),
    )
  })

  it('gives higher scores a shorter SLA', () => {
    expect(slaHours(HIDE_THRESHOLD)).toBeLessThan(slaHours(40))
    expect(slaHours(40)).toBeLessThan(slaHours(5))
  })
})

describe('penalty ladder', () => {
  it('climbs warn → restrict 7 → suspend 7 → suspend 30 → ban, and the last step repeats', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(ladderStep)).toEqual([
      { action: 'warn', days: null },
      { action: 'restrict', days: 7 },
      { action: 'suspend', days: 7 },
      { action: 'suspend', days: 30 },
      { action: 'ban', days: null },
      { action: 'ban', days: null },
      { action: 'ban', days: null },
    ])
  })

  it('never steps down as offences add up, and treats a negative count as none', () => {
    const rank = (n: number) => PENALTY_LADDER.indexOf(ladderStep(n))
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 50 }), (n) => {
        expect(rank(n + 1)).toBeGreaterThanOrEqual(rank(n))
        expect(rank(n)).toBeGreaterThanOrEqual(0)
      }),
    )
    expect(ladderStep(-3)).toEqual(ladderStep(0))
  })
})

describe('risk flags in triage (a case the risk checks raised)', () => {
  const flag = (over: Partial<SeverityOfFlag> = {}): SeverityOfFlag => ({
    source: 'lexicon',
    action: 'review',
    hits: [],
    wechat: null,
    ...over,
  })

  it('grades a flag on the reasons’ scale, a warning at half', () => {
    expect(flagSeverity(flag({ hits: [{ category: 'contraband' }] }))).toBe(
      REASON_SEVERITY.prohibited,
    )
    expect(flagSeverity(flag({ source: 'listing-risk', risk: 'price' }))).toBe(
      REASON_SEVERITY.counterfeit,
    )
    expect(flagSeverity(flag({ source: 'listing-risk', risk: 'price', action: 'warn' }))).toBe(
      REASON_SEVERITY.counterfeit / 2,
    )
    expect(
      flagSeverity(flag({ source: 'wechat-image', wechat: { suggest: 'risky' } })),
    ).toBeGreaterThan(flagSeverity(flag({ source: 'wechat-image', wechat: { suggest: 'review' } })))
  })

  it('opens cases for held content and listing-risk warnings, not for lexicon warnings', () => {
    expect(flagOpensCase({ action: 'review' })).toBe(true)
    expect(flagOpensCase({ action: 'warn', risk: 'price' })).toBe(true)
    expect(flagOpensCase({ action: 'warn', risk: 'photo-reuse' })).toBe(true)
    expect(flagOpensCase({ action: 'warn' })).toBe(false)
  })

  it('scores a case without reporters from its gravest flag, the flag count and the owner’s credit', () => {
    const held = triageScore({ reports: [], openFlags: 1, flagSeverity: 35, ownerTier: 'fair' })
    expect(held).toBe(35 + 8)
    const advice = triageScore({ reports: [], openFlags: 1, flagSeverity: 15, ownerTier: 'fair' })
    expect(advice).toBeLessThan(held)
    expect(triageScore({ reports: [], openFlags: 1, flagSeverity: 15, ownerTier: 'poor' })).toBe(
      advice + 20,
    )
    // No open flag, no severity: a closed flag weighs nothing.
    expect(triageScore({ reports: [], openFlags: 0, flagSeverity: 35, ownerTier: 'fair' })).toBe(0)
    // A trivial reason does not hide a grave flag; a grave reason still leads.
    expect(
      triageScore({ reports: neutral('spam'), openFlags: 1, flagSeverity: 35, ownerTier: 'fair' }),
    ).toBe(35 + 8)
    expect(
      triageScore({ reports: neutral('fraud'), openFlags: 1, flagSeverity: 35, ownerTier: 'fair' }),
    ).toBe(score(neutral('fraud'), 1))
  })
})
