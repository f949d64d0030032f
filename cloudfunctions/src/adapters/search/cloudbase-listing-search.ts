import { AppError } from '@shared/errors/error-codes'
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
import type { CloudbaseDocumentStore } from '../store/cloudbase-document-store'
import { fromTcbError } from '../store/cloudbase-errors'
import type { QueryClause, QueryPlan } from './analysis/query-plan'
import { relaxation, termCompletions } from './analysis/search-help'
import {
  POINT_FIELD,
  type ListingSearchDocument,
  type SearchEntry,
  SearchListings,
  searchEntryOf,
} from './cloudbase-search-entry'
import {
  allOf,
  type CbSearchDatabase,
  type Condition,
  keywordConditions,
  listingConditions,
  not,
  termConditions,
  titleHoldsAll,
} from './cloudbase-search-where'
import { charLength, type KeywordTerms, normalizeText, parseKeyword } from './fts-query'
import {
  afterCursor,
  MAX_RANK_KEY,
  needsStrongPool,
  type PoolRow,
  RANK_POOL,
  rankPool,
} from './relevance-pool'
import {
  assertDoc,
  assertQuery,
  byCodePoint,
  completion,
  type PageRow,
  pageOf,
  understood,
} from './search-checks'
import { decodeSearchCursor, type SearchCursor } from './search-cursor'
import { sortKeyTime } from './sort-key-rowid'
import { withAnswers } from './sync-answers'

type Near = ListingSearchQuery['near']
type Order = 'newest' | 'price_asc' | 'price_desc' | 'distance'

/** A listing as a search query reads it back (projected: never the tokens or the point). */
interface Row {
  id: string
  sortKey: string
  priceFen: number
  category: string
  subcategory: string | null
  quality: number | null
  sellerCredit: number | null
  weights: string | null
  title: string
  /** Exact metres from `near`, as shared/domain/geo measures them. */
  d?: number
  /** `d` rounded to whole metres by the database: what the distance order sorts on. */
  metres?: number
}

/**
 * MongoDB measures on a sphere of 6 378 100 m, shared/domain/geo.ts (and so every distance the
 * product shows) on the mean radius 6 371 008.8 m. geoNear's distanceMultiplier turns the one
 * into the other, and a radius in our metres is this much shorter in MongoDB's.
 */
const OUR_METRES_PER_MONGO_METRE = 6_371_008.8 / 6_378_100
const DISTANCE_FIELD = '_searchDistance'
const METRES_FIELD = '_searchMetres'
/** Keys before 2020 (test data only) rank as minted at 2020-01-01, as the SQLite rowids do. */
const EARLIEST_PUBLISHED = Date.UTC(2020, 0, 1)
/** A page of a price scan; CloudBase answers at most 1000 documents per query. */
const SCAN_PAGE = 1000
/** How far each completion's count goes (as in SQLite): enough to order completions. */
const SUGGEST_COUNT_CAP = 100
/** Titles sampled to rank completions by popularity. */
const SUGGEST_TITLES = 300

const ROW_FIELDS = [
  'sortKey',
  'priceFen',
  'category',
  'subcategory',
  'quality',
  'sellerCredit',
  'weights',
]

const sortOf = (order: Order): Record<string, 1 | -1> => {
  const newest = { 'search.sortKey': -1 as const }
  if (order === 'price_asc') return { 'search.priceFen': 1, ...newest }
  if (order === 'price_desc') return { 'search.priceFen': -1, ...newest }
  if (order === 'distance') return { [METRES_FIELD]: 1, ...newest }
  return newest
}

const orderOf = (sort: ListingSearchQuery['sort']): Order =>
  sort === 'relevance' ? 'newest' : sort

/**
 * ListingSearch over the CloudBase document database (@cloudbase/node-sdk). The index is the
 * `search` field of each listing's own document (cloudbase-search-entry.ts): a write inside the
 * listing's transaction goes through that transaction (the store's, joined), so the listing and
 * its search entry commit or roll back together; a write outside one is a single-document
 * update. Queries: filters and tokens as one where clause ordered by an index (newest, price),
 * or, with `near`, a `$geoNear` pipeline on the 2dsphere point that also orders by whole metres.
 * Understood text ranks the same pools as SQLite (relevance-pool.ts).
 */
