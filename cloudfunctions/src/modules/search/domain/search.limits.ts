import { MINUTE } from '@shared/domain/time'
import { slidingRule } from '../../core/ports/rate-limiter.port'

/**
 * Search is public and each query is real work. A person types, reads and scrolls: one query a
 * second for a minute is already a lot. Anonymous callers are counted by address, and an address
 * may be a campus or an office behind one NAT, so it gets more than one user.
 */
export const QUERY_PER_USER = slidingRule('search-query-user', 60, MINUTE)
export const QUERY_PER_ADDRESS = slidingRule('search-query-ip', 120, MINUTE)
/** Suggestions follow the keystrokes (debounced), so they get twice the room. */
export const SUGGEST_PER_USER = slidingRule('search-suggest-user', 120, MINUTE)
export const SUGGEST_PER_ADDRESS = slidingRule('search-suggest-ip', 240, MINUTE)

export const SEARCH_TOO_OFTEN = '搜索太频繁了，请稍后再试'
