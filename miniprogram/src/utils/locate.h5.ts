import type { GeoPoint } from '@shared/domain/geo'
import { currentPosition } from './position'

export const LOCATE_LABEL = '使用当前位置'

/** In the browser there is no map picker: the device's position (see position.h5.ts), unnamed. */
export const locate = (): Promise<(GeoPoint & { name?: string }) | null> => currentPosition()
