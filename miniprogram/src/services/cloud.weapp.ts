import Taro from '@tarojs/taro'
import { ClientErrorCodes, ServiceError } from './service-error'
import type { Transport } from './transport'

let initialised = false

/** wx.cloud must be initialised once before the first call; doing it lazily keeps launch fast. */
export const ensureCloud = () => {
  if (initialised) return
  Taro.cloud.init({
    // TARO_APP_CLOUD_ENV pins an environment; without it the mini-program's current one is used.
    env:
      process.env.TARO_APP_CLOUD_ENV ||
      (Taro.cloud as unknown as { DYNAMIC_CURRENT_ENV: string }).DYNAMIC_CURRENT_ENV,
    traceUser: true,
  })
  initialised = true
}

/** wx.cloud.callFunction: the caller's OPENID travels in the cloud context, never in the payload. */
export const transport: Transport = {
  async invoke(name, action, input) {
    ensureCloud()
    try {
      const res = await Taro.cloud.callFunction({ name, data: { action, input } as never })
      return res.result
    } catch (e) {
      const msg = (e as { errMsg?: string })?.errMsg ?? String(e)
      throw new ServiceError(ClientErrorCodes.NETWORK, '网络异常，请稍后重试', { cause: msg })
    }
  },
}
