import type { ListingSearchQuery } from '../../modules/search/ports/listing-search.port'
import type { QueryPlan } from './analysis/query-plan'
import {
  bigramMatch,
  ftsString,
  type KeywordTerms,
  type TextScope,
  trigramMatch,
} from './fts-query'
import { boxAround } from './geo-box'
import { DISTANCE_FN, TRADE_BITS } from './search-schema'

/** A piece of SQL with its parameters, in the order they appear. */
export interface Clause {
  sql: string
  params: unknown[]
}

/**
 * Where the candidate rows come from. `order` is the column whose descending order is newest
 * first *as the source delivers it*: for an FTS source that is the FTS rowid, so SQLite lets
 * FTS5 walk its postings backwards and stop after a page (no sort); the listing row joins by
 * primary key. CROSS JOIN pins the source as the outer loop.
 */
export interface Source {
  from: string
  order: string
  where: Clause[]
}

export const tableSource = (): Source => ({ from: 'search_listing l', order: 'l.pos', where: [] })

/**
 * Keyword source. Terms of 3+ characters go to the trigram table, 1–2 characters to the 2-gram
 * table; when a keyword has both (`iPhone 13`), the trigram table drives and each candidate is
 * probed in the 2-gram table by rowid, which FTS5 answers with a seek, not a scan.
 */
export const textSource = (terms: KeywordTerms, scope: TextScope): Source => {
  const drive = terms.long.length > 0 ? 'search_trigram' : 'search_bigram'
  const where: Clause[] = [
    {
      sql: `${drive} MATCH ?`,
      params: [
        drive === 'search_trigram'
          ? trigramMatch(terms.long, scope)
          : bigramMatch(terms.short, scope),
      ],
    },
  ]
  if (drive === 'search_trigram' && terms.short.length > 0) {
    where.push({
      sql: `EXISTS (SELECT 1 FROM search_bigram
             WHERE search_bigram MATCH ? AND search_bigram.rowid = l.pos)`,
      params: [bigramMatch(terms.short, scope)],
    })
  }
  return {
    from: `${drive} CROSS JOIN search_listing l ON l.pos = ${drive}.rowid`,
    order: `${drive}.rowid`,
    where,
  }
}

/**
 * A term as the city terms table holds it: `上海¦耳机`. The ascii tokenizer keeps non-ASCII
 * characters inside a token, so the city and the term stay one token.
 */
export const cityTerm = (city: string, term: string) => `${city}¦${term}`

/**
 * MATCH expression for the index terms (listing-terms.ts): each clause as its alternatives
 * OR-ed, the clauses AND-ed, every term a quoted literal; `strong` limits it to title, brand and
 * category terms; with a city, the city's own terms.
 */
export const termsMatch = (plan: QueryPlan, scope: 'strong' | 'any', city?: string): string => {
  const term = (t: string) => ftsString(city === undefined ? t : cityTerm(city, t))
  const clauses = plan.clauses.map(
    (c) => `(${[...new Set(c.alternatives.map((a) => term(a.token)))].join(' OR ')})`,
  )
  const expr = clauses.join(' AND ')
  return scope === 'strong' ? `strong : (${expr})` : expr
}

/**
 * Understood-text source, newest first by its rowid like the keyword tables. In a city it reads
 * the city terms table, whose postings hold only that city's listings: a query then walks its
 * own matches instead of every city's (bench:search: the pool of a city holding 15% of the
 * listings read seven rows for each one it kept).
 */
export const termsSource = (
  plan: QueryPlan,
  scope: 'strong' | 'any',
  city: string | undefined,
): Source => {
  const table = city === undefined ? 'search_terms' : 'search_city_terms'
  return {
    from: `${table} CROSS JOIN search_listing l ON l.pos = ${table}.rowid`,
    order: `${table}.rowid`,
    where: [{ sql: `${table} MATCH ?`, params: [termsMatch(plan, scope, city)] }],
  }
}

