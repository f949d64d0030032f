import { updateIfUnchanged, enforceLimit, callerKey } from '../../core'
import type { z } from 'zod'
import type { SearchFallback, SearchQuerySchema } from '@shared/contracts/search.contract'
import { SEARCH_LIMITS } from '@shared/domain/search'
import { categoryLabel } from '@shared/domain/listing'
import { ErrorCodes, isAppError } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import type { RateLimitRule } from '../../core/ports/rate-limiter.port'
import type { ListingSearchQuery } from '../ports/listing-search.port'
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

/**
 * Runs one search and turns the hits into cards; a signed-in user's keyword goes to history and
 * 热搜. The keyword is understood (synonyms, brands, category names, pinyin, traditional, typos)
 * and ranked (domain/search-ranking.ts); a first page with nothing offers a fallback.
 */
export const searchListings = async (deps: Deps, q: SearchQueryInput, who: Searcher) => {
  await limitSearcher(deps, who, QUERY_PER_USER, QUERY_PER_ADDRESS)
  const query: ListingSearchQuery = {
    text: q.keyword,
    now: deps.clock.now(),
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
  }
  const page = await deps.search.query(query)
  const records = await Promise.all(page.items.map((h) => loadListing(deps.store, h.id)))
  const listings = records.filter((l): l is ListingRecord => l !== null && l.status === 'active')
  const distances = new Map(page.items.map((h) => [h.id, h.distanceMeters]))
  if (q.keyword && !q.cursor && who.userId) await remember(deps, q.city, q.keyword, who.userId)
  const fallback =
    q.keyword && !q.cursor && page.items.length === 0 ? await fallbackFor(deps, query) : null
  return {
    items: await toCards(deps, listings, undefined, distances),
    nextCursor: page.nextCursor,
    fallback,
  }
}

/** The nearest category and a shorter keyword for a search that found nothing; null if neither. */
const fallbackFor = async (deps: Deps, q: ListingSearchQuery): Promise<SearchFallback | null> => {
  const relaxed = await deps.search.relax(q)
  if (!relaxed.category && !relaxed.text) return null
  return {
    category: relaxed.category
      ? {
          id: relaxed.category as NonNullable<SearchFallback['category']>['id'],
          label: categoryLabel(relaxed.category),
        }
      : null,
    keyword: relaxed.text,
  }
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
 * Completions while typing: the user's own matching history first, then category names, brands
 * and things of the synonym table that find listings in the city (苹 → 苹果, 苹果手机, 苹果耳机;
 * pg → 苹果), then words from titles in the city (indexed lookups). Case and spacing variants of
 * one completion are shown once. 热搜 stays out: aggregating a week of counters on every
 * keystroke would put the heaviest read of the search page on its hottest path; the page shows
 * 热搜 on its own.
 */
export const suggestKeywords = async (deps: Deps, city: string, prefix: string, who: Searcher) => {
  await limitSearcher(deps, who, SUGGEST_PER_USER, SUGGEST_PER_ADDRESS)
  const userId = who.userId
  const p = prefix.trim().toLowerCase()
  const fromHistory = userId
    ? (await searchHistory(deps, userId)).filter((k) => k.toLowerCase().startsWith(p))
    : []
  const [fromTerms, fromTitles] = await Promise.all([
    deps.search.suggestTerms({ prefix, city, limit: 6 }),
    deps.search.suggest({ prefix, city, limit: 10 }),
  ])
  const seen = new Set<string>()
  const key = (s: string) => s.toLowerCase().replace(/\s+/g, '')
  return [...fromHistory, ...fromTerms, ...fromTitles]
    .filter((s) => !seen.has(key(s)) && seen.add(key(s)))
    .slice(0, 10)
}
