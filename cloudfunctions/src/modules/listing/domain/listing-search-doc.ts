import { snapToGrid } from '@shared/domain/geo'
import type { SearchDoc } from '../../search/ports/listing-search.port'
import type { ListingRecord } from './listing.record'

/**
 * What the search index keeps of a listing. The point is the ~300 m grid point, not the exact one:
 * every distance, radius and order computed for other users is then blind below the grid.
 */
export const toSearchDoc = (l: ListingRecord): SearchDoc => {
  const point = snapToGrid(l.location)
  return {
    id: l._id,
    sortKey: l.sortKey,
    sellerId: l.sellerId,
    status: l.status,
    kind: l.kind,
    title: l.title,
    description: l.description,
    city: l.city,
    latitude: point.latitude,
    longitude: point.longitude,
    category: l.category,
    subcategory: l.subcategory,
    condition: l.condition,
    priceFen: l.priceFen,
    shipping: l.trade?.shipping != null,
    meetup: l.trade?.meetup ?? false,
    pickup: l.trade?.pickup ?? false,
    communityIds: l.communityIds,
    qualityScore: l.qualityScore,
  }
}
