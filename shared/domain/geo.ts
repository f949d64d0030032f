import { z } from 'zod'

/** A point on the map (GCJ-02, what WeChat's location APIs return). */
export const GeoPointSchema = z.object({
  latitude: z.number().min(3).max(54, '纬度超出范围'),
  longitude: z.number().min(73).max(136, '经度超出范围'),
})
export type GeoPoint = z.infer<typeof GeoPointSchema>

const EARTH_RADIUS_M = 6_371_008.8

/** Great-circle distance in metres. */
export const distanceMeters = (a: GeoPoint, b: GeoPoint): number => {
  const rad = Math.PI / 180
  const dLat = (b.latitude - a.latitude) * rad
  const dLng = (b.longitude - a.longitude) * rad
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** Grid size for anything about another user's position that leaves the backend. */
export const PRIVACY_GRID_METERS = 300

/**
 * Snaps a point to the centre of a ~300 m grid cell, so repeated queries from different places
 * cannot triangulate a seller's door.
 */
export const snapToGrid = (p: GeoPoint, cellMeters = PRIVACY_GRID_METERS): GeoPoint => {
  const latStep = cellMeters / 111_320
  const lat = (Math.floor(p.latitude / latStep) + 0.5) * latStep
  const lngStep = cellMeters / (111_320 * Math.cos((lat * Math.PI) / 180))
  const lng = (Math.floor(p.longitude / lngStep) + 0.5) * lngStep
  return { latitude: round6(lat), longitude: round6(lng) }
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6

/**
 * A distance as people say it: under 100 m is "<100m" (the grid makes anything finer a lie),
 * metres to 1 km in steps of 100, then km with one decimal, whole km from 100 km.
 */
export const formatDistance = (meters: number): string => {
  if (meters < 100) return '<100m'
  // Rounded before choosing the unit, so 960 m reads "1.0km" and 99.96 km "100km", never "1000m".
  const hundreds = Math.round(meters / 100)
  if (hundreds < 10) return `${hundreds * 100}m`
  if (hundreds < 1000) return `${(hundreds / 10).toFixed(1)}km`
  return `${Math.round(meters / 1000)}km`
}