export class CloudbaseListingSearch implements ListingSearch {
  private ready: Promise<void> | null = null

  constructor(
    private readonly db: CbSearchDatabase,
    private readonly store: CloudbaseDocumentStore,
  ) {}

  async upsert(doc: SearchDoc): Promise<void> {
    assertDoc(doc)
    const entry = searchEntryOf(doc)
    if (!entry) return this.remove(doc.id)
    const tx = this.store.joinedTransaction()
    if (tx) {
      const current = await tx.get(SearchListings, doc.id)
      if (current) await tx.update(SearchListings, doc.id, { search: entry })
      else await tx.insert(SearchListings, { _id: doc.id, search: entry })
      return
    }
    await this.call(async () => {
      const listings = await this.listings()
      const set = () =>
        listings.where({ _id: doc.id }).updateAndReturn({ search: this.db.command.set(entry) })
      if ((await set()).doc) return
      // No listing document (the search contract indexes listings on their own): create it.
      await listings.add({ _id: doc.id, search: entry }).catch(async (e: unknown) => {
        if (!(await set()).doc) throw e
      })
    })
  }

  async remove(id: string): Promise<void> {
    const tx = this.store.joinedTransaction()
    const onlySearch = (d: object) => Object.keys(d).every((k) => k === '_id' || k === 'search')
    if (tx) {
      const current = await tx.get(SearchListings, id)
      if (!current?.search) return
      if (onlySearch(current)) await tx.remove(SearchListings, id)
      else await tx.update(SearchListings, id, { search: undefined })
      return
    }
    await this.call(async () => {
      const listings = await this.listings()
      const { doc } = await listings
        .where({ _id: id, search: this.db.command.exists(true) })
        .updateAndReturn({ search: this.db.command.remove() })
      if (doc && onlySearch(doc as object)) await listings.doc(id).remove()
    })
  }

  async query(q: ListingSearchQuery): Promise<ListingSearchPage> {
    assertQuery(q)
    const plan = understood(q.text)
    if (plan) return this.queryText(q, plan)
    const terms = parseKeyword(q.keyword)
    const cursor = q.cursor === undefined ? null : decodeSearchCursor(q.cursor, q.sort)
    const want = q.limit + 1
    const where = [
      ...listingConditions(this.db.command, q),
      ...(terms ? keywordConditions(this.db, terms) : []),
    ]
    if (q.sort === 'relevance' && terms)
      return pageOf(q, await this.byRelevance(q, terms, where, cursor, want))
    return pageOf(q, await this.ordered(q, where, cursor, want))
  }

  /** Understood text: the tokens' index terms for every order, relevance ranked. */
  private async queryText(q: ListingSearchQuery, plan: QueryPlan): Promise<ListingSearchPage> {
    const ranked = q.sort === 'relevance'
    const cursor =
      q.cursor === undefined
        ? null
        : decodeSearchCursor(q.cursor, q.sort, ranked ? { maxKey: MAX_RANK_KEY } : null)
    if (plan.clauses.length === 0) return { items: [], nextCursor: null }
    const want = q.limit + 1
    if (!ranked) {
      const where = [
        ...listingConditions(this.db.command, q),
        ...termConditions(this.db.command, plan, 'any'),
      ]
      return pageOf(q, await this.ordered(q, where, cursor, want))
    }
    const at = cursor?.at ?? q.now!
    return pageOf(q, await this.byRank(q, plan, at, cursor, want), at)
  }

