import type { GeoPoint } from '@shared/domain/geo'

export const LOCATE_LABEL = '使用当前位置'

/**
 * The browser's position when the user allows it. Browsers report WGS-84 while WeChat uses GCJ-02;
 * the ~500 m offset is below what the district and the 300 m privacy grid resolve, so it is left.
 */
export const locate = (): Promise<(GeoPoint & { name?: string }) | null> =>
  new Promise((resolve) => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) return resolve(null)
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude }),
      () => resolve(null),
      { enableHighAccuracy: false, timeout: 8000, maximumAge: 300_000 },
    )
  })
