import type { GeoPoint } from '@shared/domain/geo'

/**
 * The browser's current position, asked only when the user opens something that needs it (附近,
 * sort by distance). null when refused or unavailable. Browsers report WGS-84 while WeChat uses GCJ-02;
 * the ~500 m offset is below what the district and the 300 m privacy grid resolve, so it is left.
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
