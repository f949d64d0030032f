import fc from 'fast-check'
import { DAY } from '@shared/domain/time'
import {
  freshness,
  MATCH_WEIGHTS,
  nearness,
  rankScore,
  type RankSignals,
  TERM_WEIGHTS,
  textScore,
} from '../domain/search-ranking'

const signals = (over: Partial<RankSignals> = {}): RankSignals => ({
  text: 1,
  inQueryCategory: null,
  ageMs: 0,
  distanceMeters: null,
  quality: null,
  sellerCredit: null,
  ...over,
})

const contextArb = fc.record({
  inQueryCategory: fc.constantFrom(true, false, null),
  ageMs: fc.integer({ min: 0, max: 365 * DAY }),
  distanceMeters: fc.option(fc.integer({ min: 0, max: 50_000 })),
  quality: fc.option(fc.integer({ min: 0, max: 100 })),
  sellerCredit: fc.constant(null),
})

describe('relevance ranking', () => {
  it('scores the best alternative of each clause, weighted by where the listing holds it', () => {
    const weights: Record<string, number> = {
      耳机: TERM_WEIGHTS.category,
      '§earphones': TERM_WEIGHTS.titleGroup,
    }
    const clause = {
      alternatives: [
        { token: '耳机', weight: MATCH_WEIGHTS.exact },
        { token: '§earphones', weight: MATCH_WEIGHTS.synonym },
      ],
    }
    const at = (t: string) => weights[t] ?? null
    expect(textScore([clause], at)).toBeCloseTo(0.9 * 0.95)
    // A term the listing holds only in its description (no stored weight) counts as description.
    expect(textScore([{ alternatives: [{ token: '送耳机', weight: 1 }] }], at)).toBe(
      TERM_WEIGHTS.description,
    )
    expect(textScore([clause, { alternatives: [{ token: '索尼', weight: 1 }] }], at)).toBeCloseTo(
      (0.855 + 0.35) / 2,
    )
  })

  it('keeps the order of fields whatever the context: title, then category, then description', () => {
    fc.assert(
      fc.property(contextArb, contextArb, (a, b) => {
        const title = rankScore({ ...a, text: TERM_WEIGHTS.titleGroup * MATCH_WEIGHTS.synonym })
        const body = rankScore({ ...b, text: TERM_WEIGHTS.description })
        expect(title).toBeGreaterThan(body)
        // The context moves a score within 60–100% of its text (70% of it outside the query's category).
        const s = rankScore({ ...a, text: 0.5 })
        expect(s).toBeLessThanOrEqual(0.5 + 1e-12)
        expect(s).toBeGreaterThanOrEqual(0.5 * 0.7 * 0.6 - 1e-12)
      }),
    )
  })

  it('prefers the fresh, the near, the well described and listings in the category asked for', () => {
    expect(rankScore(signals({ ageMs: DAY }))).toBeGreaterThan(
      rankScore(signals({ ageMs: 9 * DAY })),
    )
    expect(rankScore(signals({ distanceMeters: 500 }))).toBeGreaterThan(
      rankScore(signals({ distanceMeters: 8_000 })),
    )
    expect(rankScore(signals({ quality: 90 }))).toBeGreaterThan(rankScore(signals({ quality: 40 })))
    expect(rankScore(signals({ inQueryCategory: true }))).toBeGreaterThan(
      rankScore(signals({ inQueryCategory: false })),
    )
    expect(freshness(7 * DAY)).toBeCloseTo(0.5)
    expect(nearness(3_000)).toBeCloseTo(0.5)
  })

  it('leaves seller credit out until a score exists, and counts it once it does', () => {
    expect(rankScore(signals({ quality: 60, sellerCredit: null }))).toBe(
      rankScore(signals({ quality: 60 })),
    )
    expect(rankScore(signals({ quality: 60, sellerCredit: 1 }))).toBeGreaterThan(
      rankScore(signals({ quality: 60, sellerCredit: 0 })),
    )
  })
})
