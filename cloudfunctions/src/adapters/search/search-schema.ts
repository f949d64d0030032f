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
  title_norm TEXT NOT NULL
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
`

/** Exact haversine metres in SQL, the same function the rest of the backend uses. */
export const DISTANCE_FN = 'linquan_distance_m'

export const installSchema = (db: Database.Database) => {
  db.exec(SEARCH_SCHEMA)
  db.function(DISTANCE_FN, { deterministic: true }, (lat, lng, qLat, qLng) =>
    distanceMeters(
      { latitude: qLat as number, longitude: qLng as number },
      { latitude: lat as number, longitude: lng as number },
    ),
  )
}

/** Trade methods as bits, so "offers any of" is one `trade & mask` test. */
export const TRADE_BITS = { shipping: 1, meetup: 2, pickup: 4 } as const
