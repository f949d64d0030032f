import type Database from 'better-sqlite3'
import { distanceMeters } from '@shared/domain/geo'

/**
 * The index's tables, all keyed by `pos`, the sortKey-ordered rowid (sort-key-rowid.ts):
 * - search_listing: one row per active or sold listing with the filterable fields. Its
 *   (status, city, …) indexes end in `pos`, so "newest in the city" is an index range read backwards.
 * - search_trigram: FTS5 trigram over normalised title and description (active listings), for
 *   terms of 3+ characters.
 *   Contentless (the listing documents hold the text) with contentless_delete so a row can be
 *   dropped by rowid alone.
 * - search_bigram: FTS5 over pre-split 2-gram (and title 1-gram) tokens, for 1–2 character terms.
 *   detail=column keeps which column matched (title first in relevance) without positions.
 * - search_geo: R*Tree of active listings' points (float32 bounds: a prefilter; the exact
 *   distance comes from search_listing's coordinates).
 * - search_community: (community, pos) pairs for community feeds.
 * - search_body: the normalised description, read only to re-insert FTS rows when a crowded
 *   millisecond bucket has to be spread out (sort-key-rowid.ts); kept apart so the rows the
 *   queries read stay small.
 * - search_terms: FTS5 over each active listing's index terms (analysis/listing-terms.ts), words
 *   and synonym groups as space-separated tokens (the ascii tokenizer keeps Han and `§` inside a
 *   token): `strong` holds title, brand and category terms, `weak` the description's.
 * - search_city_terms: the same terms qualified by the listing's city (`上海¦耳机`), so a query in
 *   a city walks only that city's postings (most queries name one; search_terms serves the rest).
 * - search_term_weights: each active listing's rank facts: its terms of weight 0.5 and more as
 *   JSON, with the category, quality and credit copied from search_listing, so a relevance pool
 *   reads one narrow row per match (a term missing from the JSON is a description term).
 * - search_meta: the version of the analysis the terms were computed with; a new synonym table
 *   or analysis rebuilds them when the adapter opens the database.
 */
export const SEARCH_SCHEMA = `
CREATE TABLE IF NOT EXISTS search_listing (
  pos INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  sort_key TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL,
  seller_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  city TEXT NOT NULL,
  category TEXT NOT NULL,
  subcategory TEXT,
  condition TEXT,
  price_fen INTEGER NOT NULL,
  trade INTEGER NOT NULL,
  latitude REAL NOT NULL,
  longitude REAL NOT NULL,
  title TEXT NOT NULL,
  title_norm TEXT NOT NULL,
  quality INTEGER,
  seller_credit REAL
);
CREATE INDEX IF NOT EXISTS search_listing_city ON search_listing (status, city);
CREATE INDEX IF NOT EXISTS search_listing_city_price ON search_listing (status, city, price_fen);
CREATE INDEX IF NOT EXISTS search_listing_city_category ON search_listing (status, city, category);
CREATE INDEX IF NOT EXISTS search_listing_city_subcategory ON search_listing (status, city, subcategory);
CREATE INDEX IF NOT EXISTS search_listing_seller ON search_listing (seller_id, status);
CREATE VIRTUAL TABLE IF NOT EXISTS search_trigram USING fts5(
  title, body, tokenize = 'trigram case_sensitive 0', content = '', contentless_delete = 1
);
CREATE VIRTUAL TABLE IF NOT EXISTS search_bigram USING fts5(
  title, body, tokenize = 'ascii', content = '', contentless_delete = 1, detail = column
);
CREATE VIRTUAL TABLE IF NOT EXISTS search_geo USING rtree(pos, min_lat, max_lat, min_lng, max_lng);
CREATE TABLE IF NOT EXISTS search_community (
  community_id TEXT NOT NULL,
  pos INTEGER NOT NULL,
  PRIMARY KEY (community_id, pos)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS search_community_pos ON search_community (pos);
CREATE TABLE IF NOT EXISTS search_body (
  pos INTEGER PRIMARY KEY,
  body_norm TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS search_terms USING fts5(
  strong, weak, tokenize = 'ascii', content = '', contentless_delete = 1, detail = column
);
CREATE VIRTUAL TABLE IF NOT EXISTS search_city_terms USING fts5(
  strong, weak, tokenize = 'ascii', content = '', contentless_delete = 1, detail = column
);
CREATE TABLE IF NOT EXISTS search_term_weights (
  pos INTEGER PRIMARY KEY,
  weights TEXT NOT NULL,
  category TEXT,
  subcategory TEXT,
  quality INTEGER,
  seller_credit REAL
);
CREATE TABLE IF NOT EXISTS search_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`

/** Exact haversine metres in SQL, the same function the rest of the backend uses. */
export const DISTANCE_FN = 'linquan_distance_m'

/** Columns added since the first schema: a database from before gets them (null) on open. */
const ADDED_COLUMNS = [
  ['search_listing', 'quality', 'INTEGER'],
  ['search_listing', 'seller_credit', 'REAL'],
  ['search_term_weights', 'category', 'TEXT'],
  ['search_term_weights', 'subcategory', 'TEXT'],
  ['search_term_weights', 'quality', 'INTEGER'],
  ['search_term_weights', 'seller_credit', 'REAL'],
] as const

export const installSchema = (db: Database.Database) => {
  db.exec(SEARCH_SCHEMA)
  const columns = (table: string) =>
    new Set((db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name))
  for (const [table, name, type] of ADDED_COLUMNS) {
    if (!columns(table).has(name)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${name} ${type}`)
  }
  db.function(DISTANCE_FN, { deterministic: true }, (lat, lng, qLat, qLng) =>
    distanceMeters(
      { latitude: qLat as number, longitude: qLng as number },
      { latitude: lat as number, longitude: lng as number },
    ),
  )
}

/** Trade methods as bits, so "offers any of" is one `trade & mask` test. */
export const TRADE_BITS = { shipping: 1, meetup: 2, pickup: 4 } as const
