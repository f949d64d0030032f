import type { Deps } from '../../deps'
import { assessListingRisk, LISTING_RISK, type ListingRiskAssessment } from '../../risk'
import type { UserRecord } from '../../user'
import { Listings, type ListingRecord } from '../domain/listing.record'

/** Enough of a seller's newest live listings to see the new-account window. */
const RECENT_SAMPLE = 50

/**
 * The listing-risk rules (modules/risk) on a listing going live: the prices of the seller's
 * other listings that went live within the new-account window are this module's to read.
 */
export const riskOnPublish = async (
  deps: Deps,
  seller: Pick<UserRecord, '_id' | 'createdAt'>,
  listing: ListingRecord,
): Promise<ListingRiskAssessment> => {
  const since = deps.clock.now() - LISTING_RISK.newAccount.windowMs
  const recent = await deps.store.find(
    Listings,
    { sellerId: seller._id, status: 'active' },
    { orderBy: { field: 'sortKey', direction: 'desc' }, limit: RECENT_SAMPLE },
  )
  return assessListingRisk(deps, {
    listing,
    seller,
    event: 'publish',
    recentlyPublishedFen: recent.items
      .filter((l) => l._id !== listing._id && (l.bumpedAt ?? 0) >= since)
      .map((l) => l.priceFen),
  })
}

/** What a held assessment sets on the listing: held from now (a hold already there stays), and why. */
export const riskHoldFields = (
  assessment: ListingRiskAssessment,
  now: number,
  current: Pick<ListingRecord, 'reviewHeldAt' | 'riskNotice'>,
): Pick<ListingRecord, 'reviewHeldAt' | 'riskNotice'> =>
  assessment.hold
    ? { reviewHeldAt: current.reviewHeldAt ?? now, riskNotice: assessment.notice }
    : { reviewHeldAt: current.reviewHeldAt ?? null, riskNotice: current.riskNotice ?? null }