  /**
   * Relevance over understood text, as SQLite ranks it: the newest RANK_POOL matches (topped up
   * with the newest strong ones when few are strong), scored, then cut after the cursor. Pool
   * rows get positions in sortKey order, which is all rankPool and afterCursor need of them.
   */
  private async byRank(
    q: ListingSearchQuery,
    plan: QueryPlan,
    at: number,
    cursor: SearchCursor | null,
    want: number,
  ): Promise<PageRow[]> {
    const pool = await this.pool(q, plan, 'any')
    if (needsStrongPool(pool.map(this.poolRow(plan, new Map())), plan)) {
      const seen = new Set(pool.map((r) => r.id))
      pool.push(...(await this.pool(q, plan, 'strong')).filter((r) => !seen.has(r.id)))
    }
    const bySortKey = [...pool].sort((a, b) => byCodePoint(a.sortKey, b.sortKey))
    const pos = new Map(bySortKey.map((r, i) => [r.id, i + 1]))
    const rows = pool.map(this.poolRow(plan, pos))
    const ranked = rankPool(rows, plan, at)
    const belowPos = cursor ? bySortKey.filter((r) => r.sortKey < cursor.sortKey).length : 0
    const after = cursor
      ? ranked.filter((r) => afterCursor(r, { key: cursor.key!, belowPos }))
      : ranked
    return after
      .slice(0, want)
      .map((r) => ({ id: r.row.id, sort_key: r.row.sortKey, d: r.row.d, key: r.key }))
  }

  private pool(q: ListingSearchQuery, plan: QueryPlan, scope: 'strong' | 'any') {
    const where = [
      ...listingConditions(this.db.command, q),
      ...termConditions(this.db.command, plan, scope),
    ]
    return this.fetch(q.near, where, 'newest', null, RANK_POOL)
  }

  private poolRow(plan: QueryPlan, pos: Map<string, number>) {
    const categories = new Set(plan.categories)
    return (r: Row): PoolRow & { row: Row } => ({
      row: r,
      pos: pos.get(r.id) ?? 0,
      published: Math.max(EARLIEST_PUBLISHED, sortKeyTime(r.sortKey)),
      in_category:
        categories.size === 0
          ? null
          : categories.has(r.category) || (r.subcategory !== null && categories.has(r.subcategory))
            ? 1
            : 0,
      quality: r.quality,
      seller_credit: r.sellerCredit,
      weights: r.weights ?? '{}',
      ...(r.d === undefined ? {} : { d: r.d }),
    })
  }

  /**
   * Relevance with a keyword: listings whose title holds every term (group 0), then the rest
   * (group 1), each newest first, each one indexed query that stops after a page.
   */
  private async byRelevance(
    q: ListingSearchQuery,
    terms: KeywordTerms,
    where: Condition[],
    cursor: SearchCursor | null,
    want: number,
  ): Promise<PageRow[]> {
    const out: PageRow[] = []
    const start = cursor?.key ?? 0
    const inTitle = titleHoldsAll(this.db, terms)
    if (start === 0) {
      const first = await this.ordered(q, [...where, inTitle], cursor, want)
      out.push(...first.map((r) => ({ ...r, key: 0 })))
    }
    if (out.length < want) {
      const restCursor = start === 1 ? cursor : null
      const rest = await this.ordered(
        q,
        [...where, not(this.db.command, inTitle)],
        restCursor,
        want - out.length,
      )
      out.push(...rest.map((r) => ({ ...r, key: 1 })))
    }
    return out
  }

  /** One page in the query's order (relevance without text or keyword: newest). */
  private async ordered(
    q: ListingSearchQuery,
    where: Condition[],
    cursor: SearchCursor | null,
    want: number,
  ): Promise<PageRow[]> {
    const order = orderOf(q.sort)
    const rows = await this.fetch(q.near, where, order, cursor && this.after(order, cursor), want)
    const key = (r: Row): number | null =>
      order === 'distance'
        ? r.metres!
        : order === 'newest'
          ? q.sort === 'relevance'
            ? 0
            : null
          : r.priceFen
    return rows.map((r) => ({ id: r.id, sort_key: r.sortKey, d: r.d, key: key(r) }))
  }

  /** What comes after the cursor in an order: a greater key, or the same key and older. */
  private after(order: Order, c: SearchCursor): Condition {
    const _ = this.db.command
    const older = { 'search.sortKey': _.lt(c.sortKey) }
    if (order === 'newest') return older
    const field = order === 'distance' ? METRES_FIELD : 'search.priceFen'
    const beyond = order === 'price_desc' ? _.lt(c.key) : _.gt(c.key)
    return _.or([{ [field]: beyond }, { [field]: c.key, ...older }]) as unknown as Condition
  }

