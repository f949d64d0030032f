import type { ListingLocation } from '@shared/contracts/listing.contract'
import { findCity } from '@shared/domain/cities'
import { distanceMeters, type GeoPoint, snapToGrid } from '@shared/domain/geo'

/** A listing's point must lie in the city it is listed in, or the city feed would lie. */
export const isInsideCity = (location: ListingLocation): boolean => {
  const city = findCity(location.city)
  return city !== undefined && distanceMeters(city.center, location) <= city.radiusKm * 1000
}

/**
 * Distance from a viewer to a listing, measured to the listing's snapped point so the figure
 * reveals no more than the ~300 m grid does. Whole metres.
 */
export const viewerDistance = (from: GeoPoint | undefined, location: GeoPoint): number | null =>
  from ? Math.round(distanceMeters(from, snapToGrid(location))) : null
