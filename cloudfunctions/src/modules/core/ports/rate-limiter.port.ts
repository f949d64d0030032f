/**
 * RateLimiter: counts attempts per key in a time window, so anything guessable or costly is
 * limited (ARCHITECTURE.md §7). One rule names the limit; the key says whose attempts they are
 * (a user id, an order id, a client address). Backed by the DocumentStore, so it works on every
 * store without Redis.
 */
export interface RateLimitRule {
  /** Stable name, part of the stored key: `search`, `handover-wrong-code`… */
  name: string
  /** Hits allowed per window (a cost may count for more than one, e.g. bytes). */
  limit: number
  windowMs: number
  /** fixed: the count resets at each window boundary; sliding: the previous window counts pro rata. */
  kind: 'fixed' | 'sliding'
  /** Windows start this long past each multiple of `windowMs` (default 0): −8 h makes days China days. */
  offsetMs?: number
}

/** A rule over a sliding window: the previous window counts pro rata, so no boundary doubles it. */
export const slidingRule = (name: string, limit: number, windowMs: number): RateLimitRule => ({
  name,
  limit,
  windowMs,
  kind: 'sliding',
})

/** A rule whose count resets at each window boundary, shifted by `offsetMs` (−8 h: China days). */
export const fixedRule = (
  name: string,
  limit: number,
  windowMs: number,
  offsetMs?: number,
): RateLimitRule => ({ name, limit, windowMs, kind: 'fixed', ...(offsetMs ? { offsetMs } : {}) })

export interface RateLimitDecision {
  allowed: boolean
  /** What may still be spent in this window after this decision. */
  remaining: number
  /** 0 when allowed; otherwise how long until one more hit would be allowed. */
  retryAfterMs: number
}

export interface RateLimiter {
  /** Counts `cost` (default 1) against `key` if it fits under the limit; refused hits are not counted. */
  hit(rule: RateLimitRule, key: string, cost?: number): Promise<RateLimitDecision>
  /** The decision a hit of `cost` would get now, without counting anything. */
  peek(rule: RateLimitRule, key: string, cost?: number): Promise<RateLimitDecision>
  /** Forgets the key's count (e.g. once a code was entered right). */
  reset(rule: RateLimitRule, key: string): Promise<void>
  /** Removes windows that ended before `now`; the cron calls it. Answers how many went. */
  sweep(now: number): Promise<number>
}
