import { isAppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Clock } from '../../modules/core/ports/clock.port'
import { defineCollection, type DocumentStore } from '../../modules/core/ports/document-store.port'
import type { RateLimitDecision, RateLimitRule, RateLimiter } from '../../modules/core/ports/rate-limiter.port'

/** One window's count for one rule and key: `_id` = `<rule>:<key>:<window start>`. */
interface RateWindowRecord {
  _id: string
  count: number
  /** When this window stops mattering (a sliding window still weighs on the next one). */
  expiresAt: number
  version: number
}
export const RateWindows = defineCollection<RateWindowRecord>('rate_windows', [{ name: 'expires', fields: [{ field: 'expiresAt' }] }])

const MAX_RACES = 8

/**
 * Fixed or sliding windows over the DocumentStore, each window one document updated by
 * compare-and-set on `version`, so concurrent hits never lose a count and never pass the limit.
 * Sliding: the previous window counts in proportion to how much of it still overlaps (the usual
 * approximation, e.g. Cloudflare's), without keeping every hit.
 */
export class DocumentStoreRateLimiter implements RateLimiter {
  constructor(
    private readonly store: DocumentStore,
    private readonly clock: Clock,
  ) {}

  async hit(rule: RateLimitRule, key: string, cost = 1): Promise<RateLimitDecision> {
    for (let race = 0; ; race++) {
      const now = this.clock.now()
      const { current, decision } = await this.decide(rule, key, cost, now)
      if (!decision.allowed) return decision
      try {
        if (current.doc) {
          await this.store.update(RateWindows, current.id, { count: current.doc.count + cost, version: current.doc.version + 1 }, { expect: { version: current.doc.version } })
        } else {
          await this.store.insert(RateWindows, { _id: current.id, count: cost, expiresAt: current.expiresAt, version: 0 })
        }
        return decision
      } catch (e) {
        if (isAppError(e) && e.code === ErrorCodes.CONFLICT && race < MAX_RACES) continue
        throw e
      }
    }
  }

  async peek(rule: RateLimitRule, key: string, cost = 1): Promise<RateLimitDecision> {
    return (await this.decide(rule, key, cost, this.clock.now())).decision
  }

  async reset(rule: RateLimitRule, key: string): Promise<void> {
    const now = this.clock.now()
    const start = windowStart(rule, now)
    await this.store.remove(RateWindows, windowId(rule, key, start))
    if (rule.kind === 'sliding') await this.store.remove(RateWindows, windowId(rule, key, start - rule.windowMs))
  }

  async sweep(now: number): Promise<number> {
    let removed = 0
    for (;;) {
      const page = await this.store.find(RateWindows, { expiresAt: { $lt: now } }, { orderBy: { field: 'expiresAt', direction: 'asc' }, limit: 200 })
      for (const w of page.items) if (await this.store.remove(RateWindows, w._id)) removed++
      if (page.items.length < 200) return removed
    }
  }

  private async decide(rule: RateLimitRule, key: string, cost: number, now: number) {
    const start = windowStart(rule, now)
    const id = windowId(rule, key, start)
    // The id names the window, so a document found is this window's.
    const doc = await this.store.get(RateWindows, id)
    const used = doc?.count ?? 0
    let carried = 0
    if (rule.kind === 'sliding') {
      const previous = await this.store.get(RateWindows, windowId(rule, key, start - rule.windowMs))
      const overlap = 1 - (now - start) / rule.windowMs
      carried = previous ? previous.count * overlap : 0
    }
    const spent = used + carried
    const allowed = spent + cost <= rule.limit
    const end = start + rule.windowMs
    const retryAfterMs = allowed ? 0 : retryAfter(rule, now, start, used, carried, cost)
    const decision: RateLimitDecision = { allowed, remaining: Math.max(0, Math.floor(rule.limit - spent - (allowed ? cost : 0))), retryAfterMs }
    const expiresAt = rule.kind === 'sliding' ? end + rule.windowMs : end
    return { current: { id, doc, expiresAt }, decision }
  }
}

const windowStart = (rule: RateLimitRule, now: number) => now - (now % rule.windowMs)
const windowId = (rule: RateLimitRule, key: string, start: number) => `${rule.name}:${key}:${start}`

/**
 * When a refused hit of `cost` would next fit. Fixed: at the window's end. Sliding: the weight of
 * the previous window shrinks through this one, and this window's count weighs on the next one,
 * so the answer is the first moment the weighted sum leaves room, in this window or the next.
 */
const retryAfter = (rule: RateLimitRule, now: number, start: number, used: number, carried: number, cost: number) => {
  const end = start + rule.windowMs
  if (rule.kind === 'fixed') return Math.max(1, end - now)
  const room = rule.limit - cost
  if (room < 0) return rule.windowMs // never fits in one window: say a window, not forever
  if (carried > 0 && used <= room) {
    const previous = carried / (1 - (now - start) / rule.windowMs)
    const t = start + rule.windowMs * (1 - (room - used) / previous)
    if (t < end) return Math.max(1, Math.ceil(t - now))
  }
  const t = end + (used > room ? rule.windowMs * (1 - room / used) : 0)
  return Math.max(1, Math.ceil(t - now))
}
