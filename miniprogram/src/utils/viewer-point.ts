import type { GeoPoint } from '@shared/domain/geo'
import { StorageKeys, readStored, writeStored } from './storage'
import { currentPosition } from './position'

/** The point distances are measured from, when the user has shared one (or chose a district). */
export const storedViewerPoint = (): GeoPoint | null => {
  const p = readStored<GeoPoint>(StorageKeys.viewerPoint)
  return p && typeof p.latitude === 'number' && typeof p.longitude === 'number' ? p : null
}

export const rememberViewerPoint = (p: GeoPoint) =>
  writeStored(StorageKeys.viewerPoint, { latitude: p.latitude, longitude: p.longitude })

/** Asks the device for the current position and remembers it; null when refused. */
export const askViewerPoint = async (): Promise<GeoPoint | null> => {
  const p = await currentPosition()
  if (p) rememberViewerPoint(p)
  return p
}
