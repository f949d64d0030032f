import type { ListingCard, ListingDetail } from '@shared/contracts/listing.contract'
import type { GeoPoint } from '@shared/domain/geo'
import { allowedActions } from '@shared/domain/listing-lifecycle'
import type { Deps } from '../../deps'
import { loadPublicUsers } from '../../user'
import { viewerDistance } from '../domain/listing-location'
import { qualityOf } from '../domain/listing-quality'
import type { ListingRecord } from '../domain/listing.record'

type ViewDeps = Pick<Deps, 'store' | 'files' | 'hooks'>

/** Cards for a page of listings: one lookup of sellers and one of photo URLs for the whole page. */
export const toCards = async (
  deps: ViewDeps,
  listings: ListingRecord[],
  from?: GeoPoint,
  distances?: Map<string, number | null>,
): Promise<ListingCard[]> => {
  const sellers = await loadPublicUsers(
    deps,
    listings.map((l) => l.sellerId),
  )
  // A listing may have no photo left once a risky one is hidden.
  const urls = await deps.files.urls(listings.flatMap((l) => l.photoFileIds.slice(0, 1)))
  return listings.map((l) =>
    card(
      l,
      urls[l.photoFileIds[0]!] ?? '',
      sellers,
      distances?.get(l._id) ?? viewerDistance(from, l.location),
    ),
  )
}

export const toDetail = async (
  deps: ViewDeps & Pick<Deps, 'clock'>,
  listing: ListingRecord,
  viewerId: string | null,
  from?: GeoPoint,
): Promise<ListingDetail> => {
  const sellers = await loadPublicUsers(deps, [listing.sellerId])
  const fileIds = [...listing.photoFileIds, ...(listing.videoFileId ? [listing.videoFileId] : [])]
  const urls = await deps.files.urls(fileIds)
  const isMine = viewerId === listing.sellerId
  const isFavorited =
    viewerId !== null && (await deps.hooks.isFavorite(deps, viewerId, listing._id))
  return {
    ...card(
      listing,
      urls[listing.photoFileIds[0]!] ?? '',
      sellers,
      viewerDistance(from, listing.location),
    ),
    description: listing.description,
    photos: listing.photoFileIds.map((fileId) => ({ fileId, url: urls[fileId] ?? '' })),
    video: listing.videoFileId
      ? { fileId: listing.videoFileId, url: urls[listing.videoFileId] ?? '' }
      : null,
    trade: listing.trade,
    service: listing.service,
    viewCount: listing.viewCount,
    isFavorited,
    updatedAt: listing.updatedAt,
    version: listing.version,
    isMine,
    owner: isMine
      ? {
          location: listing.location,
          communityIds: listing.communityIds,
          expiresAt: listing.expiresAt,
          actions: allowedActions(listing, deps.clock.now()),
          quality: qualityOf(listing),
          heldForReview: listing.reviewHeldAt != null,
          riskNotice: listing.riskNotice ?? null,
        }
      : null,
  }
}

const card = (
  l: ListingRecord,
  coverUrl: string,
  sellers: Awaited<ReturnType<typeof loadPublicUsers>>,
  distanceMeters: number | null,
): ListingCard => ({
  id: l._id,
  kind: l.kind,
  title: l.title,
  priceFen: l.priceFen,
  originalPriceFen: l.originalPriceFen,
  category: l.category,
  subcategory: l.subcategory,
  condition: l.condition,
  serviceUnit: l.service?.unit ?? null,
  coverUrl,
  city: l.city,
  area: l.location.district,
  distanceMeters,
  freeShipping: l.trade?.shipping?.payer === 'seller',
  status: l.status,
  bumpedAt: l.bumpedAt,
  createdAt: l.createdAt,
  favoriteCount: l.favoriteCount,
  seller: sellers.get(l.sellerId) ?? {
    id: l.sellerId,
    nickname: '已注销用户',
    avatarUrl: null,
    creditBadge: null,
  },
})
