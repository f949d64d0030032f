import { ClientErrorCodes, ServiceError } from './service-error'
import type { Transport } from './transport'

// Taro picks cloud.weapp.ts or cloud.h5.ts when building; this fallback only exists for tools that
// do not know about platform files (type checking, jest) and for platforms we do not ship.
export const transport: Transport = {
  invoke: async () => {
    throw new ServiceError(ClientErrorCodes.UNSUPPORTED, '当前平台不支持云函数调用')
  },
}
