import Taro from '@tarojs/taro'
import type { GeoPoint } from '@shared/domain/geo'

/**
 * WeChat's current position (GCJ-02, declared in requiredPrivateInfos), asked only when the user
 * opens something that needs it. null when refused; the caller offers a district centre instead.
 */
export const currentPosition = async (): Promise<GeoPoint | null> => {
  try {
    const r = await Taro.getLocation({ type: 'gcj02' })
    return { latitude: r.latitude, longitude: r.longitude }
  } catch {
    return null
  }
}
