import type { Deps } from '../../deps'
import { Listings, type ListingRecord } from '../domain/listing.record'
import { updateListingRecord } from './save-listing'

/**
 * What moderation (the report module) does to listings, through the same review hold the risk
 * checks use (reviewHeldAt: only the seller sees it, it leaves feeds and search). Each step
 * reads the listing afresh and writes it by compare-and-set, one small transaction per listing.
 */

type ListingDeps = Pick<Deps, 'store' | 'search'>

const REPORTED_NOTICE = '宝贝被举报，平台审核前仅你自己可见'
const REMOVED_NOTICE = '宝贝因违反平台规则已被下架'
const MAX_SELLER_LISTINGS = 500

/**
 * Holds these listings pending review (reported above the hide threshold), or every listing of
 * `sellerId` on sale. A listing already held (by the risk checks) is left alone and not counted,
 * so releasing this hold later never releases theirs. Answers the listings it held.
 */
export const holdListingsForReport = async (
  deps: ListingDeps,
  which: { listingIds: string[] } | { sellerId: string },
  now: number,
): Promise<string[]> => {
  const candidates =
    'listingIds' in which
      ? which.listingIds
      : (
          await deps.store.find(
            Listings,
            { sellerId: which.sellerId, status: 'active' },
            { limit: MAX_SELLER_LISTINGS },
          )
        ).items.map((l) => l._id)
  const held: string[] = []
  for (const id of candidates) {
    const listing = await deps.store.get(Listings, id)
    if (!listing || listing.status === 'draft' || listing.reviewHeldAt != null) continue
    await updateListingRecord(deps, listing, {
      reviewHeldAt: now,
      riskNotice: REPORTED_NOTICE,
      updatedAt: now,
    })
    held.push(id)
  }
  return held
}

/** Releases the hold a case put on these listings (`heldAt` is its stamp; another hold stays). */
export const releaseReportHold = async (
  deps: ListingDeps,
  listingIds: readonly string[],
  heldAt: number,
  now: number,
): Promise<void> => {
  for (const id of listingIds) {
    const listing = await deps.store.get(Listings, id)
    if (!listing || listing.reviewHeldAt !== heldAt) continue
    await updateListingRecord(deps, listing, {
      reviewHeldAt: null,
      riskNotice: null,
      updatedAt: now,
    })
  }
}

/**
 * Takes a listing down for breaking the rules: removed, and held, so relisting it by the seller
 * still shows it to nobody. Answers what it was, for an overturned decision to give back.
 */
export const takeDownForRules = async (
  deps: ListingDeps,
  listingId: string,
  now: number,
): Promise<{ listingStatus: string; listingExpiresAt: number | null } | null> => {
  const listing = await deps.store.get(Listings, listingId)
  if (!listing) return null
  await updateListingRecord(deps, listing, {
    status: listing.status === 'draft' ? 'draft' : 'removed',
    expiresAt: null,
    reviewHeldAt: listing.reviewHeldAt ?? now,
    riskNotice: REMOVED_NOTICE,
    updatedAt: now,
  })
  return { listingStatus: listing.status, listingExpiresAt: listing.expiresAt }
}

/** Gives a listing taken down by an overturned decision back as it was (the expiry timer follows). */
export const restoreTakenDown = async (
  deps: ListingDeps,
  listingId: string,
  was: { listingStatus: string; listingExpiresAt: number | null },
  now: number,
): Promise<void> => {
  const listing = await deps.store.get(Listings, listingId)
  if (!listing) return
  await updateListingRecord(deps, listing, {
    status: was.listingStatus as ListingRecord['status'],
    expiresAt: was.listingExpiresAt,
    reviewHeldAt: null,
    riskNotice: null,
    updatedAt: now,
  })
}

/**
 * A moderator let a listing the risk checks held stand (issue 15: a flag's case decided short of
 * removal): its review hold ends, and with `restorePhotos` (the content was judged fine) the
 * photos WeChat's image check hid return after the visible ones. With `handTo` (another open case
 * hides the seller's listings) the hold is handed to that case's stamp instead of ending, so that
 * case's decision releases it. The caller makes sure no standing removal holds it (takeDownForRules
 * keeps its hold for good). Answers the listing when its hold ended.
 */
export const releaseRiskHold = async (
  deps: ListingDeps,
  listingId: string,
  options: { restorePhotos: boolean; handTo: number | null },
  now: number,
): Promise<Pick<ListingRecord, '_id' | 'title' | 'sellerId'> | null> => {
  const listing = await deps.store.get(Listings, listingId)
  if (!listing) return null
  const hidden = options.restorePhotos ? (listing.hiddenPhotoFileIds ?? []) : []
  if (listing.reviewHeldAt == null && hidden.length === 0) return null
  const held = options.handTo !== null && listing.reviewHeldAt != null
  const next = await updateListingRecord(deps, listing, {
    ...(listing.reviewHeldAt != null
      ? held
        ? { reviewHeldAt: options.handTo, riskNotice: REPORTED_NOTICE }
        : { reviewHeldAt: null, riskNotice: null }
      : {}),
    ...(hidden.length
      ? {
          photoFileIds: [
            ...listing.photoFileIds,
            ...hidden.filter((f) => !listing.photoFileIds.includes(f)),
          ],
          hiddenPhotoFileIds: [],
        }
      : {}),
    updatedAt: now,
  })
  return next.reviewHeldAt == null && listing.reviewHeldAt != null ? next : null
}
