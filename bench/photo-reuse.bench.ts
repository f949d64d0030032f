/**
 * The photo-reuse lookup (modules/risk listing-risk): finding stored photos within
 * LISTING_RISK.photo.maxDistance bits of a new photo's dHash, by exact match on any of the four
 * 16-bit bands (indexed lookups), against the naive full scan measured in the same run: every
 * stored hash read from the same store and compared (what a first version would do), and the same
 * scan over an in-memory array (the floor a scan can reach with no I/O at all).
 *   npx tsx bench/photo-reuse.bench.ts -- [--hashes 50000] [--queries 200] [--scans 5]
 * Stored hashes come from a seeded PRNG (one seller per 20 photos); half the queries are copies
 * of a stored photo with 0–3 bits flipped (a resized, recompressed copy), half are new photos.
 * Recall is the share of planted copies each side found (both must find all of them).
 *
 * Progress goes to stderr; the last line on stdout is one JSON object:
 * {"hashes","queries","indexed":{"p50Ms","p95Ms","meanCandidates","recall"},
 *  "scan":{"p50Ms","recall"},"memoryScan":{"p50Ms"},"ratio","ratioMemory"}.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { SqliteDocumentStore } from '../cloudfunctions/src/adapters/store/sqlite-document-store'
import {
  candidatesFor,
  reusedPhotos,
} from '../cloudfunctions/src/modules/risk/application/listing-risk.use-case'
import { LISTING_RISK } from '../cloudfunctions/src/modules/risk/domain/listing-risk.rules'
import {
  bandsOf,
  hammingDistance,
  isInformative,
} from '../cloudfunctions/src/modules/risk/domain/photo-hash'
import {
  PhotoHashes,
  type PhotoHashRecord,
} from '../cloudfunctions/src/modules/risk/domain/photo-hash.record'
import { arg, mulberry32, percentile, round } from './bench-kit'
import { MAX_FIND_LIMIT } from '../cloudfunctions/src/modules/core/ports/document-store.port'

const HASHES = arg('hashes', 50_000)
const QUERIES = arg('queries', 200)
const SCANS = arg('scans', 5)
const progress = (line: string) => process.stderr.write(`${line}\n`)
const rand = mulberry32(20261203)

const hex32 = () => (Math.floor(rand() * 2 ** 32) >>> 0).toString(16).padStart(8, '0')
const randomHash = (): string => {
  for (;;) {
    const h = hex32() + hex32()
    if (isInformative(h)) return h
  }
}
const flipBits = (hash: string, n: number): string => {
  let [hi, lo] = [parseInt(hash.slice(0, 8), 16), parseInt(hash.slice(8), 16)]
  const used = new Set<number>()
  while (used.size < n) used.add(Math.floor(rand() * 64))
  for (const bit of used)
    if (bit < 32) hi = (hi ^ (1 << bit)) >>> 0
    else lo = (lo ^ (1 << (bit - 32))) >>> 0
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0')
}

const dir = mkdtempSync(join(tmpdir(), 'linquan-bench-photo-'))
const store = new SqliteDocumentStore(join(dir, 'bench.db'))
const deps = { store }

const build = async (): Promise<PhotoHashRecord[]> => {
  const records: PhotoHashRecord[] = []
  for (let i = 0; i < HASHES; i++) {
    const hash = randomHash()
    const [band0, band1, band2, band3] = bandsOf(hash) as [string, string, string, string]
    records.push({
      _id: `l${i}:f${i}`,
      hash,
      band0,
      band1,
      band2,
      band3,
      sellerId: `s${Math.floor(i / 20)}`,
      listingId: `l${i}`,
      fileId: `f${i}`,
      createdAt: i,
    })
  }
  for (let done = 0; done < records.length; done += 5_000)
    await store.transaction(async (tx) => {
      for (const r of records.slice(done, done + 5_000)) await tx.insert(PhotoHashes, r)
    })
  return records
}

/** Every stored hash, read page by page, compared with the query. */
const fullScan = async (hash: string) => {
  const found: string[] = []
  let cursor: string | undefined
  do {
    const page = await store.find(PhotoHashes, {}, { limit: MAX_FIND_LIMIT, cursor })
    for (const r of page.items)
      if (hammingDistance(hash, r.hash) <= LISTING_RISK.photo.maxDistance) found.push(r.listingId)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return found
}

const main = async () => {
  const t0 = performance.now()
  const records = await build()
  progress(`stored ${HASHES} hashes in ${round((performance.now() - t0) / 1000, 1)} s`)
  const queries = Array.from({ length: QUERIES }, (_, i) => {
    if (i % 2) return { hash: randomHash(), planted: null as string | null }
    const source = records[Math.floor(rand() * records.length)]!
    return { hash: flipBits(source.hash, (i % 8) >> 1), planted: source.listingId }
  })
  const planted = queries.filter((q) => q.planted).length

  const indexedMs: number[] = []
  let candidates = 0
  let indexedFound = 0
  for (const q of queries) {
    const t = performance.now()
    const matches = await reusedPhotos(deps, { _id: 'new', sellerId: 'thief' }, [
      { hash: q.hash, fileId: 'new-file' },
    ])
    indexedMs.push(performance.now() - t)
    candidates += (await candidatesFor(deps, q.hash)).length
    if (q.planted && matches.some((m) => m.otherListingId === q.planted)) indexedFound++
  }
  progress(`indexed: ${QUERIES} lookups, p50 ${round(percentile(indexedMs, 50))} ms`)

  // The scan is slow: SCANS queries of each half (planted and new) are enough to time it.
  const scanned = [
    ...queries.filter((q) => q.planted).slice(0, SCANS),
    ...queries.filter((q) => !q.planted).slice(0, SCANS),
  ]
  const scanMs: number[] = []
  let scanFound = 0
  for (const q of scanned) {
    const t = performance.now()
    const found = await fullScan(q.hash)
    scanMs.push(performance.now() - t)
    if (q.planted && found.includes(q.planted)) scanFound++
  }
  progress(`full scan: ${scanned.length} lookups, p50 ${round(percentile(scanMs, 50))} ms`)

  const hashes = records.map((r) => r.hash)
  const memoryMs: number[] = []
  for (const q of queries.slice(0, 50)) {
    const t = performance.now()
    hashes.filter((h) => hammingDistance(q.hash, h) <= LISTING_RISK.photo.maxDistance)
    memoryMs.push(performance.now() - t)
  }

  const indexedP50 = percentile(indexedMs, 50)
  const scanP50 = percentile(scanMs, 50)
  const memoryP50 = percentile(memoryMs, 50)
  const result = {
    hashes: HASHES,
    queries: QUERIES,
    indexed: {
      p50Ms: round(indexedP50),
      p95Ms: round(percentile(indexedMs, 95)),
      meanCandidates: round(candidates / QUERIES, 2),
      recall: round(indexedFound / planted),
    },
    scan: { p50Ms: round(scanP50), recall: round(scanFound / Math.min(SCANS, planted)) },
    memoryScan: { p50Ms: round(memoryP50) },
    ratio: round(scanP50 / indexedP50, 1),
    ratioMemory: round(memoryP50 / indexedP50, 1),
  }
  progress(
    `${HASHES} stored hashes: band lookup ${result.indexed.p50Ms} ms vs full scan ${result.scan.p50Ms} ms ` +
      `(×${result.ratio}); in-memory scan ${result.memoryScan.p50Ms} ms (×${result.ratioMemory})`,
  )
  console.log(JSON.stringify(result))
}

main()
  .finally(() => {
    store.close()
    rmSync(dir, { recursive: true, force: true })
  })
  .catch((e: unknown) => {
    console.error(e)
    process.exit(1)
  })
