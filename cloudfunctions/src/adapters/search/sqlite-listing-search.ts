import type Database from 'better-sqlite3'
import {
  LISTING_SEARCH_LIMITS,
  type ListingSearch,
  type ListingSearchPage,
  type ListingSearchQuery,
  type PriceStats,
  type PriceStatsQuery,
  type SearchDoc,
  type SearchRelaxation,
  type SuggestQuery,
} from '../../modules/search/ports/listing-search.port'
import { STRONG_TERM_WEIGHT, TERM_WEIGHTS } from '../../modules/search/domain/search-ranking'
import { type ListingTerms, listingTerms, splitTerms } from './analysis/listing-terms'
import type { QueryPlan } from './analysis/query-plan'
import { relaxation, termCompletions } from './analysis/search-help'
import { termVocabulary } from './analysis/term-vocabulary'
import { bigramDocument } from './bigram-index'
import { charLength, type KeywordTerms, normalizeText, parseKeyword } from './fts-query'
import { decodeSearchCursor, type SearchCursor } from './search-cursor'
import {
  assertDoc,
  assertQuery,
  byCodePoint,
  completion,
  type PageRow,
  pageOf,
  understood,
} from './search-checks'
import { installSchema, TRADE_BITS } from './search-schema'
import {
  type Clause,
  distanceColumn,
  inCategoryColumn,
  geoSource,
  joinClauses,
  listingFilters,
  type Source,
  tableSource,
  termsSource,
  cityTerm,
  textSource,
  withinRadius,
} from './search-sql'
import {
  afterCursor,
  MAX_RANK_KEY,
  needsStrongPool,
  type PoolRow,
  RANK_POOL,
  rankPool,
} from './relevance-pool'
import { BUCKET_SIZE, bucketOf, chooseRowid, rowidTimeSql, spreadRowids } from './sort-key-rowid'

type Near = NonNullable<ListingSearchQuery['near']>
type Row = { pos: number; id: string; sort_key: string; price_fen: number; d?: number }
type Ranked = Row & { key: number | null }

/**
 * Statuses kept in search_listing: active is searchable; sold only feeds price statistics, so it
 * stays out of the FTS tables and the R*Tree, where it would only be skipped by every query.
 */
const INDEXED_STATUSES = new Set(['active', 'sold'])
/** Part of the stored terms version: how the terms tables are laid out (+city: search_city_terms). */
const TERMS_LAYOUT = '+city+facts'
/** Above this radius a non-distance order scans the newest rows instead of the R*Tree box. */
const GEO_SOURCE_MAX_METERS = 5_000
const STATEMENT_CACHE_MAX = 500
/** Where the expanding search starts: a dense district holds a page within a few hundred metres. */
const FIRST_RADIUS_METERS = 250
/** How far each completion's count goes: enough to order completions by how much they find. */
const SUGGEST_COUNT_CAP = 100

/**
 * ListingSearch on SQLite, on the DocumentStore's own connection so that index writes join the
 * listing's transaction (`store.transaction(async () => { …; await search.upsert(doc) })`).
 * Tables and the plan behind each order are described in search-schema.ts and search-sql.ts.
 *
 * Writes outside a DocumentStore transaction are atomic on their own (better-sqlite3 turns a
 * nested transaction into a savepoint), but they cannot wait for another caller's open
 * transaction: call them inside one.
 */
export class SqliteListingSearch implements ListingSearch {
  private readonly statements = new Map<string, Database.Statement>()

  constructor(private readonly db: Database.Database) {
    installSchema(db)
    this.refreshTerms()
  }

