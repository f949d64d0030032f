import Database from 'better-sqlite3'
import { SqliteListingSearch } from '../cloudfunctions/src/adapters/search/sqlite-listing-search'
const db = new Database(process.argv[2]!)
db.pragma('mmap_size = 4294967296'); db.pragma('cache_size = -524288')
const s = new SqliteListingSearch(db)
const t = (f: () => unknown, n = 20) => { f(); const a = performance.now(); for (let i = 0; i < n; i++) f(); return ((performance.now() - a) / n).toFixed(3) }
for (const kw of ['蓝牙耳机', 'Apple', '空气炸锅', '任天堂', '雅诗兰黛', 'iPhone', '九成新', '扫地机器人']) {
  const m = `"${kw.toLowerCase()}"`
  const M = db.prepare('SELECT count(*) FROM search_trigram WHERE search_trigram MATCH ?').pluck().get(m)
  const tFts = t(() => db.prepare('SELECT count(*) FROM search_trigram WHERE search_trigram MATCH ?').pluck().get(m))
  const tJoin = t(() => db.prepare("SELECT count(*) FROM search_trigram CROSS JOIN search_listing l ON l.pos = search_trigram.rowid WHERE search_trigram MATCH ? AND l.status = 'active' AND l.city = '上海'").pluck().get(m))
  const tRows = t(() => db.prepare('SELECT rowid FROM search_trigram WHERE search_trigram MATCH ?').pluck().all(m))
  const q = { keyword: kw, city: '上海', near: { latitude: 31.2316, longitude: 121.4846, radiusMeters: 5000 }, sort: 'distance' as const, limit: 20 }
  const tQ = t(() => s.query(q))
  const q2 = { keyword: kw, city: '上海', priceMinFen: 0, priceMaxFen: 50000, sort: 'newest' as const, limit: 20 }
  const tQ2 = t(() => s.query(q2))
  console.log(kw, 'M', M, 'fts count', tFts, 'join count', tJoin, 'rowids', tRows, 'kwNear', tQ, 'kwPrice', tQ2)
}
