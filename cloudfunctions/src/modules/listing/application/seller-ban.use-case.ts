import type { Deps } from '../../deps'
import type { Filter } from '../../core/ports/document-store.port'
import { sellerBanned } from '../../user'
import { type ListingRecord, Listings } from '../domain/listing.record'
import { reindexListing } from './save-listing'

const BATCH = 200

type BanDeps = Pick<Deps, 'store' | 'search'>

/**
 * Sets `sellerBannedUntil` on each of a seller's listings the predicate accepts, one small
 * transaction per listing (document and search entry together). Not a seller edit: `version`
 * stays, so an order moving the listing meanwhile never conflicts with a ban.
 */
const markEach = async (
  deps: BanDeps,
  filter: Filter<ListingRecord>,
  shouldChange: (l: ListingRecord) => boolean,
  until: number | null,
): Promise<number> => {
  let changed = 0
  let cursor: string | undefined
  do {
    const page = await deps.store.find(Listings, filter, {
      orderBy: { field: '_id', direction: 'desc' },
      limit: BATCH,
      cursor,
    })
    for (const listing of page.items) {
      const done = await deps.store.transaction(async (tx) => {
        const current = await tx.get(Listings, listing._id)
        if (!current || !shouldChange(current)) return false
        await reindexListing(
          deps,
          await tx.update(Listings, current._id, { sellerBannedUntil: until }),
        )
        return true
      })
      if (done) changed++
    }
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return changed
}

/**
 * Hides every listing of a banned seller until `until`, whatever its status: one that comes back
 * on sale during the ban (an order cancelled before shipment) stays hidden. Statuses are kept, so
 * lifting the ban gives each listing back as it was. Running it again changes nothing.
 */
export const hideSellerListings = (
  deps: BanDeps,
  sellerId: string,
  until: number,
): Promise<number> => markEach(deps, { sellerId }, (l) => l.sellerBannedUntil !== until, until)

/**
 * Shows a seller's listings again: all of them when an operator lifts the ban, or, with `endedBy`
 * (the cron), only those whose copied ban had ended by then, so a ban renewed meanwhile stays.
 */
export const showSellerListings = (
  deps: BanDeps,
  sellerId: string,
  endedBy?: number,
): Promise<number> =>
  markEach(
    deps,
    { sellerId, sellerBannedUntil: { $ne: null } },
    (l) => l.sellerBannedUntil != null && (endedBy === undefined || l.sellerBannedUntil <= endedBy),
    null,
  )

/**
 * Whether a buyer may order this listing now: on sale, and its seller not banned (by the seller's
 * own record, so a ban counts from its first moment). Checkout answers ORDER.LISTING_UNAVAILABLE
 * otherwise.
 */
export const isListingBuyable = async (
  deps: Pick<Deps, 'store' | 'clock'>,
  listing: ListingRecord,
): Promise<boolean> => listing.status === 'active' && !(await sellerBanned(deps, listing.sellerId))