  async upsert(doc: SearchDoc): Promise<void> {
    assertDoc(doc)
    // Computed before the write: the analysis is pure and the transaction stays short.
    const terms = doc.status === 'active' ? listingTerms(doc) : null
    this.db.transaction(() => {
      this.removeNow(doc.id)
      if (!INDEXED_STATUSES.has(doc.status)) return
      const pos = this.allocate(doc.sortKey)
      const titleNorm = normalizeText(doc.title)
      const trade =
        (doc.shipping ? TRADE_BITS.shipping : 0) |
        (doc.meetup ? TRADE_BITS.meetup : 0) |
        (doc.pickup ? TRADE_BITS.pickup : 0)
      this.stmt(
        `INSERT INTO search_listing (pos, id, sort_key, status, seller_id, kind, city, category,
           subcategory, condition, price_fen, trade, latitude, longitude, title, title_norm,
           quality, seller_credit)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        pos,
        doc.id,
        doc.sortKey,
        doc.status,
        doc.sellerId,
        doc.kind,
        doc.city,
        doc.category,
        doc.subcategory,
        doc.condition,
        doc.priceFen,
        trade,
        doc.latitude,
        doc.longitude,
        doc.title,
        titleNorm,
        doc.qualityScore ?? null,
        doc.sellerCredit ?? null,
      )
      const bodyNorm = normalizeText(doc.description)
      this.stmt('INSERT INTO search_body (pos, body_norm) VALUES (?, ?)').run(pos, bodyNorm)
      const facts = {
        ...doc,
        subcategory: doc.subcategory ?? null,
        quality: doc.qualityScore ?? null,
        seller_credit: doc.sellerCredit ?? null,
      }
      if (doc.status === 'active') this.writeSearchable(pos, titleNorm, bodyNorm, facts, terms!)
      const community = this.stmt(
        'INSERT OR IGNORE INTO search_community (community_id, pos) VALUES (?, ?)',
      )
      for (const c of doc.communityIds) community.run(c, pos)
    })()
  }

  async remove(id: string): Promise<void> {
    this.db.transaction(() => this.removeNow(id))()
  }

  /**
   * Merges each FTS table's segments into one (seconds at a million listings). Not part of the
   * port: a maintenance step for after a bulk load or a nightly timer, since every query reads
   * every segment and incremental writes leave many.
   */
  optimize() {
    for (const table of ['search_trigram', 'search_bigram', 'search_terms', 'search_city_terms']) {
      this.db.prepare(`INSERT INTO ${table} (${table}) VALUES ('optimize')`).run()
    }
  }

  async query(q: ListingSearchQuery): Promise<ListingSearchPage> {
    assertQuery(q)
    const plan = understood(q.text)
    if (plan) return this.queryText(q, plan)
    const terms = parseKeyword(q.keyword)
    const cursor = q.cursor === undefined ? null : decodeSearchCursor(q.cursor, q.sort)
    const want = q.limit + 1
    let rows: Ranked[]
    if (q.sort === 'distance') {
      rows = terms
        ? this.ranked(q, textSource(terms, 'any'), cursor, want)
        : this.nearest(q, q.near!, cursor, want)
    } else if (q.sort === 'relevance' && terms) {
      rows = this.byRelevance(q, terms, cursor, want)
    } else {
      rows = this.ranked(q, this.source(q, terms), cursor, want)
    }
    return pageOf(q, rows)
  }

  /** Understood text: the terms table as the source of every order, relevance ranked. */
  private queryText(q: ListingSearchQuery, plan: QueryPlan): ListingSearchPage {
    const ranked = q.sort === 'relevance'
    const cursor =
      q.cursor === undefined
        ? null
        : decodeSearchCursor(q.cursor, q.sort, ranked ? { maxKey: MAX_RANK_KEY } : null)
    const want = q.limit + 1
    if (plan.clauses.length === 0) return { items: [], nextCursor: null }
    if (!ranked) return pageOf(q, this.ranked(q, termsSource(plan, 'any', q.city), cursor, want))
    const at = cursor?.at ?? q.now!
    return pageOf(q, this.byRank(q, plan, at, cursor, want), at)
  }

  /** Relevance over understood text: the pool of matches (relevance-pool.ts), ranked. */
  private byRank(
    q: ListingSearchQuery,
    plan: QueryPlan,
    at: number,
    cursor: SearchCursor | null,
    want: number,
  ): PageRow[] {
    const pool = this.pool(q, plan, termsSource(plan, 'any', q.city))
    if (needsStrongPool(pool, plan)) {
      const seen = new Set(pool.map((r) => r.pos))
      const strong = this.pool(q, plan, termsSource(plan, 'strong', q.city))
      pool.push(...strong.filter((r) => !seen.has(r.pos)))
    }
    const ranked = rankPool(pool, plan, at)
    const belowPos = cursor ? this.below(cursor.sortKey) : 0
    const after = cursor
      ? ranked.filter((r) => afterCursor(r, { key: cursor.key!, belowPos }))
      : ranked
    const page = after.slice(0, want)
    const listings = this.listingsAt(page.map((r) => r.pos))
    return page.map((r) => ({ ...listings.get(r.pos)!, d: r.d, key: r.key }))
  }

  /**
   * The newest RANK_POOL matches of a source, read from the rank facts alone (search-schema.ts):
   * turning columns into JavaScript values is most of a pool's cost. A query that filters on more
   * than its city (price, category, distance …) joins the listing rows for the filters.
   */
  private pool(q: ListingSearchQuery, plan: QueryPlan, source: Source): PoolRow[] {
    const near = q.near
    const distance = near ? distanceColumn(near) : null
    const inCategory = inCategoryColumn(plan.categories)
    const filters = [...listingFilters(q), ...(near ? withinRadius(near) : [])]
    // Status and city are all a plain city query filters on (listingFilters), and the city terms
    // table holds only the city's active listings: those filters are already met.
    const onlyTheCity = q.city !== undefined && filters.length === 2
    const table = source.order.split('.')[0]
    const from = onlyTheCity
      ? `${table} CROSS JOIN search_term_weights f ON f.pos = ${table}.rowid`
      : `${source.from} JOIN search_term_weights f ON f.pos = l.pos`
    const where = joinClauses([...source.where, ...(onlyTheCity ? [] : filters)])
    const sql = `SELECT f.pos, ${rowidTimeSql('f.pos')} AS published, ${inCategory.sql} AS in_category,
        f.quality, f.seller_credit, f.weights${distance ? `, ${distance.sql} AS d` : ''}
      FROM ${from} WHERE ${where.sql} ORDER BY ${source.order} DESC LIMIT ?`
    return this.stmt(sql).all(
      ...inCategory.params,
      ...(distance?.params ?? []),
      ...where.params,
      RANK_POOL,
    ) as PoolRow[]
  }

  /** Listing ids and sortKeys by pos, for the one page a ranked pool answers. */
  private listingsAt(positions: number[]): Map<number, { id: string; sort_key: string }> {
    if (positions.length === 0) return new Map()
    const marks = positions.map(() => '?').join(', ')
    const rows = this.stmt(
      `SELECT pos, id, sort_key FROM search_listing WHERE pos IN (${marks})`,
    ).all(...positions) as { pos: number; id: string; sort_key: string }[]
    return new Map(rows.map((r) => [r.pos, r]))
  }

  async suggestTerms(q: SuggestQuery): Promise<string[]> {
    const limit = Math.min(Math.max(1, Math.floor(q.limit)), LISTING_SEARCH_LIMITS.suggestMax)
    const inCity = listingFilters({ city: q.city, sort: 'newest', limit: 1 })
    return termCompletions(q.prefix, limit, (plan) => {
      const source = termsSource(plan, 'any', q.city)
      const where = joinClauses([...source.where, ...inCity])
      return this.stmt(
        `SELECT count(*) FROM (SELECT 1 FROM ${source.from} WHERE ${where.sql} LIMIT ?)`,
      )
        .pluck()
        .get(...where.params, SUGGEST_COUNT_CAP) as number
    })
  }

  async relax(q: ListingSearchQuery): Promise<SearchRelaxation> {
    const plan = understood(q.text)
    if (!plan || plan.clauses.length === 0) return { category: null, text: null }
    const open = { ...q, sort: 'newest' as const, limit: 1, cursor: undefined, text: undefined }
    const { category: _, ...anyCategory } = open
    return relaxation(
      plan,
      (clauses) =>
        this.ranked(open, termsSource({ ...plan, clauses }, 'any', q.city), null, 1).length > 0,
      (category) => this.ranked({ ...anyCategory, category }, tableSource(), null, 1).length > 0,
      (relaxed) => this.commonCategory(anyCategory, relaxed),
    )
  }

  /** The leaf category most of a text's newest matches are filed under. */
  private commonCategory(q: ListingSearchQuery, plan: QueryPlan): string | null {
    const source = termsSource(plan, 'any', q.city)
    const where = joinClauses([...source.where, ...listingFilters(q)])
    const leaves = this.stmt(
      `SELECT coalesce(l.subcategory, l.category) FROM ${source.from}
       WHERE ${where.sql} ORDER BY ${source.order} DESC LIMIT 20`,
    )
      .pluck()
      .all(...where.params) as string[]
    const counts = new Map<string, number>()
    for (const c of leaves) counts.set(c, (counts.get(c) ?? 0) + 1)
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null
  }

  async suggest(q: SuggestQuery): Promise<string[]> {
    const limit = Math.min(Math.max(1, Math.floor(q.limit)), LISTING_SEARCH_LIMITS.suggestMax)
    const terms = parseKeyword(q.prefix)
    if (!terms) return []
    const typed = normalizeText(q.prefix.trim()).split(/\s+/u)
    const completing = typed[typed.length - 1]!
    const head = typed.slice(0, -1).join(' ')
    // A sample of the newest matching titles is enough to rank completions by popularity.
    const source = textSource(terms, 'any')
    const inCity = listingFilters({ city: q.city, sort: 'newest', limit: 1 })
    const where = joinClauses([...source.where, ...inCity])
    const titles = this.stmt(
      `SELECT l.title FROM ${source.from} WHERE ${where.sql}
       ORDER BY ${source.order} DESC LIMIT 300`,
    )
      .pluck()
      .all(...where.params) as string[]
    const counts = new Map<string, number>()
    for (const title of titles) {
      const word = completion(title, completing)
      if (word) counts.set(word, (counts.get(word) ?? 0) + 1)
    }
    return [...counts]
      .sort((a, b) => b[1] - a[1] || charLength(a[0]) - charLength(b[0]) || byCodePoint(a[0], b[0]))
      .slice(0, limit)
      .map(([word]) => (head ? `${head} ${word}` : word))
  }

  async priceStats(q: PriceStatsQuery): Promise<PriceStats> {
    const terms = parseKeyword(q.keyword)
    const similar = (status: string): Clause[] => [
      ...listingFilters({ city: q.city, sort: 'newest', limit: 1 }, [status]),
      { sql: 'l.category = ?', params: [q.category] },
      ...(q.subcategory === undefined
        ? []
        : [{ sql: 'l.subcategory = ?', params: [q.subcategory] }]),
    ]
    const prices = (source: Source, where: Clause[]) => {
      const w = joinClauses([...source.where, ...where])
      return this.stmt(`SELECT l.price_fen FROM ${source.from} WHERE ${w.sql}`)
        .pluck()
        .all(...w.params) as number[]
    }
    const all = prices(terms ? textSource(terms, 'any') : tableSource(), similar('active'))
    if (q.includeSold) {
      // Sold listings are not in the FTS tables: the same substring rules, checked row by row
      // over the (few) sold listings of the category in the city.
      const soldSource: Source = terms
        ? {
            from: 'search_listing l JOIN search_body b ON b.pos = l.pos',
            order: 'l.pos',
            where: [],
          }
        : tableSource()
      const textChecks = (terms?.all ?? []).map((t): Clause =>
        charLength(t) === 1
          ? { sql: 'instr(l.title_norm, ?) > 0', params: [t] }
          : { sql: '(instr(l.title_norm, ?) > 0 OR instr(b.body_norm, ?) > 0)', params: [t, t] },
      )
      all.push(...prices(soldSource, [...similar('sold'), ...textChecks]))
    }
    all.sort((a, b) => a - b)
    // Lower nearest-rank quantiles: always a price someone actually asked.
    const at = (p: number) => (all.length ? all[Math.floor(p * (all.length - 1))]! : null)
    return { count: all.length, p25Fen: at(0.25), medianFen: at(0.5), p75Fen: at(0.75) }
  }

  /** Newest-ordered source for a non-distance query: FTS, the R*Tree box, or the table. */
  private source(q: ListingSearchQuery, terms: KeywordTerms | null): Source {
    if (terms) return textSource(terms, 'any')
    if (q.near && q.near.radiusMeters <= GEO_SOURCE_MAX_METERS) return geoSource(q.near)
    return tableSource()
  }

  /**
   * One SQL statement for the orders SQLite can finish itself: newest (source order, no sort),
   * price (sorts the filtered matches), and distance over a keyword's matches.
   */
  private ranked(
    q: ListingSearchQuery,
    source: Source,
    cursor: SearchCursor | null,
    want: number,
    extra: Clause[] = [],
  ): Ranked[] {
    const near = q.near
    const columns = 'l.pos, l.id, l.sort_key, l.price_fen'
    const distance = near ? distanceColumn(near) : null
    const select: Clause = distance
      ? { sql: `${columns}, ${distance.sql} AS d`, params: distance.params }
      : { sql: columns, params: [] }
    const where = [
      ...source.where,
      ...listingFilters(q),
      ...(near ? withinRadius(near) : []),
      ...extra,
    ]
    let order: string
    let key: (r: Row) => number | null
    if (q.sort === 'price_asc' || q.sort === 'price_desc') {
      const asc = q.sort === 'price_asc'
      order = `l.price_fen ${asc ? 'ASC' : 'DESC'}, l.pos DESC`
      key = (r) => r.price_fen
      if (cursor) {
        where.push({
          sql: `(l.price_fen ${asc ? '>' : '<'} ? OR (l.price_fen = ? AND l.pos <= ?))`,
          params: [cursor.key, cursor.key, this.below(cursor.sortKey)],
        })
      }
    } else if (q.sort === 'distance') {
      order = 'round(d) ASC, l.pos DESC'
      key = (r) => Math.round(r.d!)
      if (cursor) {
        where.push({
          sql: '(round(d) > ? OR (round(d) = ? AND l.pos <= ?))',
          params: [cursor.key, cursor.key, this.below(cursor.sortKey)],
        })
      }
    } else {
      order = `${source.order} DESC`
      key = () => (q.sort === 'relevance' ? 0 : null)
      if (cursor) where.push({ sql: `${source.order} <= ?`, params: [this.below(cursor.sortKey)] })
    }
    const w = joinClauses(where)
    const sql = `SELECT ${select.sql} FROM ${source.from} WHERE ${w.sql} ORDER BY ${order} LIMIT ?`
    const rows = this.stmt(sql).all(...select.params, ...w.params, want) as Row[]
    return rows.map((r) => ({ ...r, key: key(r) }))
  }

  /**
   * Relevance with a keyword: listings whose title holds every term (group 0), then the rest
   * (group 1), each newest first. Both groups are FTS scans in rowid order that stop after a page.
   */
  private byRelevance(
    q: ListingSearchQuery,
    terms: KeywordTerms,
    cursor: SearchCursor | null,
    want: number,
  ): Ranked[] {
    const out: Ranked[] = []
    const start = cursor?.key ?? 0
    if (start === 0) {
      const inTitle = this.ranked(q, textSource(terms, 'title'), cursor, want)
      out.push(...inTitle.map((r) => ({ ...r, key: 0 })))
    }
    if (out.length < want) {
      const titleHasAll: Clause = {
        sql: `NOT (${terms.all.map(() => 'instr(l.title_norm, ?) > 0').join(' AND ')})`,
        params: terms.all,
      }
      const restCursor = start === 1 ? cursor : null
      const rest = this.ranked(q, textSource(terms, 'any'), restCursor, want - out.length, [
        titleHasAll,
      ])
      out.push(...rest.map((r) => ({ ...r, key: 1 })))
    }
    return out
  }

  /**
   * Distance order without a keyword: search the R*Tree in growing circles and stop at the first
   * circle that already holds a full page nothing outside it could precede, so "the closest 20
   * within 5 km" in a dense district reads a few hundred metres, not all of 5 km. Each circle's
   * size follows from how many listings the previous one held.
   */
  private nearest(
    q: ListingSearchQuery,
    near: Near,
    cursor: SearchCursor | null,
    want: number,
  ): Ranked[] {
    let radius = Math.min(near.radiusMeters, FIRST_RADIUS_METERS + (cursor?.key ?? 0))
    for (;;) {
      const circle = { ...near, radiusMeters: radius }
      const rows = this.ranked({ ...q, near: circle }, geoSource(circle), cursor, want)
      if (radius >= near.radiusMeters) return rows
      // Anything outside this circle is farther than `radius`, so it rounds to at least
      // round(radius): a full page below that value is final.
      const last = rows[want - 1]
      if (last && last.key! < Math.round(radius)) return rows
      // Too few inside: grow by the area that should hold a page at the density seen so far.
      const growth = Math.sqrt(want / Math.max(rows.length, 0.5)) * 1.2
      radius = Math.min(near.radiusMeters, radius * Math.min(4, Math.max(1.5, growth)))
    }
  }

  /**
   * The cursor's position as a rowid bound: the greatest pos whose sortKey sorts before the
   * cursor's. Rows at or below it come after the cursor, even if the cursor's own listing has
   * since been renewed or removed.
   */
  private below(sortKey: string): number {
    const pos = this.stmt(
      'SELECT pos FROM search_listing WHERE sort_key < ? ORDER BY sort_key DESC LIMIT 1',
    )
      .pluck()
      .get(sortKey) as number | undefined
    return pos ?? -1
  }

  /** The pos for a new sortKey; spreads its millisecond bucket out first if it is crowded. */
  private allocate(sortKey: string): number {
    const { first } = bucketOf(sortKey)
    const pos = chooseRowid(sortKey, this.bucket(first))
    if (pos !== null) return pos
    const rows = this.bucket(first)
    const spread = spreadRowids(first, rows.length)
    // Through negative positions, so no row lands on a slot another has not left yet.
    rows.forEach((r, i) => this.move(r.rowid, -1 - i))
    rows.forEach((_, i) => this.move(-1 - i, spread[i]!))
    return chooseRowid(sortKey, this.bucket(first))!
  }

  private bucket(first: number) {
    return this.stmt(
      `SELECT pos AS rowid, sort_key AS sortKey FROM search_listing
       WHERE pos BETWEEN ? AND ? ORDER BY pos`,
    ).all(first, first + BUCKET_SIZE - 1) as { rowid: number; sortKey: string }[]
  }

  /** Re-keys one listing's entries (FTS rows cannot change rowid: they are re-inserted). */
  private move(from: number, to: number) {
    const row = this.stmt(
      `SELECT status, city, latitude, longitude, title, title_norm, category, subcategory,
       quality, seller_credit FROM search_listing WHERE pos = ?`,
    ).get(from) as IndexedRow
    const body = this.stmt('SELECT body_norm FROM search_body WHERE pos = ?').pluck().get(from)
    this.dropText(from)
    for (const table of ['search_listing', 'search_body', 'search_community']) {
      this.stmt(`UPDATE ${table} SET pos = ? WHERE pos = ?`).run(to, from)
    }
    if (row.status === 'active') {
      const terms = listingTerms({ ...row, description: body as string })
      this.writeSearchable(to, row.title_norm, body as string, row, terms)
    }
  }

  /** FTS rows, index terms and the R*Tree point: what makes an active listing findable. */
  private writeSearchable(
    pos: number,
    titleNorm: string,
    bodyNorm: string,
    place: { latitude: number; longitude: number } & RankFacts,
    terms: ListingTerms,
  ) {
    const trigram = this.stmt('INSERT INTO search_trigram (rowid, title, body) VALUES (?, ?, ?)')
    trigram.run(pos, titleNorm, bodyNorm)
    const grams = bigramDocument(titleNorm, bodyNorm)
    const bigram = this.stmt('INSERT INTO search_bigram (rowid, title, body) VALUES (?, ?, ?)')
    bigram.run(pos, grams.title, grams.body)
    this.writeTerms(pos, place, terms)
    const { latitude: lat, longitude: lng } = place
    this.stmt('INSERT INTO search_geo VALUES (?, ?, ?, ?, ?)').run(pos, lat, lat, lng, lng)
  }

  /** The listing's terms, as they are and qualified by its city (search-sql.ts termsSource). */
  private writeTerms(pos: number, facts: RankFacts, terms: ListingTerms) {
    const { city } = facts
    const { strong, weak } = splitTerms(terms, STRONG_TERM_WEIGHT)
    this.stmt('INSERT INTO search_terms (rowid, strong, weak) VALUES (?, ?, ?)').run(
      pos,
      strong.join(' '),
      weak.join(' '),
    )
    const inCity = (list: string[]) => list.map((t) => cityTerm(city, t)).join(' ')
    this.stmt('INSERT INTO search_city_terms (rowid, strong, weak) VALUES (?, ?, ?)').run(
      pos,
      inCity(strong),
      inCity(weak),
    )
    const kept = [...terms].filter(([, w]) => w >= TERM_WEIGHTS.titleChar)
    this.stmt(
      `INSERT OR REPLACE INTO search_term_weights
       (pos, weights, category, subcategory, quality, seller_credit) VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(
      pos,
      JSON.stringify(Object.fromEntries(kept)),
      facts.category,
      facts.subcategory,
      facts.quality,
      facts.seller_credit,
    )
  }

  private dropText(pos: number) {
    this.stmt('DELETE FROM search_trigram WHERE rowid = ?').run(pos)
    this.stmt('DELETE FROM search_bigram WHERE rowid = ?').run(pos)
    this.stmt('DELETE FROM search_terms WHERE rowid = ?').run(pos)
    this.stmt('DELETE FROM search_city_terms WHERE rowid = ?').run(pos)
    this.stmt('DELETE FROM search_term_weights WHERE pos = ?').run(pos)
    this.stmt('DELETE FROM search_geo WHERE pos = ?').run(pos)
  }

  private removeNow(id: string) {
    const pos = this.stmt('SELECT pos FROM search_listing WHERE id = ?').pluck().get(id) as
      number | undefined
    if (pos === undefined) return
    this.dropText(pos)
    for (const table of ['search_community', 'search_body', 'search_listing']) {
      this.stmt(`DELETE FROM ${table} WHERE pos = ?`).run(pos)
    }
  }

  /**
   * Index terms are computed at write time, so a new synonym table or analysis makes the stored
   * ones stale: on open, recompute every active listing's from the text the index keeps.
   */
  private refreshTerms() {
    const version = `${termVocabulary().version}${TERMS_LAYOUT}`
    const stored = this.db
      .prepare("SELECT value FROM search_meta WHERE key = 'terms_version'")
      .pluck()
      .get()
    if (stored === version) return
    this.db.transaction(() => {
      const rows = this.db
        .prepare(
          `SELECT l.pos, l.city, l.title, l.category, l.subcategory, l.quality, l.seller_credit,
           b.body_norm FROM search_listing l
           JOIN search_body b ON b.pos = l.pos WHERE l.status = 'active'`,
        )
        .all() as (IndexedRow & { pos: number; body_norm: string })[]
      for (const r of rows) {
        this.stmt('DELETE FROM search_terms WHERE rowid = ?').run(r.pos)
        this.stmt('DELETE FROM search_city_terms WHERE rowid = ?').run(r.pos)
        this.writeTerms(r.pos, r, listingTerms({ ...r, description: r.body_norm }))
      }
      this.db
        .prepare("INSERT OR REPLACE INTO search_meta (key, value) VALUES ('terms_version', ?)")
        .run(version)
    })()
  }

  /** Prepared statements by SQL text: preparing costs as much as a small indexed query. */
  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql)
    if (!s) {
      if (this.statements.size >= STATEMENT_CACHE_MAX) this.statements.clear()
      s = this.db.prepare(sql)
      this.statements.set(sql, s)
    }
    return s
  }
}

/** What move() and refreshTerms() read back to recompute a listing's terms. */
/** What ranking reads besides the terms, kept with the weights (search_term_weights). */
interface RankFacts {
  city: string
  category: string
  subcategory: string | null
  quality: number | null
  seller_credit: number | null
}

interface IndexedRow extends RankFacts {
  status: string
  latitude: number
  longitude: number
  title: string
  title_norm: string
}
