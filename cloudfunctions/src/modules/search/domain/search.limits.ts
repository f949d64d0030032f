import type { RateLimitRule } from '../../core/ports/rate-limiter.port'

const MIN = 60_000

/**
 * Search is public and each query is real work. A person types, reads and scrolls: one query a
 * second for a minute is already a lot. Anonymous callers are counted by address, and an address
 * may be a campus or an office behind one NAT, so it gets more than one user.
 */
export const QUERY_PER_USER: RateLimitRule = {
  name: 'search-query-user',
  limit: 60,
  windowMs: MIN,
  kind: 'sliding',
}
export const QUERY_PER_ADDRESS: RateLimitRule = {
  name: 'search-query-ip',
  limit: 120,
  windowMs: MIN,
  kind: 'sliding',
}
/** Suggestions follow the keystrokes (debounced), so they get twice the room. */
export const SUGGEST_PER_USER: RateLimitRule = {
  name: 'search-suggest-user',
  limit: 120,
  windowMs: MIN,
  kind: 'sliding',
}
export const SUGGEST_PER_ADDRESS: RateLimitRule = {
  name: 'search-suggest-ip',
  limit: 240,
  windowMs: MIN,
  kind: 'sliding',
}

export const SEARCH_TOO_OFTEN = '搜索太频繁了，请稍后再试'
