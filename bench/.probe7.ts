import Database from 'better-sqlite3'
const db = new Database(process.argv[2]!)
db.pragma('mmap_size = 4294967296'); db.pragma('cache_size = -524288')
const t0 = performance.now()
db.exec(`DROP TABLE IF EXISTS fx; CREATE VIRTUAL TABLE fx USING fts5(f, tokenize='ascii', content='', detail=none)`)
db.exec(`INSERT INTO fx(rowid, f) SELECT l.pos, 'c' || hex(l.city) || ' s' || l.status || ' p' || CAST(log(l.price_fen + 1) * 4 AS INTEGER) || ' g' || CAST(l.latitude * 10 AS INTEGER) || 'x' || CAST(l.longitude * 10 AS INTEGER)
  || CASE WHEN instr(l.title_norm, 'apple') OR instr(b.body_norm, 'apple') THEN ' kapple' ELSE '' END
  || CASE WHEN instr(l.title_norm, '蓝牙耳机') OR instr(b.body_norm, '蓝牙耳机') THEN ' kbt' ELSE '' END
  FROM search_listing l JOIN search_body b ON b.pos = l.pos`)
console.log('built', ((performance.now() - t0) / 1000).toFixed(1), 's')
const sh = 'c' + Buffer.from('上海').toString('hex').toUpperCase()
const t = (f: () => unknown, n = 20) => { f(); const a = performance.now(); for (let i = 0; i < n; i++) f(); return ((performance.now() - a) / n).toFixed(3) }
const cnt = (m: string) => db.prepare('SELECT count(*) FROM fx WHERE fx MATCH ?').pluck().get(m)
const top = (m: string) => db.prepare('SELECT rowid FROM fx WHERE fx MATCH ? ORDER BY rowid DESC LIMIT 21').pluck().all(m)
const g = db.prepare(`SELECT 'g' || CAST(31.2316 * 10 AS INTEGER) || 'x' || CAST(121.4846 * 10 AS INTEGER)`).pluck().get() as string
for (const m of ['kapple', `kapple AND ${sh}`, `kapple AND ${sh} AND sactive`, `kapple AND (p40 OR p41 OR p42 OR p43)`, `kapple AND ${sh} AND (p40 OR p41 OR p42 OR p43 OR p44 OR p45)`, `kapple AND ${g}`, `kbt AND ${sh} AND (p40 OR p41 OR p42)`, `${sh} AND ${g}`]) {
  console.log(m.padEnd(60), 'n', cnt(m), 'count', t(() => cnt(m)), 'top21', t(() => top(m)))
}
