import Database from 'better-sqlite3'
import { SqliteListingSearch } from '../cloudfunctions/src/adapters/search/sqlite-listing-search'
const db = new Database(process.argv[2]!)
db.pragma('mmap_size = 4294967296')
const s = new SqliteListingSearch(db)
const centres = [[31.2316, 121.4846], [31.1129, 121.3817], [31.4052, 121.4895], [31.30, 121.60]]
const run = async () => {
for (const [lat, lng] of centres) for (const city of ['上海', undefined]) {
  const q = { city, near: { latitude: lat!, longitude: lng!, radiusMeters: 5000 }, sort: 'distance' as const, limit: 20 }
  for (let i = 0; i < 3; i++) {
    const t = performance.now(); const r = await s.query(q); const ms = performance.now() - t
    console.log(city, lat, lng, ms.toFixed(3), r.items.length, r.items.at(-1)?.distanceMeters)
  }
}
}
run()
