/**
 * ListingSearch: keyword (Chinese and Latin), filters, distance and sort over listings in one
 * query. The listing module feeds it (`upsert` / `remove`, inside the listing's transaction) and
 * the search function reads it. Adapters: SQLite (FTS5 trigram + 2-gram index + R*Tree) locally,
 * CloudBase (geoNear + index) in production; both pass `listing-search.contract.ts`.
 *
 * Semantics every adapter shares:
 * - Only `active` listings are ever returned by `query` and `suggest`. `sold` listings are kept
 *   for `priceStats({ includeSold: true })`; any other status is dropped from the index.
 * - Keyword, literal (`keyword`): NFKC-normalised and lower-cased, split on whitespace into
 *   terms; every term must match (AND). A term of 2+ characters matches when it is a substring of
 *   the title or the description; a 1-character term (书, 包) matches titles only, because one
 *   character in a long description matches almost everything. FTS syntax in a keyword is plain
 *   text. Price statistics use it; search itself uses `text`.
 * - Text, understood (`text`): what a person typed, matched against index terms computed at write
 *   time from the title, the category and subcategory names, the brands and model numbers named,
 *   and the description (adapters/search/analysis): synonyms and broader words of the synonym
 *   table (domain/search-synonyms.ts: 耳机 finds AirPods, 苹果 finds iPhones), pinyin and
 *   initials (erji, ej), traditional characters (耳機) and common typos (耳几, arpods). Every word
 *   must match (AND), through any of its alternatives.
 * - Orders, each ending with newest first (`sortKey` descending) so pages are deterministic:
 *   relevance = with `keyword`, listings whose title contains every term, then the rest (newest
 *   first in each group); with `text`, `rankScore` (domain/search-ranking.ts: text match weighted
 *   by field, freshness, distance, quality) over the newest RANK_POOL matches and the newest
 *   RANK_POOL title, brand or category matches; without either it is newest. newest =
 *   `sortKey` descending; price_asc / price_desc = `priceFen` then newest; distance = whole
 *   metres from `near`, then newest.
 * - Exact coordinates never leave the adapter: hits carry the distance only.
 */
import type { ConditionId, ListingKind, ListingStatus, TradeMethod } from '@shared/domain/listing'

/** What the listing module hands the index for each listing. */
export interface SearchDoc {
  /** The listing id (ULID). */
  id: string
  /**
   * ULID of the last publish, relist or 擦亮 renew: newest-first orders by it, descending.
   * Unique across listings (a fresh ULID each time).
   */
  sortKey: string
  sellerId: string
  status: ListingStatus
  kind: ListingKind
  title: string
  description: string
  city: string
  /** Exact position; used for distance and never returned. */
  latitude: number
  longitude: number
  /** Top-level category id, e.g. `digital`. */
  category: string
  /** Leaf category id, e.g. `digital.earphones`. */
  subcategory: string | null
  /** Null for services. */
  condition: ConditionId | null
  priceFen: number
  shipping: boolean
  meetup: boolean
  pickup: boolean
  communityIds: string[]
  /** The listing quality score (0–100) relevance weighs; absent or null counts as unknown. */
  qualityScore?: number | null
  /** Hook for the seller's credit (0–1) in relevance; no credit score exists yet, so unset. */
  sellerCredit?: number | null
}

export type ListingSearchSort = 'relevance' | 'newest' | 'price_asc' | 'price_desc' | 'distance'

export interface NearFilter {
  latitude: number
  longitude: number
  /** Only listings at most this far away; 1 to 50 000. */
  radiusMeters: number
}

export interface ListingSearchQuery {
  /** Matched literally; 1–30 characters after trimming; blank means no keyword. */
  keyword?: string
  /** What a person typed, understood (not with `keyword`); 1–30 characters, blank = none. */
  text?: string
  /** When relevance with `text` is ranked (freshness counts from it); later pages use the cursor's. */
  now?: number
  city?: string
  /** A top-level id (`digital`) or a leaf id (`digital.earphones`). */
  category?: string
  priceMinFen?: number
  priceMaxFen?: number
  /** Any of these grades. */
  conditions?: ConditionId[]
  /** Offers any of these trade methods. */
  trade?: TradeMethod[]
  kind?: ListingKind
  /** Required by `sort: 'distance'`; also makes every hit carry its distance. */
  near?: NearFilter
  communityId?: string
  sellerId?: string
  sort: ListingSearchSort
  /** 1–50. */
  limit: number
  /** `nextCursor` of the previous page, for the same query; malformed → COMMON.VALIDATION. */
  cursor?: string
}

export interface ListingSearchHit {
  id: string
  /** Whole metres from `near`, or null when the query had no `near`. */
  distanceMeters: number | null
}

export interface ListingSearchPage {
  items: ListingSearchHit[]
  nextCursor: string | null
}

export interface SuggestQuery {
  /** What the user has typed so far (1–30 characters). */
  prefix: string
  city: string
  /** 1–20. */
  limit: number
}

export interface PriceStatsQuery {
  city: string
  category: string
  subcategory?: string
  keyword?: string
  /** Count sold listings too (what things actually went for), not only active asking prices. */
  includeSold?: boolean
}

/** What to offer when a `text` search found nothing. */
export interface SearchRelaxation {
  /** The category (top-level or leaf id) closest to what was asked that has listings here. */
  category: string | null
  /** The typed text with its least telling words left out, when that finds listings. */
  text: string | null
}

/** Prices of similar listings; the quantiles are listed prices (no averaging), null when none. */
export interface PriceStats {
  count: number
  p25Fen: number | null
  medianFen: number | null
  p75Fen: number | null
}

export interface ListingSearch {
  /** Inserts or replaces every index entry of `doc.id`; call inside the listing's transaction. */
  upsert(doc: SearchDoc): Promise<void>
  /** Drops every index entry of the listing; removing an unknown id does nothing. */
  remove(id: string): Promise<void>
  /** Active listings matching the query, in its order, one page at a time. */
  query(q: ListingSearchQuery): Promise<ListingSearchPage>
  /** Completions for a typed prefix: the most frequent matching title words in the city. */
  suggest(q: SuggestQuery): Promise<string[]>
  /**
   * Completions from the synonym table and category names (typed, or as pinyin) that find
   * listings in the city, most listings first: 苹 → 苹果, 苹果手机, 苹果耳机.
   */
  suggestTerms(q: SuggestQuery): Promise<string[]>
  /** For a `text` query that found nothing: the nearest category and a relaxed text. */
  relax(q: ListingSearchQuery): Promise<SearchRelaxation>
  /** Price quartiles of active (and optionally sold) listings like the one being priced. */
  priceStats(q: PriceStatsQuery): Promise<PriceStats>
}

/** Limits adapters enforce on top of the contract's validation (bad value: COMMON.VALIDATION). */
export const LISTING_SEARCH_LIMITS = {
  keywordMax: 30,
  pageMax: 50,
  radiusMaxMeters: 50_000,
  suggestMax: 20,
} as const