  /**
   * The rows matching `where` in `order`, after `after`, at most `limit`. Without `near`: one
   * query. With it: `$geoNear` on the 2dsphere point (radius and distances in our metres), the
   * whole metres added as a field so that the distance order breaks ties newest first.
   */
  private async fetch(
    near: Near,
    where: Condition[],
    order: Order,
    after: Condition | null,
    limit: number,
    fields: string[] = ROW_FIELDS,
  ): Promise<Row[]> {
    const _ = this.db.command
    const listings = await this.listings()
    const projection = Object.fromEntries(fields.map((f) => [`search.${f}`, 1 as const]))
    const docs = await this.call(async () => {
      if (!near) {
        let query = listings.where(allOf(_, after ? [...where, after] : where))
        for (const [field, dir] of Object.entries(sortOf(order)))
          query = query.orderBy(field, dir === 1 ? 'asc' : 'desc')
        const projected = Object.fromEntries(Object.keys(projection).map((k) => [k, true]))
        return (await query.limit(limit).field(projected).get()).data
      }
      let pipeline = listings
        .aggregate()
        .geoNear({
          near: { longitude: near.longitude, latitude: near.latitude },
          distanceField: DISTANCE_FIELD,
          spherical: true,
          key: POINT_FIELD,
          maxDistance: near.radiusMeters / OUR_METRES_PER_MONGO_METRE,
          distanceMultiplier: OUR_METRES_PER_MONGO_METRE,
          query: allOf(_, where),
        })
        .addFields({ [METRES_FIELD]: { $floor: { $add: [`$${DISTANCE_FIELD}`, 0.5] } } })
      if (after) pipeline = pipeline.match(after)
      return (
        await pipeline
          .sort(sortOf(order))
          .limit(limit)
          .project({ ...projection, [DISTANCE_FIELD]: 1, [METRES_FIELD]: 1 })
          .end()
      ).data
    })
    return (docs as (ListingSearchDocument & Record<string, unknown>)[]).map((doc) => {
      const s = (doc.search ?? {}) as Partial<SearchEntry>
      const row: Row = {
        id: doc._id,
        sortKey: s.sortKey!,
        priceFen: s.priceFen!,
        category: s.category!,
        subcategory: s.subcategory ?? null,
        quality: s.quality ?? null,
        sellerCredit: s.sellerCredit ?? null,
        weights: s.weights ?? null,
        title: s.title ?? '',
      }
      if (near) {
        row.d = doc[DISTANCE_FIELD] as number
        row.metres = doc[METRES_FIELD] as number
      }
      return row
    })
  }

  async suggest(q: SuggestQuery): Promise<string[]> {
    const limit = Math.min(Math.max(1, Math.floor(q.limit)), LISTING_SEARCH_LIMITS.suggestMax)
    const terms = parseKeyword(q.prefix)
    if (!terms) return []
    const typed = normalizeText(q.prefix.trim()).split(/\s+/u)
    const completing = typed[typed.length - 1]!
    const head = typed.slice(0, -1).join(' ')
    const where = [
      ...listingConditions(this.db.command, { city: q.city }),
      ...keywordConditions(this.db, terms),
    ]
    const rows = await this.fetch(undefined, where, 'newest', null, SUGGEST_TITLES, ['title'])
    const counts = new Map<string, number>()
    for (const { title } of rows) {
      const word = completion(title, completing)
      if (word) counts.set(word, (counts.get(word) ?? 0) + 1)
    }
    return [...counts]
      .sort((a, b) => b[1] - a[1] || charLength(a[0]) - charLength(b[0]) || byCodePoint(a[0], b[0]))
      .slice(0, limit)
      .map(([word]) => (head ? `${head} ${word}` : word))
  }

  async suggestTerms(q: SuggestQuery): Promise<string[]> {
    const limit = Math.min(Math.max(1, Math.floor(q.limit)), LISTING_SEARCH_LIMITS.suggestMax)
    const inCity = listingConditions(this.db.command, { city: q.city })
    return withAnswers((ask) =>
      termCompletions(q.prefix, limit, (plan) =>
        ask(clausesKey(plan.clauses), async () => {
          const where = [...inCity, ...termConditions(this.db.command, plan, 'any')]
          const rows = await this.fetch(undefined, where, 'newest', null, SUGGEST_COUNT_CAP, [
            'sortKey',
          ])
          return rows.length
        }),
      ),
    )
  }

