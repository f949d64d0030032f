import { updateIfUnchanged } from '../../core'
import type { ListingRecord } from '../domain/listing.record'
import { toSearchDoc } from '../domain/listing-search-doc'
import { Listings } from '../domain/listing.record'
import type { Deps } from '../../deps'
import type { TransactionOps } from '../../core/ports/document-store.port'

/** The index holds what others may find: a listing hidden by its seller's ban or held for review leaves it. */
export const reindexListing = (deps: Pick<Deps, 'search'>, listing: ListingRecord) =>
  listing.sellerBannedUntil != null || listing.reviewHeldAt != null
    ? deps.search.remove(listing._id)
    : deps.search.upsert(toSearchDoc(listing))

/**
 * Every listing write goes through here: the document and its search entry change in one
 * transaction, so search never finds a listing that is not there (or misses one that is).
 */
export const insertListing = (
  deps: Pick<Deps, 'store' | 'search'>,
  listing: ListingRecord,
  alsoInTx?: (tx: TransactionOps) => Promise<void>,
) =>
  deps.store.transaction(async (tx) => {
    await tx.insert(Listings, listing)
    await reindexListing(deps, listing)
    await alsoInTx?.(tx)
  })

/** Compare-and-set on `version`, then re-index, inside the caller's transaction (an order's state change moves its listing too). */
export const updateListingIn = async (
  tx: TransactionOps,
  deps: Pick<Deps, 'search'>,
  current: ListingRecord,
  patch: Partial<Omit<ListingRecord, '_id' | 'version'>>,
): Promise<ListingRecord> => {
  const next = await updateIfUnchanged(tx, Listings, current._id, current, patch)
  await reindexListing(deps, next)
  return next
}

/** Compare-and-set on `version`, then re-index; `alsoInTx` writes beside it (a content flag). */
export const updateListingRecord = (
  deps: Pick<Deps, 'store' | 'search'>,
  current: ListingRecord,
  patch: Partial<Omit<ListingRecord, '_id' | 'version'>>,
  alsoInTx?: (tx: TransactionOps) => Promise<void>,
): Promise<ListingRecord> =>
  deps.store.transaction(async (tx) => {
    const next = await updateListingIn(tx, deps, current, patch)
    await alsoInTx?.(tx)
    return next
  })
