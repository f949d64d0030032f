import Database from 'better-sqlite3'
import { boxAround } from '../cloudfunctions/src/adapters/search/geo-box'
const db = new Database(process.argv[2]!)
const st = db.prepare('SELECT g.pos AS pos, g.lat AS lat, g.lng AS lng FROM search_geo g WHERE g.min_lat <= ? AND g.max_lat >= ? AND g.min_lng <= ? AND g.max_lng >= ?')
for (const r of [250, 500, 1000, 2000, 5000]) {
  const b = boxAround({ latitude: 31.2316, longitude: 121.4846 }, r)
  let n = 0
  const t = performance.now()
  for (let i = 0; i < 100; i++) n = st.all(b.maxLat, b.minLat, b.maxLng, b.minLng).length
  console.log(r, n, ((performance.now() - t) / 100).toFixed(3))
}
console.log(db.prepare('select count(*) n from search_geo').get(), db.prepare("select count(*) from search_geo_node").get())