  async relax(q: ListingSearchQuery): Promise<SearchRelaxation> {
    const plan = understood(q.text)
    if (!plan || plan.clauses.length === 0) return { category: null, text: null }
    const _ = this.db.command
    const open = { ...q, sort: 'newest' as const, limit: 1, cursor: undefined, text: undefined }
    const { category: _category, ...anyCategory } = open
    const exists = async (near: Near, where: Condition[]) =>
      (await this.fetch(near, where, 'newest', null, 1, ['sortKey'])).length > 0
    return withAnswers((ask) =>
      relaxation(
        plan,
        (clauses) =>
          ask(`finds ${clausesKey(clauses)}`, () =>
            exists(open.near, [
              ...listingConditions(_, open),
              ...termConditions(_, { clauses }, 'any'),
            ]),
          ),
        (category) =>
          ask(`has ${category}`, () =>
            exists(open.near, listingConditions(_, { ...anyCategory, category })),
          ),
        (relaxed) =>
          ask(`common ${clausesKey(relaxed.clauses)}`, () =>
            this.commonCategory(anyCategory, relaxed),
          ),
      ),
    )
  }

  /** The leaf category most of a text's newest matches are filed under (no distance, as SQLite). */
  private async commonCategory(q: ListingSearchQuery, plan: QueryPlan): Promise<string | null> {
    const where = [
      ...listingConditions(this.db.command, q),
      ...termConditions(this.db.command, plan, 'any'),
    ]
    const rows = await this.fetch(undefined, where, 'newest', null, 20)
    const counts = new Map<string, number>()
    for (const r of rows) {
      const leaf = r.subcategory ?? r.category
      counts.set(leaf, (counts.get(leaf) ?? 0) + 1)
    }
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null
  }

  async priceStats(q: PriceStatsQuery): Promise<PriceStats> {
    const _ = this.db.command
    const terms = parseKeyword(q.keyword)
    const where: Condition[] = [
      { 'search.status': q.includeSold ? _.in(['active', 'sold']) : 'active' },
      { 'search.city': q.city },
      { 'search.category': q.category },
      ...(q.subcategory === undefined ? [] : [{ 'search.subcategory': q.subcategory }]),
      ...(terms ? keywordConditions(this.db, terms) : []),
    ]
    // Every match's price, a page at a time in sortKey order.
    const all: number[] = []
    let after: Condition | null = null
    for (;;) {
      const rows = await this.fetch(undefined, where, 'newest', after, SCAN_PAGE, [
        'sortKey',
        'priceFen',
      ])
      all.push(...rows.map((r) => r.priceFen))
      if (rows.length < SCAN_PAGE) break
      after = { 'search.sortKey': _.lt(rows[rows.length - 1]!.sortKey) }
    }
    all.sort((a, b) => a - b)
    // Lower nearest-rank quantiles: always a price someone actually asked.
    const at = (p: number) => (all.length ? all[Math.floor(p * (all.length - 1))]! : null)
    return { count: all.length, p25Fen: at(0.25), medianFen: at(0.5), p75Fen: at(0.75) }
  }

  /** The listings collection, created on first use (its indexes come with the deploy). */
  private async listings() {
    if (!this.ready) {
      this.ready = this.store.ensureCollections([SearchListings]).catch((e: unknown) => {
        this.ready = null
        throw e
      })
    }
    await this.ready
    return this.db.collection(SearchListings.name)
  }

  private async call<R>(run: () => Promise<R>): Promise<R> {
    try {
      return await run()
    } catch (e) {
      if (e instanceof AppError) throw e
      throw fromTcbError(e, 'listing search')
    }
  }
}

/** Which alternatives a set of clauses asks for: the key of one answer in withAnswers. */
const clausesKey = (clauses: QueryClause[]) =>
  JSON.stringify(clauses.map((c) => c.alternatives.map((a) => a.token).sort()))
