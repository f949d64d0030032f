import type { ListingStatus } from '@shared/domain/listing'
import { chinaDay } from '@shared/domain/listing-lifecycle'
import { AppError, ErrorCodes, isAppError } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { type Page, type PageRequest, newestFirst } from '../../core/ports/document-store.port'
import {
  type ListingRecord,
  ListingViews,
  Listings,
  heldForReview,
  hiddenByBan,
} from '../domain/listing.record'

/**
 * One listing; drafts, removed and expired ones only for their seller (sold ones stay visible).
 * While its seller is banned, others who have the link are told it is unavailable.
 */
export const getListing = async (
  deps: Deps,
  id: string,
  viewerId: string | null,
): Promise<ListingRecord> => {
  const listing = await deps.store.get(Listings, id)
  const own = listing?.sellerId === viewerId
  const visible = listing && (listing.status === 'active' || listing.status === 'sold' || own)
  if (!listing || !visible) throw new AppError(ErrorCodes.NOT_FOUND, '宝贝不存在或已下架')
  if (!own && heldForReview(listing))
    throw new AppError(ErrorCodes.NOT_FOUND, '宝贝正在审核中，暂不可查看')
  if (!own && hiddenByBan(listing, deps.clock.now()))
    throw new AppError(ErrorCodes.NOT_FOUND, '卖家账号受限，宝贝暂不可查看')
  return listing
}

/** What others may see: listings no seller ban hides and none held for review (a missing field reads as null). */
const notHidden = { sellerBannedUntil: null, reviewHeldAt: null } as const

/** Who opened a listing: the signed-in user, or an anonymous OPENID. */
export interface Viewer {
  userId: string | null
  openid: string | null
}

/**
 * Counts a view: once a day per signed-in viewer (or per anonymous viewer key), never the seller's
 * own. The view key is the document id, so a repeat is a CONFLICT and counts nothing. The same
 * record is the signed-in viewer's view event for their own 推荐 (one per listing per day).
 */
export const countView = async (
  deps: Deps,
  listing: ListingRecord,
  viewer: Viewer,
): Promise<ListingRecord> => {
  const viewerKey = viewer.userId ?? viewer.openid
  if (!viewerKey || viewerKey === listing.sellerId || listing.status !== 'active') return listing
  const now = deps.clock.now()
  try {
    return await deps.store.transaction(async (tx) => {
      await tx.insert(ListingViews, {
        _id: `${listing._id}:${viewerKey}:${chinaDay(now)}`,
        at: now,
        listingId: listing._id,
        viewerId: viewer.userId,
      })
      const current = await tx.get(Listings, listing._id)
      if (!current) return listing
      // The counter does not bump `version`: a view must not make a seller's edit conflict.
      return tx.update(Listings, listing._id, { viewCount: current.viewCount + 1 })
    })
  } catch (e) {
    if (isAppError(e) && e.code === ErrorCodes.CONFLICT) return listing
    throw e
  }
}

/** A city's active listings, newest (or most recently renewed) first: index order. */
export const cityFeed = (
  deps: Deps,
  city: string,
  category: string | undefined,
  page: PageRequest,
): Promise<Page<ListingRecord>> =>
  deps.store.find(
    Listings,
    { city, status: 'active', ...(category ? { category } : {}), ...notHidden },
    newestFirst('sortKey', page),
  )

/** A seller's storefront: their active listings others may see, newest first (none while banned). */
export const storefrontListings = (
  deps: Deps,
  sellerId: string,
  page: PageRequest,
): Promise<Page<ListingRecord>> =>
  deps.store.find(
    Listings,
    { sellerId, status: 'active', ...notHidden },
    newestFirst('sortKey', page),
  )

/** The seller's own listings, newest first: every status, or one. */
export const sellerListings = (
  deps: Deps,
  sellerId: string,
  status: ListingStatus | undefined,
  page: PageRequest,
): Promise<Page<ListingRecord>> =>
  status
    ? deps.store.find(Listings, { sellerId, status }, newestFirst('sortKey', page))
    : deps.store.find(
        Listings,
        { sellerId },
        { orderBy: { field: '_id', direction: 'desc' }, ...page },
      )
