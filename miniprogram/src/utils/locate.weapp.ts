import Taro from '@tarojs/taro'
import type { GeoPoint } from '@shared/domain/geo'

/** Label of the button that fills the location from the device. */
export const LOCATE_LABEL = '在地图上选择'

/** WeChat's map picker; null when the user closes it or refuses the permission. */
export const locate = async (): Promise<(GeoPoint & { name?: string }) | null> => {
  try {
    const r = await Taro.chooseLocation({})
    return { latitude: r.latitude, longitude: r.longitude, name: r.name || r.address }
  } catch {
    return null
  }
}
