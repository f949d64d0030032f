import Database from 'better-sqlite3'
import { boxAround } from '../cloudfunctions/src/adapters/search/geo-box'
const db = new Database(process.argv[2]!)
for (const cols of ['g.pos', 'g.pos, g.min_lat, g.min_lng', 'g.pos, g.lat, g.lng', 'count(*)']) {
const st = db.prepare(`SELECT ${cols} FROM search_geo g WHERE g.min_lat <= ? AND g.max_lat >= ? AND g.min_lng <= ? AND g.max_lng >= ?`)
for (const r of [1000, 5000]) {
  const b = boxAround({ latitude: 31.2316, longitude: 121.4846 }, r)
  let n = 0
  const t = performance.now()
  for (let i = 0; i < 100; i++) n = st.all(b.maxLat, b.minLat, b.maxLng, b.minLng).length
  console.log(cols, r, n, ((performance.now() - t) / 100).toFixed(3))
}}
