import type { ListingLocation } from '@shared/contracts/listing.contract'
import type { CategoryId, ConditionId, ListingStatus } from '@shared/domain/listing'
import { defineCollection } from '../../core/ports/document-store.port'

/** A listing as stored. `location` is exact and never leaves the backend except to its seller. */
export interface ListingRecord {
  _id: string
  sellerId: string
  title: string
  description: string
  priceFen: number
  originalPriceFen: number | null
  category: CategoryId
  condition: ConditionId
  photoFileIds: string[]
  location: ListingLocation
  /** Denormalised from location for the city feed index. */
  city: string
  status: ListingStatus
  createdAt: number
  updatedAt: number
  version: number
}

export const Listings = defineCollection<ListingRecord>('listings', [
  // The same-city feed: active listings of one city, newest first (ids are time-ordered).
  { name: 'city_status_id', fields: [{ field: 'city' }, { field: 'status' }, { field: '_id', direction: 'desc' }] },
  // 我发布的: a seller's own listings, newest first.
  { name: 'seller_id', fields: [{ field: 'sellerId' }, { field: '_id', direction: 'desc' }] },
])
