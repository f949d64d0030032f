/**
 * City feed: the indexed DocumentStore query against a naive scan, in the same run.
 *   npm run bench:feed -- --listings 200000
 * The naive baseline is measured in the same run. Prints figures, then one JSON line: { listings, buildSeconds, queries: { firstPage, deepPage } }.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { CITIES } from '@shared/domain/cities'
import { CATEGORY_IDS, CONDITION_IDS } from '@shared/domain/listing'
import { aListingRecord } from '../cloudfunctions/local/mothers/listing.mother'
import { FakeClock } from '../cloudfunctions/src/adapters/clock/system-clock'
import { ulidIds } from '../cloudfunctions/src/adapters/ids/ulid-ids'
import { SqliteDocumentStore } from '../cloudfunctions/src/adapters/store/sqlite-document-store'
import {
  type ListingRecord,
  Listings,
} from '../cloudfunctions/src/modules/listing/domain/listing.record'
import { arg, percentile, round } from './bench-kit'

const N = arg('listings', 100_000)
const RUNS = arg('runs', 200)
const PAGE = 20

/** Deterministic PRNG so two runs build the same data. */
const prng = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
  return seed / 2 ** 31
}
const rand = prng(42)
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!

const dir = mkdtempSync(join(tmpdir(), 'linquan-bench-'))
const file = join(dir, 'bench.db')
const store = new SqliteDocumentStore(file)
const clock = new FakeClock(Date.UTC(2026, 9, 1))
const ids = ulidIds(clock)

const build = async () => {
  const started = performance.now()
  const batch = 5_000
  for (let done = 0; done < N; done += batch) {
    await store.transaction(async (tx) => {
      for (let i = done; i < Math.min(N, done + batch); i++) {
        clock.advance(Math.floor(rand() * 30_000))
        const city = pick(CITIES)
        const district = pick(city.districts)
        const id = ids.next()
        const listing = aListingRecord(
          {
            _id: id,
            sellerId: `seller${Math.floor(rand() * 5000)}`,
            title: `闲置 ${i}`,
            priceFen: 100 + Math.floor(rand() * 500_000),
            category: pick(CATEGORY_IDS),
            condition: pick(CONDITION_IDS),
            location: {
              latitude: district.center.latitude + (rand() - 0.5) * 0.05,
              longitude: district.center.longitude + (rand() - 0.5) * 0.05,
              city: city.name,
              district: district.name,
            },
            status: rand() < 0.8 ? 'active' : 'removed',
          },
          clock.now(),
        )
        await tx.insert(Listings, listing)
      }
    })
  }
  return (performance.now() - started) / 1000
}

/**
 * The naive baseline, as most mini-program feeds are written: filter on unindexed JSON fields,
 * sort by createdAt, and page with skip/limit (OFFSET).
 */
let naive: Database.Database
const naiveFeed = (city: string, offset: number) =>
  (naive.prepare(NAIVE_SQL).all(city, PAGE, offset) as { doc: string }[]).map(
    (r) => JSON.parse(r.doc) as ListingRecord,
  )
const NAIVE_SQL = `SELECT doc FROM "c_listings" WHERE json_extract(doc, '$.city') = ? AND json_extract(doc, '$.status') = 'active'
   ORDER BY json_extract(doc, '$.bumpedAt') DESC, _id DESC LIMIT ? OFFSET ?`

const time = async (fn: () => Promise<unknown> | unknown, runs: number) => {
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn()
    samples.push(performance.now() - t)
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) }
}

const main = async () => {
  const buildSeconds = await build()
  naive = new Database(file, { readonly: true })
  const city = '上海'
  // A cursor some pages deep, as after a long scroll.
  let cursor: string | undefined
  for (let i = 0; i < 10; i++)
    cursor =
      (
        await store.find(
          Listings,
          { city, status: 'active' },
          { orderBy: { field: 'sortKey', direction: 'desc' }, limit: PAGE, cursor },
        )
      ).nextCursor ?? undefined
  const deepOffset = 10 * PAGE

  const indexedFirst = () =>
    store.find(
      Listings,
      { city, status: 'active' },
      { orderBy: { field: 'sortKey', direction: 'desc' }, limit: PAGE },
    )
  const indexedDeep = () =>
    store.find(
      Listings,
      { city, status: 'active' },
      { orderBy: { field: 'sortKey', direction: 'desc' }, limit: PAGE, cursor },
    )

  const same = async () => {
    const a = (await indexedFirst()).items.map((l) => l._id).join()
    const b = naiveFeed(city, 0)
      .map((l) => l._id)
      .join()
    const c = (await indexedDeep()).items.map((l) => l._id).join()
    const d = naiveFeed(city, deepOffset)
      .map((l) => l._id)
      .join()
    return a === b && c === d
  }
  const naiveRuns = Math.max(5, Math.min(RUNS, Math.floor(2_000_000 / N)))
  const figures: Record<string, unknown> = {}
  for (const [name, indexed, baseline] of [
    ['firstPage', indexedFirst, () => naiveFeed(city, 0)],
    ['deepPage', indexedDeep, () => naiveFeed(city, deepOffset)],
  ] as const) {
    const fast = await time(indexed, RUNS)
    const slow = await time(baseline, naiveRuns)
    figures[name] = {
      p50: round(fast.p50),
      p95: round(fast.p95),
      naiveP50: round(slow.p50),
      naiveP95: round(slow.p95),
      ratio: Math.round(slow.p95 / fast.p95),
    }
    console.log(
      `${name.padEnd(10)} indexed p50 ${fast.p50.toFixed(3)} ms p95 ${fast.p95.toFixed(3)} ms | naive p50 ${slow.p50.toFixed(1)} ms p95 ${slow.p95.toFixed(1)} ms | ${Math.round(slow.p95 / fast.p95)}x`,
    )
  }
  const sameResults = await same()
  naive.close()
  store.close()
  rmSync(dir, { recursive: true, force: true })
  console.log(
    JSON.stringify({
      listings: N,
      buildSeconds: round(buildSeconds),
      sameResults,
      queries: figures,
    }),
  )
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
