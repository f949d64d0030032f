import { updateIfUnchanged, enforceLimit, callerKey } from '../../core'
import type { z } from 'zod'
import type { SearchQuerySchema } from '@shared/contracts/search.contract'
import { SEARCH_LIMITS } from '@shared/contracts/search.contract'
import { ErrorCodes, isAppError } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import type { RateLimitRule } from '../../core/ports/rate-limiter.port'
import { loadListing, toCards, type ListingRecord } from '../../listing'
import {
  QUERY_PER_ADDRESS,
  QUERY_PER_USER,
  SEARCH_TOO_OFTEN,
  SUGGEST_PER_ADDRESS,
  SUGGEST_PER_USER,
} from '../domain/search.limits'
import { SearchHistory } from '../domain/search.records'
import { countHotSearch } from './hot-keywords'

export type SearchQueryInput = z.output<typeof SearchQuerySchema>

/** Who is searching: the signed-in user, or nobody but an address (from the platform context). */
export interface Searcher {
  userId: string | null
  ip: string | null
}

/** Without a radius, a query with a point looks this far (the city's reach). */
const DEFAULT_RADIUS_KM = 50

/** Per user when signed in, per client address when not. */
const limitSearcher = (
  deps: Deps,
  who: Searcher,
  perUser: RateLimitRule,
  perAddress: RateLimitRule,
) =>
  enforceLimit(
    deps.limits,
    who.userId ? perUser : perAddress,
    callerKey(who.userId, who.ip),
    SEARCH_TOO_OFTEN,
  )

/** Runs one search and turns the hits into cards; a signed-in user's keyword goes to history and 热搜. */
export const searchListings = async (deps: Deps, q: SearchQueryInput, who: Searcher) => {
  await limitSearcher(deps, who, QUERY_PER_USER, QUERY_PER_ADDRESS)
  const page = await deps.search.query({
    keyword: q.keyword,
    city: q.city,
    category: q.category,
    priceMinFen: q.priceMinFen,
    priceMaxFen: q.priceMaxFen,
    conditions: q.conditions,
    trade: q.trade,
    kind: q.kind,
    near: q.near
      ? { ...q.near, radiusMeters: (q.radiusKm ?? DEFAULT_RADIUS_KM) * 1000 }
      : undefined,
    communityId: q.communityId,
    sort: q.sort,
    limit: q.limit,
    cursor: q.cursor,
  })
  const records = await Promise.all(page.items.map((h) => loadListing(deps.store, h.id)))
  const listings = records.filter((l): l is ListingRecord => l !== null && l.status === 'active')
  const distances = new Map(page.items.map((h) => [h.id, h.distanceMeters]))
  if (q.keyword && !q.cursor && who.userId) await remember(deps, q.city, q.keyword, who.userId)
  return { items: await toCards(deps, listings, undefined, distances), nextCursor: page.nextCursor }
}

/** Adds the keyword to the user's history (deduplicated, newest first) and counts it for 热搜. */
const remember = async (deps: Deps, city: string, keyword: string, userId: string) => {
  const normalized = keyword.trim().replace(/\s+/g, ' ')
  const now = deps.clock.now()
  await countHotSearch(deps, city, normalized, userId)
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await deps.store.get(SearchHistory, userId)
    const keywords = [
      normalized,
      ...(current?.keywords ?? []).filter((k) => k !== normalized),
    ].slice(0, SEARCH_LIMITS.historyMax)
    try {
      if (current)
        await updateIfUnchanged(deps.store, SearchHistory, userId, current, {
          keywords,
          updatedAt: now,
        })
      else
        await deps.store.insert(SearchHistory, {
          _id: userId,
          keywords,
          updatedAt: now,
          version: 1,
        })
      return
    } catch (e) {
      if (!(isAppError(e) && e.code === ErrorCodes.CONFLICT)) throw e
    }
  }
}

export const searchHistory = async (deps: Deps, userId: string) =>
  (await deps.store.get(SearchHistory, userId))?.keywords ?? []

export const clearSearchHistory = async (deps: Deps, userId: string) => {
  const current = await deps.store.get(SearchHistory, userId)
  if (!current) return 0
  await deps.store.remove(SearchHistory, userId)
  return current.keywords.length
}

/**
 * Completions while typing: the user's own matching history first, then words from titles in the
 * city (an indexed lookup). 热搜 stays out: aggregating a week of counters on every keystroke would
 * put the heaviest read of the search page on its hottest path; the page shows 热搜 on its own.
 */
export const suggestKeywords = async (deps: Deps, city: string, prefix: string, who: Searcher) => {
  await limitSearcher(deps, who, SUGGEST_PER_USER, SUGGEST_PER_ADDRESS)
  const userId = who.userId
  const p = prefix.trim().toLowerCase()
  const fromHistory = userId
    ? (await searchHistory(deps, userId)).filter((k) => k.toLowerCase().startsWith(p))
    : []
  const fromTitles = await deps.search.suggest({ prefix, city, limit: 10 })
  return [...new Set([...fromHistory, ...fromTitles])].slice(0, 10)
}
