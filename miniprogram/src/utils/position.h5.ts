import type { GeoPoint } from '@shared/domain/geo'

/**
 * The browser's current position, asked only when the user opens something that needs it (附近,
 * sort by distance). null when refused or unavailable. WGS-84 vs WeChat's GCJ-02: see locate.h5.ts.
 */
export const currentPosition = (): Promise<GeoPoint | null> =>
  new Promise((resolve) => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) return resolve(null)
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude }),
      () => resolve(null),
      { enableHighAccuracy: false, timeout: 8000, maximumAge: 300_000 },
    )
  })
