import { isAppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Clock } from '../../modules/core/ports/clock.port'
import { removeBelow } from '../../modules/core/application/remove-below'
import {
  defineCollection,
  type DocumentStore,
  type TransactionOps,
} from '../../modules/core/ports/document-store.port'
import type {
  RateLimitDecision,
  RateLimitRule,
  RateLimiter,
} from '../../modules/core/ports/rate-limiter.port'

/** One window's count for one rule and key: `_id` = `<rule>:<key>:<window start>`. */
interface RateWindowRecord {
  _id: string
  count: number
  /** When this window stops mattering (a sliding window still weighs on the next one). */
  expiresAt: number
  version: number
}
export const RateWindows = defineCollection<RateWindowRecord>('rate_windows', [
  { name: 'expires', fields: [{ field: 'expiresAt' }] },
])

/** A store whose transactions are optimistic (CloudBase) may still refuse one under contention. */
const MAX_RACES = 8

/** What a decision is made from: the counts of the current and the previous window. */
interface WindowState {
  start: number
  currentId: string
  current: RateWindowRecord | null
  /** The previous window's count; it only weighs in for sliding rules. */
  previous: number
}

/**
 * Fixed or sliding windows over the DocumentStore, each window one document. A hit reads,
 * decides and writes inside one store transaction (compare-and-set on `version` as well), so
 * concurrent hits never lose a count and never pass the limit. Sliding: the previous window
 * counts in proportion to how much of it still overlaps (the usual approximation, e.g.
 * Cloudflare's), without keeping every hit.
 */
export class DocumentStoreRateLimiter implements RateLimiter {
  constructor(
    private readonly store: DocumentStore,
    private readonly clock: Clock,
  ) {}

  async hit(rule: RateLimitRule, key: string, cost = 1): Promise<RateLimitDecision> {
    assertCost(cost)
    for (let race = 0; ; race++) {
      try {
        return await this.store.transaction(async (tx) => {
          const now = this.clock.now()
          const state = await readState(tx, rule, key, now)
          const decision = decide(rule, state, cost, now)
          if (!decision.allowed) return decision
          if (state.current) {
            const { count, version } = state.current
            await tx.update(
              RateWindows,
              state.currentId,
              { count: count + cost, version: version + 1 },
              { expect: { version } },
            )
          } else {
            const expiresAt = state.start + (rule.kind === 'sliding' ? 2 : 1) * rule.windowMs
            await tx.insert(RateWindows, {
              _id: state.currentId,
              count: cost,
              expiresAt,
              version: 0,
            })
          }
          return decision
        })
      } catch (e) {
        if (isAppError(e) && e.code === ErrorCodes.CONFLICT && race < MAX_RACES) continue
        throw e
      }
    }
  }

  async peek(rule: RateLimitRule, key: string, cost = 1): Promise<RateLimitDecision> {
    assertCost(cost)
    const now = this.clock.now()
    return decide(rule, await readState(this.store, rule, key, now), cost, now)
  }

  async reset(rule: RateLimitRule, key: string): Promise<void> {
    const start = windowStart(rule, this.clock.now())
    await this.store.remove(RateWindows, windowId(rule, key, start))
    if (rule.kind === 'sliding')
      await this.store.remove(RateWindows, windowId(rule, key, start - rule.windowMs))
  }

  sweep(now: number): Promise<number> {
    return removeBelow(this.store, RateWindows, 'expiresAt', now)
  }
}

const assertCost = (cost: number) => {
  // A negative cost would hand attempts back; a fraction would never add up to the limit exactly.
  if (!Number.isSafeInteger(cost) || cost < 0)
    throw new Error(`rate limit cost must be a whole number ≥ 0, got ${cost}`)
}

/** Windows start at `offsetMs` past each multiple of the window (−8 h: days in China time). */
const windowStart = (rule: RateLimitRule, now: number) => {
  const into = (((now - (rule.offsetMs ?? 0)) % rule.windowMs) + rule.windowMs) % rule.windowMs
  return now - into
}
const windowId = (rule: RateLimitRule, key: string, start: number) => `${rule.name}:${key}:${start}`

const readState = async (
  ops: TransactionOps,
  rule: RateLimitRule,
  key: string,
  now: number,
): Promise<WindowState> => {
  const start = windowStart(rule, now)
  const currentId = windowId(rule, key, start)
  // The id names the window, so a document found is this window's.
  const current = await ops.get(RateWindows, currentId)
  const previous =
    rule.kind === 'sliding'
      ? ((await ops.get(RateWindows, windowId(rule, key, start - rule.windowMs)))?.count ?? 0)
      : 0
  return { start, currentId, current, previous }
}

/**
 * What has been spent at time `t`, scaled by the window length so the comparison stays in whole
 * numbers: the window holding `t` in full, plus (sliding) the window before it by its overlap.
 * Only the two recorded windows exist; anything later is empty.
 */
const spentAt = (rule: RateLimitRule, s: WindowState, t: number): number => {
  const W = rule.windowMs
  const used = s.current?.count ?? 0
  const into = t - s.start
  if (into < W) return used * W + (rule.kind === 'sliding' ? s.previous * (W - into) : 0)
  if (rule.kind === 'sliding' && into < 2 * W) return used * (2 * W - into)
  return 0
}

const fits = (rule: RateLimitRule, s: WindowState, t: number, cost: number) =>
  spentAt(rule, s, t) + cost * rule.windowMs <= rule.limit * rule.windowMs

const decide = (
  rule: RateLimitRule,
  s: WindowState,
  cost: number,
  now: number,
): RateLimitDecision => {
  const W = rule.windowMs
  const spent = spentAt(rule, s, now)
  const allowed = fits(rule, s, now, cost)
  const left = rule.limit * W - spent - (allowed ? cost * W : 0)
  return {
    allowed,
    remaining: Math.max(0, Math.floor(left / W)),
    retryAfterMs: allowed ? 0 : retryAfter(rule, s, cost, now),
  }
}

/**
 * How long until the same hit would fit, if nothing else is counted meanwhile. Worked out from
 * the line the weight falls along, then checked with `fits` itself (a few ms more if rounding
 * says so), so waiting exactly this long is enough. A cost above the limit never fits: it is
 * told to wait until both windows are gone.
 */
const retryAfter = (rule: RateLimitRule, s: WindowState, cost: number, now: number): number => {
  const W = rule.windowMs
  const end = s.start + W
  const used = s.current?.count ?? 0
  const never = s.start + (rule.kind === 'sliding' ? 2 * W : W)
  let t: number
  if (cost > rule.limit || rule.kind === 'fixed') t = rule.kind === 'fixed' ? end : never
  else if (used + cost <= rule.limit) {
    // Fits once the previous window's weight p·(W − into)/W has shrunk to limit − used − cost.
    t = s.start + Math.ceil(W - ((rule.limit - used - cost) * W) / s.previous)
  } else {
    // This window alone is too full: wait until its weight in the next one has shrunk enough.
    t = end + Math.ceil(Math.max(0, W - ((rule.limit - cost) * W) / used))
  }
  t = Math.max(t, now + 1)
  for (let step = 0; step < 64 && t < never && !fits(rule, s, t, cost); step++) t++
  if (!fits(rule, s, t, cost)) t = Math.max(t, never)
  return t - now
}
