import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { ListingSearchSort } from '../../modules/search/ports/listing-search.port'
import { isSortKey } from './sort-key-rowid'

/**
 * Where a page ended: the sort's own key (relevance group 0/1, price in fen, whole metres; null
 * for newest; the integer score for ranked relevance) and the `sortKey` that orders ties. It
 * names its sort, so a cursor handed to a query with another sort is refused instead of silently
 * skipping listings. A ranked cursor also carries the time the first page was ranked at, so
 * later pages score every listing exactly as the first did.
 */
export interface SearchCursor {
  sort: ListingSearchSort
  key: number | null
  sortKey: string
  at?: number
}

export const encodeSearchCursor = (c: SearchCursor): string =>
  Buffer.from(
    JSON.stringify(
      c.at === undefined ? [c.sort, c.key, c.sortKey] : [c.sort, c.key, c.sortKey, c.at],
    ),
  ).toString('base64url')

const invalid = () => new AppError(ErrorCodes.VALIDATION, '分页参数无效，请刷新')

/**
 * A cursor from a client is untrusted input: anything malformed is a validation error. `ranked`
 * says the query is relevance over understood text, whose keys are scores up to `maxRankKey`.
 */
export const decodeSearchCursor = (
  cursor: string,
  sort: ListingSearchSort,
  ranked: { maxKey: number } | null = null,
): SearchCursor => {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw invalid()
  }
  if (!Array.isArray(parsed) || parsed.length !== (ranked ? 4 : 3)) throw invalid()
  const [s, key, sortKey, at] = parsed as unknown[]
  if (s !== sort || typeof sortKey !== 'string' || !isSortKey(sortKey)) throw invalid()
  const keyOk =
    sort === 'newest'
      ? key === null
      : typeof key === 'number' &&
        Number.isSafeInteger(key) &&
        key >= 0 &&
        (sort !== 'relevance' || key <= (ranked ? ranked.maxKey : 1))
  if (!keyOk) throw invalid()
  if (!ranked) return { sort, key: key as number | null, sortKey }
  if (typeof at !== 'number' || !Number.isSafeInteger(at) || at < 0) throw invalid()
  return { sort, key: key as number, sortKey, at }
}
