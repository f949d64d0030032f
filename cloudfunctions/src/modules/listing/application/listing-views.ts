import type { GeoPoint } from '@shared/domain/geo'
import type { ListingCard, ListingDetail } from '@shared/contracts/listing.contract'
import type { Deps } from '../../core/ports/deps'
import { loadPublicUsers } from '../../user/application/user-views'
import { viewerDistance } from '../domain/listing-location'
import type { ListingRecord } from '../domain/listing.record'

/** Cards for a page of listings: one lookup of sellers and one of photo URLs for the whole page. */
export const toCards = async (
  deps: Pick<Deps, 'store' | 'files'>,
  listings: ListingRecord[],
  from?: GeoPoint,
): Promise<ListingCard[]> => {
  const sellers = await loadPublicUsers(deps, listings.map((l) => l.sellerId))
  const urls = await deps.files.urls(listings.map((l) => l.photoFileIds[0]!))
  return listings.map((l) => card(l, urls[l.photoFileIds[0]!] ?? '', sellers, from))
}

export const toDetail = async (
  deps: Pick<Deps, 'store' | 'files'>,
  listing: ListingRecord,
  viewerId: string | null,
  from?: GeoPoint,
): Promise<ListingDetail> => {
  const sellers = await loadPublicUsers(deps, [listing.sellerId])
  const urls = await deps.files.urls(listing.photoFileIds)
  const isMine = viewerId === listing.sellerId
  return {
    ...card(listing, urls[listing.photoFileIds[0]!] ?? '', sellers, from),
    description: listing.description,
    photos: listing.photoFileIds.map((fileId) => ({ fileId, url: urls[fileId] ?? '' })),
    updatedAt: listing.updatedAt,
    version: listing.version,
    isMine,
    location: isMine ? listing.location : null,
  }
}

const card = (
  l: ListingRecord,
  coverUrl: string,
  sellers: Awaited<ReturnType<typeof loadPublicUsers>>,
  from?: GeoPoint,
): ListingCard => ({
  id: l._id,
  title: l.title,
  priceFen: l.priceFen,
  originalPriceFen: l.originalPriceFen,
  category: l.category,
  condition: l.condition,
  coverUrl,
  city: l.city,
  area: l.location.district,
  distanceMeters: viewerDistance(from, l.location),
  status: l.status,
  createdAt: l.createdAt,
  seller: sellers.get(l.sellerId) ?? { id: l.sellerId, nickname: '已注销用户', avatarUrl: null },
})
