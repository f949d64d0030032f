import Database from 'better-sqlite3'
const db = new Database(process.argv[2]!)
db.pragma('mmap_size = 4294967296'); db.pragma('cache_size = -524288')
const t = (f: () => unknown, n = 50) => { f(); const a = performance.now(); for (let i = 0; i < n; i++) f(); return ((performance.now() - a) / n).toFixed(3) }
const [lo, hi] = [db.prepare('select min(pos) from search_listing').pluck().get() as number, db.prepare('select max(pos) from search_listing').pluck().get() as number]
const st = db.prepare('SELECT rowid FROM search_trigram WHERE search_trigram MATCH ? AND rowid BETWEEN ? AND ?').pluck()
for (const frac of [0.001, 0.01, 0.1]) {
  const a = lo + (hi - lo) * 0.5, b = a + (hi - lo) * frac
  console.log(frac, st.all('"apple"', a, b).length, t(() => st.all('"apple"', a, b)), 'x10 ranges', t(() => { for (let i = 0; i < 10; i++) st.all('"apple"', a + i * (hi - lo) * 0.03, a + i * (hi - lo) * 0.03 + (hi - lo) * frac) }))
}
