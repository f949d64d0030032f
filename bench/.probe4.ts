import Database from 'better-sqlite3'
import { boxAround } from '../cloudfunctions/src/adapters/search/geo-box'
import { distanceMeters } from '@shared/domain/geo'
const db = new Database(process.argv[2]!)
db.function('dist', { deterministic: true }, (a, b, c, d) => distanceMeters({ latitude: c as number, longitude: d as number }, { latitude: a as number, longitude: b as number }))
const RAD = Math.PI / 180
const NATIVE = `(2 * 6371008.8 * asin(min(1, sqrt(pow(sin((g.lat - :lat) * ${RAD} / 2), 2) + cos(:lat * ${RAD}) * cos(g.lat * ${RAD}) * pow(sin((g.lng - :lng) * ${RAD} / 2), 2)))))`
const box = 'g.min_lat <= :maxLat AND g.max_lat >= :minLat AND g.min_lng <= :maxLng AND g.max_lng >= :minLng'
const variants: [string, Database.Statement, boolean][] = [
  ['raw pos', db.prepare(`SELECT g.pos FROM search_geo g WHERE ${box}`).raw(), false],
  ['pluck pos', db.prepare(`SELECT g.pos FROM search_geo g WHERE ${box}`).pluck(), false],
  ['raw pos,min', db.prepare(`SELECT g.pos, g.min_lat, g.min_lng FROM search_geo g WHERE ${box}`).raw(), false],
  ['udf top21', db.prepare(`SELECT g.pos, d FROM (SELECT g.pos, dist(g.lat, g.lng, :lat, :lng) d FROM search_geo g WHERE ${box}) g WHERE d <= :r ORDER BY round(d), g.pos DESC LIMIT 21`), true],
  ['native top21', db.prepare(`SELECT g.pos, d FROM (SELECT g.pos, ${NATIVE} d FROM search_geo g WHERE ${box}) g WHERE d <= :r ORDER BY round(d), g.pos DESC LIMIT 21`), true],
]
for (const [name, st, withR] of variants) for (const r of [1000, 5000]) {
  const b = boxAround({ latitude: 31.2316, longitude: 121.4846 }, r)
  const params: Record<string, number> = { maxLat: b.maxLat, minLat: b.minLat, maxLng: b.maxLng, minLng: b.minLng }
  if (withR) Object.assign(params, { lat: 31.2316, lng: 121.4846, r })
  let n = 0
  for (let i = 0; i < 20; i++) st.all(params)
  const t = performance.now()
  for (let i = 0; i < 200; i++) n = st.all(params).length
  console.log(name, r, n, ((performance.now() - t) / 200).toFixed(3))
}
