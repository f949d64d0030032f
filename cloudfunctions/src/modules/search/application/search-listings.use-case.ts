import type { z } from 'zod'
import type { SearchQuerySchema } from '@shared/contracts/search.contract'
import { SEARCH_LIMITS } from '@shared/contracts/search.contract'
import { chinaDay } from '@shared/domain/listing-lifecycle'
import { ErrorCodes, isAppError } from '@shared/errors/error-codes'
import type { Deps } from '../../core/ports/deps'
import { toCards } from '../../listing/application/listing-views'
import { type ListingRecord, Listings } from '../../listing/domain/listing.record'
import { SearchHistory, SearchTerms } from '../domain/search.records'

export type SearchQueryInput = z.output<typeof SearchQuerySchema>

/** Without a radius, a query with a point looks this far (the city's reach). */
const DEFAULT_RADIUS_KM = 50

/** Runs one search and turns the hits into cards; remembers the keyword for history and 热搜. */
export const searchListings = async (deps: Deps, q: SearchQueryInput, userId: string | null) => {
  const page = await deps.search.query({
    keyword: q.keyword,
    city: q.city,
    category: q.category,
    priceMinFen: q.priceMinFen,
    priceMaxFen: q.priceMaxFen,
    conditions: q.conditions,
    trade: q.trade,
    kind: q.kind,
    near: q.near ? { ...q.near, radiusMeters: (q.radiusKm ?? DEFAULT_RADIUS_KM) * 1000 } : undefined,
    communityId: q.communityId,
    sort: q.sort,
    limit: q.limit,
    cursor: q.cursor,
  })
  const records = await Promise.all(page.items.map((h) => deps.store.get(Listings, h.id)))
  const listings = records.filter((l): l is ListingRecord => l !== null && l.status === 'active')
  const distances = new Map(page.items.map((h) => [h.id, h.distanceMeters]))
  if (q.keyword && !q.cursor) await remember(deps, q.city, q.keyword, userId)
  return { items: await toCards(deps, listings, undefined, distances), nextCursor: page.nextCursor }
}

/** Adds the keyword to the user's history (deduplicated, newest first) and counts it for 热搜. */
const remember = async (deps: Deps, city: string, keyword: string, userId: string | null) => {
  const normalized = keyword.trim().replace(/\s+/g, ' ')
  const now = deps.clock.now()
  const day = chinaDay(now)
  const termId = `${city}|${day}|${normalized.toLowerCase()}`
  await deps.store.transaction(async (tx) => {
    const current = await tx.get(SearchTerms, termId)
    if (current) await tx.update(SearchTerms, termId, { count: current.count + 1 })
    else await tx.insert(SearchTerms, { _id: termId, city, day, keyword: normalized, count: 1 })
  })
  if (!userId) return
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await deps.store.get(SearchHistory, userId)
    const keywords = [normalized, ...(current?.keywords ?? []).filter((k) => k !== normalized)].slice(0, SEARCH_LIMITS.historyMax)
    try {
      if (current) await deps.store.update(SearchHistory, userId, { keywords, updatedAt: now, version: current.version + 1 }, { expect: { version: current.version } })
      else await deps.store.insert(SearchHistory, { _id: userId, keywords, updatedAt: now, version: 1 })
      return
    } catch (e) {
      if (!(isAppError(e) && e.code === ErrorCodes.CONFLICT)) throw e
    }
  }
}

/** The city's most searched keywords over the last 7 days. */
export const hotKeywords = async (deps: Deps, city: string, limit = 10): Promise<string[]> => {
  const today = chinaDay(deps.clock.now())
  const page = await deps.store.find(SearchTerms, { city, day: { $gt: today - 7 } }, { limit: 5_000 })
  const totals = new Map<string, { keyword: string; count: number }>()
  for (const t of page.items) {
    const key = t.keyword.toLowerCase()
    const entry = totals.get(key) ?? { keyword: t.keyword, count: 0 }
    entry.count += t.count
    totals.set(key, entry)
  }
  return [...totals.values()].sort((a, b) => b.count - a.count || a.keyword.localeCompare(b.keyword)).slice(0, limit).map((e) => e.keyword)
}

export const searchHistory = async (deps: Deps, userId: string) => (await deps.store.get(SearchHistory, userId))?.keywords ?? []

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
export const suggestKeywords = async (deps: Deps, city: string, prefix: string, userId: string | null) => {
  const p = prefix.trim().toLowerCase()
  const fromHistory = userId ? (await searchHistory(deps, userId)).filter((k) => k.toLowerCase().startsWith(p)) : []
  const fromTitles = await deps.search.suggest({ prefix, city, limit: 10 })
  return [...new Set([...fromHistory, ...fromTitles])].slice(0, 10)
}
