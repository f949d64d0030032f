import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import {
  LISTING_SEARCH_LIMITS,
  type ListingSearchHit,
  type ListingSearchPage,
  type ListingSearchQuery,
  type SearchDoc,
} from '../../modules/search/ports/listing-search.port'
import { planQuery, type QueryPlan } from './analysis/query-plan'
import { charLength, normalizeText } from './fts-query'
import { encodeSearchCursor } from './search-cursor'

/**
 * What every ListingSearch adapter checks and shapes the same way (SQLite and CloudBase): the
 * query's validation, the write's sanity checks, the page and its cursor, and the completion of
 * a typed word from a title.
 */

/** What a page is made of: its hits and the last one's place for the cursor. */
export interface PageRow {
  id: string
  sort_key: string
  /** Exact metres from `near`, when the query had one. */
  d?: number
  key: number | null
}

/** Trade methods a query may name. */
const TRADE_METHODS = new Set(['shipping', 'meetup', 'pickup'])

/**
 * The word of `title` that completes `typed`: from where `typed` occurs to the next space or
 * punctuation, at most 12 characters, keeping the title's own spelling (iPhone, not iphone).
 */
export const completion = (title: string, typed: string): string | null => {
  const chars = [...title]
  const len = charLength(typed)
  for (let i = 0; i + len <= chars.length; i++) {
    if (normalizeText(chars.slice(i, i + len).join('')) !== typed) continue
    let end = i + len
    while (end < chars.length && end - i < 12 && !/[\s\p{P}\p{S}]/u.test(chars[end]!)) end++
    return chars.slice(i, end).join('')
  }
  return null
}

export const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** A page of `rows` (one more than the limit was read): its hits and the cursor after it. */
export const pageOf = (q: ListingSearchQuery, rows: PageRow[], at?: number): ListingSearchPage => {
  const page = rows.slice(0, q.limit)
  const last = page[page.length - 1]
  return {
    items: page.map((r): ListingSearchHit => ({
      id: r.id,
      distanceMeters: r.d === undefined ? null : Math.round(r.d),
    })),
    nextCursor:
      rows.length > q.limit && last
        ? encodeSearchCursor({ sort: q.sort, key: last.key, sortKey: last.sort_key, at })
        : null,
  }
}

/** The plan of a `text` query; null without one (blank text is no text, like a blank keyword). */
export const understood = (text: string | undefined): QueryPlan | null =>
  text === undefined || text.trim() === '' ? null : planQuery(text)

const invalid = (message: string) => new AppError(ErrorCodes.VALIDATION, message)

export const assertQuery = (q: ListingSearchQuery) => {
  if (q.text !== undefined && q.keyword !== undefined) throw invalid('关键词只能按一种方式匹配')
  if (q.text?.trim() && q.sort === 'relevance' && q.cursor === undefined) {
    if (q.now === undefined || !Number.isSafeInteger(q.now)) throw invalid('排序时间无效')
  }
  if (!Number.isInteger(q.limit) || q.limit < 1 || q.limit > LISTING_SEARCH_LIMITS.pageMax) {
    throw invalid(`每页 1 到 ${LISTING_SEARCH_LIMITS.pageMax} 条`)
  }
  if (q.near) {
    const { latitude, longitude, radiusMeters } = q.near
    const inRange = (x: number, max: number) => Number.isFinite(x) && Math.abs(x) <= max
    if (!inRange(latitude, 90) || !inRange(longitude, 180)) throw invalid('位置无效')
    const { radiusMaxMeters } = LISTING_SEARCH_LIMITS
    if (!Number.isFinite(radiusMeters) || radiusMeters < 1 || radiusMeters > radiusMaxMeters) {
      throw invalid(`距离最多 ${LISTING_SEARCH_LIMITS.radiusMaxMeters / 1000} 公里`)
    }
  } else if (q.sort === 'distance') {
    throw invalid('按距离查找需要你的位置')
  }
  for (const price of [q.priceMinFen, q.priceMaxFen]) {
    if (price !== undefined && !Number.isSafeInteger(price)) throw invalid('价格无效')
  }
  if (q.priceMinFen !== undefined && q.priceMaxFen !== undefined && q.priceMinFen > q.priceMaxFen) {
    throw invalid('最高价不能低于最低价')
  }
  if (q.trade?.some((t) => !TRADE_METHODS.has(t))) throw invalid('交易方式无效')
}

export const assertDoc = (doc: SearchDoc) => {
  if (!Number.isFinite(doc.latitude) || !Number.isFinite(doc.longitude)) {
    throw new Error(`search index: listing ${doc.id} has no valid position`)
  }
  if (!Number.isSafeInteger(doc.priceFen)) {
    throw new Error(`search index: listing ${doc.id} has a non-integer price`)
  }
}
