import fc from 'fast-check'
import type { RateLimitDecision, RateLimiter, RateLimitRule } from '../ports/rate-limiter.port'

/** What a contract run needs: a limiter, the clock it reads (moved by hand), and a way to count stored windows. */
export interface RateLimiterHarness {
  limiter: RateLimiter
  clock: { now(): number; set(at: number): void; advance(ms: number): void }
  /** How many window documents are stored now (to see what `sweep` removed). */
  storedWindows(): Promise<number>
  close(): void
}

const MIN = 60_000
const T0 = Date.UTC(2026, 10, 24, 4, 0, 0) // a whole minute, hour and UTC day
const fixed: RateLimitRule = { name: 'c-fixed', limit: 5, windowMs: MIN, kind: 'fixed' }
const sliding: RateLimitRule = { name: 'c-sliding', limit: 10, windowMs: MIN, kind: 'sliding' }

/**
 * The behaviour every RateLimiter adapter must share. Run it against each one that can run here
 * (the DocumentStore adapter on SQLite now; on the CloudBase store when it exists).
 */
export const rateLimiterContract = (name: string, open: () => RateLimiterHarness) => {
  describe(`RateLimiter contract: ${name}`, () => {
    let h: RateLimiterHarness
    beforeEach(() => {
      h = open()
      h.clock.set(T0)
    })
    afterEach(() => h.close())

    const hits = async (rule: RateLimitRule, key: string, n: number, cost = 1) => {
      const out: RateLimitDecision[] = []
      for (let i = 0; i < n; i++) out.push(await h.limiter.hit(rule, key, cost))
      return out
    }
    /** Whether each of `n` hits was allowed. */
    const allowed = async (rule: RateLimitRule, key: string, n: number) =>
      (await hits(rule, key, n)).map((d) => d.allowed)
    /** Six hits on the 5-a-minute rule in one window. */
    const FIVE_THEN_REFUSED = [true, true, true, true, true, false]

    describe('fixed windows', () => {
      it('allows the limit per window, counting down, then refuses until the window ends', async () => {
        const first = await hits(fixed, 'k', 5)
        expect(first.map((d) => [d.allowed, d.remaining, d.retryAfterMs])).toEqual([
          [true, 4, 0],
          [true, 3, 0],
          [true, 2, 0],
          [true, 1, 0],
          [true, 0, 0],
        ])
        h.clock.advance(20_000)
        expect(await h.limiter.hit(fixed, 'k')).toEqual({
          allowed: false,
          remaining: 0,
          retryAfterMs: 40_000,
        })
        h.clock.advance(39_999)
        expect((await h.limiter.hit(fixed, 'k')).allowed).toBe(false)
        h.clock.advance(1)
        expect(await h.limiter.hit(fixed, 'k')).toEqual({
          allowed: true,
          remaining: 4,
          retryAfterMs: 0,
        })
      })

      it('resets at the boundary, however the hits were spread: a burst may straddle it', async () => {
        h.clock.set(T0 + MIN - 1)
        expect(await allowed(fixed, 'k', 6)).toEqual(FIVE_THEN_REFUSED)
        h.clock.advance(1)
        expect(await allowed(fixed, 'k', 6)).toEqual(FIVE_THEN_REFUSED)
      })

      it('keeps keys and rules apart', async () => {
        await hits(fixed, 'a', 5)
        expect((await h.limiter.hit(fixed, 'a')).allowed).toBe(false)
        expect((await h.limiter.hit(fixed, 'b')).allowed).toBe(true)
        expect((await h.limiter.hit({ ...fixed, name: 'c-other' }, 'a')).allowed).toBe(true)
      })

      it('starts windows at the offset: days in China time', async () => {
        const day: RateLimitRule = {
          name: 'c-day',
          limit: 2,
          windowMs: 86_400_000,
          kind: 'fixed',
          offsetMs: -8 * 3_600_000,
        }
        const chinaMidnight = Date.UTC(2026, 10, 24, 16, 0, 0) // 00:00 on the 25th in Beijing
        h.clock.set(chinaMidnight - 10_000)
        expect((await hits(day, 'u', 3)).map((d) => d.allowed)).toEqual([true, true, false])
        expect((await h.limiter.peek(day, 'u')).retryAfterMs).toBe(10_000)
        h.clock.set(chinaMidnight)
        expect((await hits(day, 'u', 3)).map((d) => d.allowed)).toEqual([true, true, false])
      })
    })

    describe('sliding windows', () => {
      it('weighs the previous window by how much of it still overlaps', async () => {
        await hits(sliding, 'k', 10) // all at the start of window 0
        h.clock.set(T0 + MIN + 30_000) // half-way through window 1: 10 × ½ = 5 still count
        expect((await hits(sliding, 'k', 6)).map((d) => [d.allowed, d.remaining])).toEqual([
          [true, 4],
          [true, 3],
          [true, 2],
          [true, 1],
          [true, 0],
          [false, 0],
        ])
      })

      it('is stricter than a fixed window across a boundary: no double burst', async () => {
        h.clock.set(T0 + MIN - 1)
        await hits(sliding, 'k', 10)
        h.clock.advance(1)
        expect((await h.limiter.hit(sliding, 'k')).allowed).toBe(false)
      })

      it('forgets a window once two have passed', async () => {
        await hits(sliding, 'k', 10)
        h.clock.set(T0 + 2 * MIN)
        expect((await hits(sliding, 'k', 10)).every((d) => d.allowed)).toBe(true)
      })
    })

    describe('refused hits', () => {
      it('are not counted', async () => {
        await hits(fixed, 'k', 5)
        expect((await hits(fixed, 'k', 20)).every((d) => !d.allowed)).toBe(true)
        h.clock.advance(MIN)
        expect(await allowed(fixed, 'k', 6)).toEqual(FIVE_THEN_REFUSED)

        await hits(sliding, 's', 10)
        expect((await hits(sliding, 's', 50)).every((d) => !d.allowed)).toBe(true)
        h.clock.set(T0 + 2 * MIN + 30_000) // half of window 1 weighs: 10 allowed hits, not 60
        expect((await h.limiter.peek(sliding, 's')).remaining).toBe(4)
      })

      it('count nothing when the cost does not fit, while a cost that fits is counted whole', async () => {
        await h.limiter.hit(fixed, 'k', 3)
        expect(await h.limiter.hit(fixed, 'k', 3)).toMatchObject({ allowed: false, remaining: 2 })
        expect(await h.limiter.hit(fixed, 'k', 2)).toMatchObject({ allowed: true, remaining: 0 })
        expect(await h.limiter.hit(fixed, 'k', 0)).toMatchObject({ allowed: true, remaining: 0 })
        expect(await h.limiter.hit(fixed, 'k', 1)).toMatchObject({ allowed: false })
      })

      it('refuse a cost above the whole limit for good, without counting it', async () => {
        expect(await h.limiter.hit(fixed, 'k', 6)).toMatchObject({
          allowed: false,
          remaining: 5,
          retryAfterMs: MIN,
        })
        expect(await h.limiter.peek(fixed, 'k')).toMatchObject({ allowed: true, remaining: 4 })
      })

      it('refuse a negative or fractional cost outright', async () => {
        await expect(h.limiter.hit(fixed, 'k', -5)).rejects.toThrow(/cost/)
        await expect(h.limiter.hit(fixed, 'k', 0.5)).rejects.toThrow(/cost/)
        expect((await h.limiter.peek(fixed, 'k')).remaining).toBe(4)
      })
    })

    describe('retryAfterMs', () => {
      const waitsExactly = async (rule: RateLimitRule, key: string) => {
        const refused = await h.limiter.hit(rule, key)
        expect(refused.allowed).toBe(false)
        expect(refused.retryAfterMs).toBeGreaterThan(0)
        const at = h.clock.now()
        if (refused.retryAfterMs > 1) {
          h.clock.set(at + refused.retryAfterMs - 1)
          expect((await h.limiter.peek(rule, key)).allowed).toBe(false)
        }
        h.clock.set(at + refused.retryAfterMs)
        expect((await h.limiter.peek(rule, key)).allowed).toBe(true)
        return refused.retryAfterMs
      }

      it('is the time to the end of a fixed window', async () => {
        await hits(fixed, 'k', 5)
        h.clock.advance(12_345)
        expect(await waitsExactly(fixed, 'k')).toBe(MIN - 12_345)
      })

      it('is when the previous window has faded enough (sliding)', async () => {
        await hits(sliding, 'k', 10)
        h.clock.set(T0 + MIN + 30_000)
        await hits(sliding, 'k', 5)
        // 5 own + 10 × (1 − x) ≤ 9 needs x ≥ 0.6: 36 s into the window, 6 s from now.
        expect(await waitsExactly(sliding, 'k')).toBe(6_000)
      })

      it('looks into the next window when this one alone is full (sliding)', async () => {
        h.clock.set(T0 + 15_000)
        await hits(sliding, 'k', 10)
        // Next window: 10 × (1 − x) ≤ 9 needs x ≥ 0.1, 6 s into it: 45 s + 6 s from now.
        expect(await waitsExactly(sliding, 'k')).toBe(51_000)
      })

      it('is exact for costs as well', async () => {
        await h.limiter.hit(sliding, 'k', 8)
        h.clock.set(T0 + MIN + 1_000)
        await h.limiter.hit(sliding, 'k', 1)
        const refused = await h.limiter.hit(sliding, 'k', 4)
        expect(refused.allowed).toBe(false)
        h.clock.advance(refused.retryAfterMs)
        expect((await h.limiter.hit(sliding, 'k', 4)).allowed).toBe(true)
      })
    })

    describe('reset', () => {
      it('forgets the key in both windows and nothing else', async () => {
        await hits(fixed, 'k', 5)
        await hits(fixed, 'other', 5)
        await h.limiter.reset(fixed, 'k')
        expect((await h.limiter.peek(fixed, 'k')).remaining).toBe(4)
        expect((await h.limiter.peek(fixed, 'other')).allowed).toBe(false)

        await hits(sliding, 'k', 10)
        h.clock.set(T0 + MIN + 1)
        expect((await h.limiter.peek(sliding, 'k')).allowed).toBe(false)
        await h.limiter.reset(sliding, 'k')
        expect((await h.limiter.peek(sliding, 'k')).remaining).toBe(9)
      })

      it('is harmless on a key with no hits', async () => {
        await expect(h.limiter.reset(fixed, 'never')).resolves.toBeUndefined()
      })
    })

    describe('sweep', () => {
      it('removes windows that no longer matter and keeps those that do', async () => {
        await hits(fixed, 'f', 2)
        await hits(sliding, 's', 2)
        expect(await h.storedWindows()).toBe(2)
        h.clock.set(T0 + MIN + 1)
        expect(await h.limiter.sweep(h.clock.now())).toBe(1) // the fixed window is over
        expect(await h.storedWindows()).toBe(1)
        expect((await h.limiter.peek(sliding, 's')).remaining).toBe(7) // its weight still counts
        h.clock.set(T0 + 2 * MIN + 1)
        expect(await h.limiter.sweep(h.clock.now())).toBe(1)
        expect(await h.storedWindows()).toBe(0)
        expect(await h.limiter.sweep(h.clock.now())).toBe(0)
      })

      it('goes through many windows page by page', async () => {
        for (let i = 0; i < 450; i++) await h.limiter.hit(fixed, `k${i}`)
        h.clock.set(T0 + MIN)
        await h.limiter.hit(fixed, 'fresh')
        expect(await h.limiter.sweep(h.clock.now() + 1)).toBe(450)
        expect(await h.storedWindows()).toBe(1)
      })
    })

    describe('concurrency', () => {
      it('never lets concurrent hits pass the limit, and loses none that were allowed', async () => {
        const rule: RateLimitRule = { name: 'c-burst', limit: 25, windowMs: MIN, kind: 'sliding' }
        const decisions = await Promise.all(
          Array.from({ length: 120 }, (_, i) => h.limiter.hit(rule, i % 2 ? 'a' : 'b')),
        )
        expect(decisions.filter((d) => d.allowed)).toHaveLength(50)
        expect((await h.limiter.peek(rule, 'a')).remaining).toBe(0)
        expect((await h.limiter.peek(rule, 'b')).remaining).toBe(0)
      })

      it('holds for costs too: concurrent bytes never exceed the quota', async () => {
        const rule: RateLimitRule = { name: 'c-bytes', limit: 1_000, windowMs: MIN, kind: 'fixed' }
        const costs = Array.from({ length: 60 }, (_, i) => 10 + ((i * 37) % 90))
        const decisions = await Promise.all(costs.map((c) => h.limiter.hit(rule, 'u', c)))
        const spent = costs.filter((_, i) => decisions[i]!.allowed).reduce((a, b) => a + b, 0)
        expect(spent).toBeLessThanOrEqual(1_000)
        expect((await h.limiter.peek(rule, 'u', 0)).remaining).toBe(1_000 - spent)
      })
    })

    it('agrees with a naive log of every allowed hit, whatever the sequence (property)', async () => {
      const rules = [
        fixed,
        sliding,
        {
          name: 'c-odd',
          limit: 7,
          windowMs: 7_001,
          kind: 'sliding',
          offsetMs: 1_234,
        } as RateLimitRule,
      ]
      const command = fc.oneof(
        {
          weight: 3,
          arbitrary: fc.record({
            op: fc.constant('advance' as const),
            ms: fc.oneof(fc.integer({ min: 0, max: 3_000 }), fc.integer({ min: 0, max: 2 * MIN })),
          }),
        },
        {
          weight: 8,
          arbitrary: fc.record({
            op: fc.constant('hit' as const),
            rule: fc.nat(2),
            key: fc.constantFrom('a', 'b'),
            cost: fc.integer({ min: 0, max: 4 }),
          }),
        },
        {
          weight: 2,
          arbitrary: fc.record({
            op: fc.constant('peek' as const),
            rule: fc.nat(2),
            key: fc.constantFrom('a', 'b'),
            cost: fc.integer({ min: 0, max: 4 }),
          }),
        },
        {
          weight: 1,
          arbitrary: fc.record({
            op: fc.constant('reset' as const),
            rule: fc.nat(2),
            key: fc.constantFrom('a', 'b'),
          }),
        },
        { weight: 1, arbitrary: fc.record({ op: fc.constant('sweep' as const) }) },
      )
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: 10 * MIN }),
          fc.array(command, { minLength: 20, maxLength: 120 }),
          async (startOffset, commands) => {
            const run = open()
            try {
              run.clock.set(T0 + startOffset)
              const oracle = new NaiveLimiter()
              for (const c of commands) {
                const now = run.clock.now()
                if (c.op === 'advance') run.clock.advance(c.ms)
                else if (c.op === 'sweep') await run.limiter.sweep(now)
                else if (c.op === 'reset') {
                  await run.limiter.reset(rules[c.rule]!, c.key)
                  oracle.reset(rules[c.rule]!, c.key)
                } else {
                  const rule = rules[c.rule]!
                  const got =
                    c.op === 'hit'
                      ? await run.limiter.hit(rule, c.key, c.cost)
                      : await run.limiter.peek(rule, c.key, c.cost)
                  const want = oracle.decide(rule, c.key, c.cost, now)
                  expect({ allowed: got.allowed, remaining: got.remaining }).toEqual({
                    allowed: want.allowed,
                    remaining: want.remaining,
                  })
                  if (got.allowed) expect(got.retryAfterMs).toBe(0)
                  else {
                    // Waiting retryAfterMs is enough, and not a millisecond of it is wasted.
                    expect(oracle.decide(rule, c.key, c.cost, now + got.retryAfterMs).allowed).toBe(
                      c.cost <= rule.limit,
                    )
                    if (got.retryAfterMs > 1 && c.cost <= rule.limit)
                      expect(
                        oracle.decide(rule, c.key, c.cost, now + got.retryAfterMs - 1).allowed,
                      ).toBe(false)
                  }
                  if (c.op === 'hit' && want.allowed) oracle.record(rule, c.key, c.cost, now)
                }
              }
            } finally {
              run.close()
            }
          },
        ),
        { numRuns: 120 },
      )
    })
  })
}

