import { defineCollection } from '../../modules/core/ports/document-store.port'
import type { SearchDoc } from '../../modules/search/ports/listing-search.port'
import { STRONG_TERM_WEIGHT, TERM_WEIGHTS } from '../../modules/search/domain/search-ranking'
import { listingTerms, termList } from './analysis/listing-terms'
import { normalizeText } from './fts-query'

/**
 * What CloudBase search keeps of a listing: one `search` field on the listing's own document
 * (collection `listings`), so search needs no second store and is written in the same
 * transaction as the listing. Everything a query filters, orders or ranks on is here, under
 * `search.`; the listing module's own fields are never read.
 *
 * `tokens` is the one array keyword and understood text are matched on, with an indexed `$all`
 * (every needed token) or `$in` (any alternative of a clause):
 * - `g:` + each overlapping pair of characters of the title and description (never across a
 *   space): a 2-character keyword term is exactly one token, a longer one needs all its pairs
 *   (and a regex on the normalised text confirms the substring);
 * - `u:` + each character of the title: a 1-character term matches titles only;
 * - `s:` / `w:` + each index term of analysis/listing-terms.ts (jieba words, synonym groups,
 *   category names, model-number parts), strong (title, brand, category) or weak.
 * Sold listings keep what price statistics read (no terms, no point); other statuses lose the field.
 */
export interface SearchEntry {
  status: 'active' | 'sold'
  sortKey: string
  sellerId: string
  kind: string
  city: string
  category: string
  subcategory: string | null
  condition: string | null
  priceFen: number
  /** The trade methods offered: `$in` finds any of those asked for. */
  trade: string[]
  communities: string[]
  /** As written (suggestions keep the seller's spelling), and NFKC-lower-cased for regexes. */
  title: string
  titleNorm: string
  bodyNorm: string
  tokens: string[]
  /** Term weights (≥ a title character) as JSON, read by relevance-pool.ts's weightReader. */
  weights: string | null
  quality: number | null
  sellerCredit: number | null
  /** GeoJSON [lng, lat], 2dsphere-indexed; active listings only. */
  point?: { type: 'Point'; coordinates: [number, number] }
}

/** The listing document as search sees it: its id and the search field, nothing else. */
export interface ListingSearchDocument {
  _id: string
  search?: SearchEntry
}

/**
 * The `listings` collection, seen from search. Its own indexes are declared by the listing
 * module; search's are in LISTING_SEARCH_INDEXES (a 2dsphere key is not a CollectionSpec field).
 */
export const SearchListings = defineCollection<ListingSearchDocument>('listings')

export const SEARCH_FIELD = 'search'
export const POINT_FIELD = 'search.point'

/** An index in CloudBase's (MongoDB's) form, 2dsphere included. */
export interface CloudbaseSearchIndex {
  name: string
  keys: Record<string, 1 | -1 | '2dsphere'>
}

/**
 * The indexes search needs on `listings`, as the CloudBase console (or the deploy config)
 * creates them, beside the listing module's own (`cloudbaseIndexes([Listings])`): the point for geoNear, the token array with newest first for keywords, and the
 * feeds' equality prefixes (status, city, category) before the orders (sortKey, price).
 */
export const LISTING_SEARCH_INDEXES: CloudbaseSearchIndex[] = [
  { name: 'search_point', keys: { 'search.point': '2dsphere' } },
  { name: 'search_tokens_sort', keys: { 'search.tokens': 1, 'search.sortKey': -1 } },
  // A city's keyword or text search walks only that city's postings (SQLite: search_city_terms).
  {
    name: 'search_city_tokens_sort',
    keys: { 'search.city': 1, 'search.tokens': 1, 'search.sortKey': -1 },
  },
  {
    name: 'search_status_city_sort',
    keys: { 'search.status': 1, 'search.city': 1, 'search.sortKey': -1 },
  },
  {
    name: 'search_status_city_category_sort',
    keys: { 'search.status': 1, 'search.city': 1, 'search.category': 1, 'search.sortKey': -1 },
  },
  {
    name: 'search_status_city_subcategory_sort',
    keys: {
      'search.status': 1,
      'search.city': 1,
      'search.subcategory': 1,
      'search.sortKey': -1,
    },
  },
  {
    name: 'search_status_city_price',
    keys: { 'search.status': 1, 'search.city': 1, 'search.priceFen': 1, 'search.sortKey': -1 },
  },
  { name: 'search_seller_sort', keys: { 'search.sellerId': 1, 'search.sortKey': -1 } },
  { name: 'search_community_sort', keys: { 'search.communities': 1, 'search.sortKey': -1 } },
]

const SPACE = /\s/u

/** `g:` tokens of normalised text: each pair of neighbouring characters, none across a space. */
export const pairTokens = (text: string): string[] => {
  const chars = [...text]
  const out = new Set<string>()
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i]!
    const b = chars[i + 1]!
    if (!SPACE.test(a) && !SPACE.test(b)) out.add(`g:${a}${b}`)
  }
  return [...out]
}

/** `u:` tokens: the title's characters. */
export const charTokens = (text: string): string[] =>
  [...new Set([...text].filter((ch) => !SPACE.test(ch)))].map((ch) => `u:${ch}`)

/** Index terms as tokens (`s:`/`w:`, listing-terms.ts termList). */
export const termToken = (term: string, strong: boolean) => `${strong ? 's' : 'w'}:${term}`

/** The search field of a listing, or null when its status keeps it out of search. */
export const searchEntryOf = (doc: SearchDoc): SearchEntry | null => {
  if (doc.status !== 'active' && doc.status !== 'sold') return null
  const active = doc.status === 'active'
  const titleNorm = normalizeText(doc.title)
  const bodyNorm = normalizeText(doc.description)
  const terms = active ? listingTerms(doc) : null
  const grams = [...new Set([...pairTokens(titleNorm), ...pairTokens(bodyNorm)])]
  const weights = terms
    ? JSON.stringify(Object.fromEntries([...terms].filter(([, w]) => w >= TERM_WEIGHTS.titleChar)))
    : null
  return {
    status: doc.status,
    sortKey: doc.sortKey,
    sellerId: doc.sellerId,
    kind: doc.kind,
    city: doc.city,
    category: doc.category,
    subcategory: doc.subcategory ?? null,
    condition: doc.condition ?? null,
    priceFen: doc.priceFen,
    trade: (['shipping', 'meetup', 'pickup'] as const).filter((t) => doc[t]),
    communities: [...new Set(doc.communityIds)],
    title: doc.title,
    titleNorm,
    bodyNorm,
    tokens: [
      ...grams,
      ...charTokens(titleNorm),
      ...(terms ? termList(terms, STRONG_TERM_WEIGHT) : []),
    ],
    weights,
    quality: doc.qualityScore ?? null,
    sellerCredit: doc.sellerCredit ?? null,
    ...(active
      ? { point: { type: 'Point' as const, coordinates: [doc.longitude, doc.latitude] } }
      : {}),
  }
}