/** Nearby rows from the R*Tree (active listings only), for small radii. */
export const geoSource = (near: NonNullable<ListingSearchQuery['near']>): Source => {
  const box = boxAround(near, near.radiusMeters)
  return {
    from: 'search_geo g CROSS JOIN search_listing l ON l.pos = g.pos',
    order: 'l.pos',
    where: [
      {
        sql: 'g.min_lat <= ? AND g.max_lat >= ? AND g.min_lng <= ? AND g.max_lng >= ?',
        params: [box.maxLat, box.minLat, box.maxLng, box.minLng],
      },
    ],
  }
}

/** The query's filters on `search_listing l` (the keyword and distance are the source's job). */
export const listingFilters = (
  q: ListingSearchQuery,
  statuses: readonly string[] = ['active'],
): Clause[] => {
  const out: Clause[] = [
    statuses.length === 1
      ? { sql: 'l.status = ?', params: [statuses[0]] }
      : { sql: `l.status IN (${statuses.map(() => '?').join(', ')})`, params: [...statuses] },
  ]
  if (q.city !== undefined) out.push({ sql: 'l.city = ?', params: [q.city] })
  // Leaf ids are `<top>.<leaf>` (shared/domain/listing.ts): each kind has its own index.
  if (q.category !== undefined) {
    const column = q.category.includes('.') ? 'l.subcategory' : 'l.category'
    out.push({ sql: `${column} = ?`, params: [q.category] })
  }
  if (q.priceMinFen !== undefined) out.push({ sql: 'l.price_fen >= ?', params: [q.priceMinFen] })
  if (q.priceMaxFen !== undefined) out.push({ sql: 'l.price_fen <= ?', params: [q.priceMaxFen] })
  if (q.conditions?.length) {
    const marks = q.conditions.map(() => '?').join(', ')
    out.push({ sql: `l.condition IN (${marks})`, params: [...q.conditions] })
  }
  if (q.trade?.length) {
    const mask = q.trade.reduce((m, t) => m | TRADE_BITS[t], 0)
    out.push({ sql: '(l.trade & ?) != 0', params: [mask] })
  }
  if (q.kind !== undefined) out.push({ sql: 'l.kind = ?', params: [q.kind] })
  if (q.sellerId !== undefined) out.push({ sql: 'l.seller_id = ?', params: [q.sellerId] })
  if (q.communityId !== undefined) {
    out.push({
      sql: 'EXISTS (SELECT 1 FROM search_community c WHERE c.community_id = ? AND c.pos = l.pos)',
      params: [q.communityId],
    })
  }
  return out
}

/** The exact distance from `near` as a result column, and the radius as a filter on it. */
export const distanceColumn = (near: NonNullable<ListingSearchQuery['near']>): Clause => ({
  sql: `${DISTANCE_FN}(l.latitude, l.longitude, ?, ?)`,
  params: [near.latitude, near.longitude],
})

export const withinRadius = (near: NonNullable<ListingSearchQuery['near']>): Clause[] => {
  const box = boxAround(near, near.radiusMeters)
  return [
    {
      sql: 'l.latitude BETWEEN ? AND ? AND l.longitude BETWEEN ? AND ?',
      params: [box.minLat, box.maxLat, box.minLng, box.maxLng],
    },
    { sql: 'd <= ?', params: [near.radiusMeters] },
  ]
}

export const joinClauses = (clauses: Clause[], sep = ' AND '): Clause => ({
  sql: clauses.map((c) => c.sql).join(sep),
  params: clauses.flatMap((c) => c.params),
})

/**
 * 1 when the listing is filed in one of the categories the query points to, 0 when not, NULL when
 * it points to none: the ranking's inQueryCategory, computed where its rank facts `f` are read.
 */
export const inCategoryColumn = (categories: readonly string[]): Clause => {
  if (categories.length === 0) return { sql: 'NULL', params: [] }
  const marks = categories.map(() => '?').join(', ')
  return {
    sql: `(f.category IN (${marks}) OR coalesce(f.subcategory IN (${marks}), 0))`,
    params: [...categories, ...categories],
  }
}
