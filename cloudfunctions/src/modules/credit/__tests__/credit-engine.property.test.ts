import fc from 'fast-check'
import { DAY } from '@shared/domain/time'
import type { CreditEventFacts } from '../domain/credit-event'
import { applyEvent, emptyState, foldEvents } from '../domain/credit-state'
import { scoreOf, type PartnerWeights } from '../domain/credit-score'

const T0 = Date.UTC(2026, 0, 1)
const NOW = T0 + 200 * DAY
const PARTNERS = ['P1', 'P2', 'P3', 'P4', 'P5']

const eventArb: fc.Arbitrary<CreditEventFacts> = fc
  .record({
    kind: fc.constantFrom(
      'trade_sold',
      'trade_bought',
      'review_received',
      'dispute_lost',
      'seller_cancel',
      'late_shipment',
      'identity_verified',
      'seller_onboarded',
      'chat_replies',
      'penalty',
    ),
    at: fc.integer({ min: T0, max: NOW }),
    partnerId: fc.constantFrom(...PARTNERS),
    amountFen: fc.integer({ min: 1, max: 500_000 }),
    stars: fc.integer({ min: 1, max: 5 }),
    asked: fc.integer({ min: 0, max: 20 }),
    answered: fc.integer({ min: 0, max: 20 }),
    points: fc.integer({ min: 0, max: 100 }),
    share: fc.constantFrom(0.5, 1),
    sourceId: fc.string({ minLength: 1, maxLength: 8 }),
  })
  .map((e) => e as CreditEventFacts)

const graphArb: fc.Arbitrary<PartnerWeights> = fc
  .tuple(...PARTNERS.map(() => fc.double({ min: 0, max: 1, noNaN: true })))
  .map((ws) => ({ partners: Object.fromEntries(PARTNERS.map((p, i) => [p, ws[i]])) }))

const ctx = (graph: PartnerWeights) => ({ createdAt: T0 - 100 * DAY, now: NOW, graph })

describe('credit engine properties', () => {
  it('a penalty and its overturn (negative points, dated as the penalty) cancel out, in any order', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 30 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: T0, max: NOW }),
        graphArb,
        (events, points, at, graph) => {
          const penalty: CreditEventFacts = { kind: 'penalty', sourceId: 'd', at, points }
          const undo: CreditEventFacts = { ...penalty, sourceId: 'd:overturned', points: -points }
          const without = scoreOf(foldEvents(events), ctx(graph))
          const withBoth = scoreOf(foldEvents([undo, ...events, penalty]), ctx(graph))
          expect(withBoth.score).toBe(without.score)
          expect(withBoth.points.penalties).toBeCloseTo(without.points.penalties, 9)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('incremental (one stored event at a time) equals the full fold, in any order', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 60 }), graphArb, (events, graph) => {
        let stored = JSON.stringify(emptyState())
        for (const e of events) stored = JSON.stringify(applyEvent(JSON.parse(stored), e))
        const incremental = scoreOf(JSON.parse(stored), ctx(graph))
        const full = scoreOf(foldEvents(events), ctx(graph))
        const shuffled = scoreOf(foldEvents([...events].reverse()), ctx(graph))
        expect(incremental.score).toBe(full.score)
        expect(incremental.tier).toBe(full.tier)
        expect(shuffled.score).toBe(full.score)
        for (const [k, v] of Object.entries(full.points))
          expect(incremental.points[k as keyof typeof full.points]).toBeCloseTo(v, 9)
      }),
      { numRuns: 300 },
    )
  })

  it('a good event (a completed trade, a 5★ review, real name, a reply) never lowers the score', () => {
    const goodArb = fc.record({
      kind: fc.constantFrom(
        'trade_sold',
        'trade_bought',
        'review_received',
        'identity_verified',
        'seller_onboarded',
        'chat_replies',
      ),
      partnerId: fc.constantFrom(...PARTNERS),
      amountFen: fc.integer({ min: 1, max: 500_000 }),
      asked: fc.integer({ min: 1, max: 10 }),
    })
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 60 }), goodArb, graphArb, (events, g, graph) => {
        // The new event happens now, after everything before it.
        const good: CreditEventFacts = {
          ...g,
          sourceId: 'new',
          at: NOW,
          stars: 5,
          answered: g.asked,
        }
        const before = scoreOf(foldEvents(events), ctx(graph))
        const after = scoreOf(foldEvents([...events, good]), ctx(graph))
        expect(after.score).toBeGreaterThanOrEqual(before.score)
        const sum = (b: typeof before) => Object.values(b.points).reduce((a, c) => a + c, 0)
        expect(sum(after)).toBeGreaterThanOrEqual(sum(before) - 1e-9)
      }),
      { numRuns: 400 },
    )
  })

  it('a lost dispute always lowers the score (unless it is already at the floor)', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 60 }), graphArb, (events, graph) => {
        const lost: CreditEventFacts = {
          kind: 'dispute_lost',
          sourceId: 'new',
          at: NOW,
          share: 1,
          partnerId: 'P1',
        }
        const before = scoreOf(foldEvents(events), ctx(graph))
        const after = scoreOf(foldEvents([...events, lost]), ctx(graph))
        if (before.score > 350) expect(after.score).toBeLessThan(before.score)
        else expect(after.score).toBe(350)
      }),
      { numRuns: 400 },
    )
  })
})
