/**
 * Every index of a listing (main row, both FTS tables, R*Tree, communities) shares one integer
 * rowid, chosen so that rowid order IS `sortKey` order. That is what makes newest-first free:
 * FTS5 walks a term's postings in rowid order and can stop after a page, instead of collecting
 * every match and sorting it.
 *
 * A sortKey is a ULID (48-bit milliseconds, then randomness). The rowid is
 * `(ms - 2020-01-01) × 4096 + slot`: one bucket of 4096 slots per millisecond, which keeps rowids
 * below 2^53 (exact JavaScript numbers) until 2089. Inside a bucket a key takes the slot its
 * leading random bits point at, clamped between its neighbours' slots, so keys inserted in any
 * order (a reindex, two processes in the same millisecond) still land in order. When neighbours
 * leave no room (a burst of monotonic keys, which share their leading bits, re-inserted out of
 * order) the adapter spreads the bucket's rows out again and retries.
 */

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const ULID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/
const EPOCH_MS = Date.UTC(2020, 0, 1)
const SLOT_BITS = 12
export const BUCKET_SIZE = 2 ** SLOT_BITS
const MAX_OFFSET_MS = 2 ** (53 - SLOT_BITS)
const GAP = 32

/** A canonical (upper-case) ULID: the only thing whose string order we can turn into a rowid. */
export const isSortKey = (s: string) => ULID.test(s)

const base32 = (s: string) => {
  let n = 0
  for (const ch of s) n = n * 32 + CROCKFORD.indexOf(ch)
  return n
}

/** When the sortKey was minted (publish, relist or 擦亮): what freshness counts from. */
export const sortKeyTime = (sortKey: string): number => base32(sortKey.slice(0, 10))

/**
 * A rowid's minting time in SQL (its bucket is its millisecond): what ranking reads instead of
 * the sortKey string. Keys before 2020 (test data only) all read as 2020-01-01.
 */
export const rowidTimeSql = (column: string) => `(${column} / ${BUCKET_SIZE} + ${EPOCH_MS})`

/** The sortKey's millisecond bucket: [first rowid, last rowid]. */
export const bucketOf = (sortKey: string): { first: number; last: number; preferred: number } => {
  if (!isSortKey(sortKey)) {
    throw new Error(`search index: sortKey ${JSON.stringify(sortKey)} is not a ULID`)
  }
  const offset = base32(sortKey.slice(0, 10)) - EPOCH_MS
  if (offset >= MAX_OFFSET_MS) {
    throw new Error(`search index: sortKey ${sortKey} is too far in the future`)
  }
  // Keys before 2020 share bucket 0 (kept in order by the neighbour clamp): test data only.
  const first = Math.max(0, offset) * BUCKET_SIZE
  // The top 12 of the 80 random bits (3 base-32 characters = 15 bits).
  const preferred = first + (base32(sortKey.slice(10, 13)) >> 3)
  return { first, last: first + BUCKET_SIZE - 1, preferred }
}

/**
 * The slot for `sortKey` given the rows already in its bucket (rowid order = sortKey order), or
 * null when its neighbours sit in adjacent slots. Throws when another listing has the key.
 */
export const chooseRowid = (
  sortKey: string,
  bucket: { rowid: number; sortKey: string }[],
): number | null => {
  const { first, last, preferred } = bucketOf(sortKey)
  let i = 0
  while (i < bucket.length && bucket[i]!.sortKey < sortKey) i++
  if (bucket[i]?.sortKey === sortKey) {
    throw new Error(`search index: sortKey ${sortKey} is already used by another listing`)
  }
  const lo = i > 0 ? bucket[i - 1]!.rowid + 1 : first
  const hi = i < bucket.length ? bucket[i]!.rowid - 1 : last
  if (lo > hi) return null
  if (preferred >= lo && preferred <= hi) return preferred
  // Off its preferred slot the key is in a crowd of close keys (a monotonic burst): step a little
  // away from the neighbour it follows, keeping room for later keys on both sides.
  const step = Math.min(Math.floor((hi - lo) / 2), GAP)
  return preferred < lo ? lo + step : hi - step
}

/** Evenly spread slots for `count` rows of the bucket starting at `first`, leaving gaps between. */
export const spreadRowids = (first: number, count: number): number[] => {
  if (count >= BUCKET_SIZE / 2) {
    throw new Error('search index: too many listings share one millisecond')
  }
  const step = BUCKET_SIZE / (count + 1)
  return Array.from({ length: count }, (_, i) => first + Math.floor(step * (i + 0.5)))
}
