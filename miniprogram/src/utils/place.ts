import { CITIES, type City } from '@shared/domain/cities'
import { distanceMeters, type GeoPoint } from '@shared/domain/geo'

export interface Place {
  city: string
  district: string
  point: GeoPoint
}

/**
 * The city a point belongs to (inside its radius) and its nearest district centre. Districts have
 * no borders in our data, so "nearest centre" is the honest approximation of 区.
 */
export const placeFromPoint = (point: GeoPoint, cities: City[] = CITIES): Place | null => {
  const city = cities
    .map((c) => ({ c, d: distanceMeters(point, c.center) }))
    .filter(({ c, d }) => d <= c.radiusKm * 1000)
    .sort((a, b) => a.d - b.d)[0]?.c
  if (!city) return null
  const district = [...city.districts].sort(
    (a, b) => distanceMeters(point, a.center) - distanceMeters(point, b.center),
  )[0]
  if (!district) return null
  return { city: city.name, district: district.name, point }
}

/** The district's centre: where a listing is pinned when the user shares no position. */
export const districtPlace = (cityName: string, districtName: string): Place | null => {
  const city = CITIES.find((c) => c.name === cityName)
  const district = city?.districts.find((d) => d.name === districtName)
  if (!city || !district) return null
  return { city: city.name, district: district.name, point: district.center }
}
