import Database from 'better-sqlite3'
const db = new Database(process.argv[2]!)
db.pragma('mmap_size = 4294967296'); db.pragma('cache_size = -524288')
db.exec(`CREATE TABLE IF NOT EXISTS hot (pos INTEGER PRIMARY KEY, city INTEGER, price INTEGER, lat REAL, lng REAL)`)
if (!db.prepare('select count(*) from hot').pluck().get()) db.exec(`INSERT INTO hot SELECT pos, CASE city WHEN '上海' THEN 1 WHEN '北京' THEN 2 ELSE 3 END, price_fen, latitude, longitude FROM search_listing WHERE status = 'active'`)
const t = (f: () => unknown, n = 20) => { f(); const a = performance.now(); for (let i = 0; i < n; i++) f(); return ((performance.now() - a) / n).toFixed(3) }
for (const kw of ['apple', '蓝牙耳机']) {
  const m = `"${kw}"`
  console.log(kw,
    'main', t(() => db.prepare("SELECT count(*) FROM search_trigram CROSS JOIN search_listing l ON l.pos = search_trigram.rowid WHERE search_trigram MATCH ? AND l.status = 'active' AND l.city = '上海'").pluck().get(m)),
    'hot', t(() => db.prepare("SELECT count(*) FROM search_trigram CROSS JOIN hot l ON l.pos = search_trigram.rowid WHERE search_trigram MATCH ? AND l.city = 1").pluck().get(m)),
    'fts only', t(() => db.prepare("SELECT count(*) FROM search_trigram WHERE search_trigram MATCH ?").pluck().get(m)),
    'fts rowid sum', t(() => db.prepare("SELECT sum(rowid) FROM search_trigram WHERE search_trigram MATCH ?").pluck().get(m)),
  )
}
