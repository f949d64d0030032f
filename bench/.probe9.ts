import Database from 'better-sqlite3'
const db = new Database(process.argv[2]!)
db.pragma('mmap_size = 4294967296'); db.pragma('cache_size = -524288')
const t = (f: () => unknown, n = 20) => { f(); const a = performance.now(); for (let i = 0; i < n; i++) f(); return ((performance.now() - a) / n).toFixed(3) }
const measure = (label: string) => {
  const st = db.prepare('SELECT rowid FROM search_trigram WHERE search_trigram MATCH ? AND rowid BETWEEN ? AND ?').pluck()
  const [lo, hi] = [db.prepare('select min(pos) from search_listing').pluck().get() as number, db.prepare('select max(pos) from search_listing').pluck().get() as number]
  const a = lo + (hi - lo) * 0.5
  console.log(label, 'range', t(() => st.all('"apple"', a, a + (hi - lo) * 0.01)),
    'count apple', t(() => db.prepare('SELECT count(*) FROM search_trigram WHERE search_trigram MATCH ?').pluck().get('"apple"')),
    'top21 apple', t(() => db.prepare('SELECT rowid FROM search_trigram WHERE search_trigram MATCH ? ORDER BY rowid DESC LIMIT 21').pluck().all('"apple"')),
    'bigram count', t(() => db.prepare('SELECT count(*) FROM search_bigram WHERE search_bigram MATCH ?').pluck().get('b00000000')),
    'segments', db.prepare("select count(*) from search_trigram_idx").pluck().get(), db.prepare("select count(*) from search_bigram_idx").pluck().get())
}
measure('before')
let a = performance.now()
db.exec("INSERT INTO search_trigram(search_trigram) VALUES('optimize')")
console.log('optimize trigram', ((performance.now() - a) / 1000).toFixed(1), 's')
a = performance.now()
db.exec("INSERT INTO search_bigram(search_bigram) VALUES('optimize')")
console.log('optimize bigram', ((performance.now() - a) / 1000).toFixed(1), 's')
measure('after')
