import type { GeoPoint } from '@shared/domain/geo'

export interface GeoBox {
  minLat: number
  maxLat: number
  minLng: number
  maxLng: number
}

/** Metres per degree of latitude on the sphere `distanceMeters` uses (R = 6 371 008.8 m). */
const METERS_PER_DEGREE = (6_371_008.8 * Math.PI) / 180

/**
 * A lat/lng box that contains every point within `meters` of `center`, with a margin: the R*Tree
 * stores float32 bounds (about a metre of slack at these latitudes) and the box is only a
 * prefilter, the exact haversine distance decides.
 */
export const boxAround = (center: GeoPoint, meters: number): GeoBox => {
  const dLat = (meters * 1.01) / METERS_PER_DEGREE + 1e-4
  // Longitude degrees shrink towards the poles: size the box for its widest-latitude edge.
  const edgeLat = Math.min(89, Math.abs(center.latitude) + dLat)
  const dLng = dLat / Math.cos((edgeLat * Math.PI) / 180)
  return {
    minLat: center.latitude - dLat,
    maxLat: center.latitude + dLat,
    minLng: center.longitude - dLng,
    maxLng: center.longitude + dLng,
  }
}