/**
 * The oracle: every allowed hit kept in a list, windows worked out from scratch on each question.
 * Sliding weight is `previous × (window − into) / window`, compared without dividing.
 */
class NaiveLimiter {
  private readonly log: { rule: string; key: string; cost: number; at: number }[] = []

  record(rule: RateLimitRule, key: string, cost: number, at: number) {
    this.log.push({ rule: rule.name, key, cost, at })
  }

  reset(rule: RateLimitRule, key: string) {
    for (let i = this.log.length - 1; i >= 0; i--)
      if (this.log[i]!.rule === rule.name && this.log[i]!.key === key) this.log.splice(i, 1)
  }

  decide(rule: RateLimitRule, key: string, cost: number, now: number) {
    const index = (t: number) => Math.floor((t - (rule.offsetMs ?? 0)) / rule.windowMs)
    const mine = this.log.filter((h) => h.rule === rule.name && h.key === key)
    const sum = (w: number) => mine.filter((h) => index(h.at) === w).reduce((n, h) => n + h.cost, 0)
    const w = index(now)
    const into = now - (w * rule.windowMs + (rule.offsetMs ?? 0))
    const scaled =
      sum(w) * rule.windowMs + (rule.kind === 'sliding' ? sum(w - 1) * (rule.windowMs - into) : 0)
    const allowed = scaled + cost * rule.windowMs <= rule.limit * rule.windowMs
    const left = rule.limit * rule.windowMs - scaled - (allowed ? cost * rule.windowMs : 0)
    return { allowed, remaining: Math.max(0, Math.floor(left / rule.windowMs)) }
  }
}
