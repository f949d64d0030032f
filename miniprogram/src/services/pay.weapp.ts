import Taro from '@tarojs/taro'
import { api } from './api'
import type { PayOptions, PayOutcome } from './pay'
import { ClientErrorCodes, ServiceError } from './service-error'

export type { PayOptions, PayOutcome } from './pay'

/**
 * WeChat's payment sheet with the server-signed parameters, then asks the server to check with
 * WeChat Pay at once rather than wait for the notification. Closing the sheet is not an error.
 */
export const payOrder = async (orderId: string, _options: PayOptions = {}): Promise<PayOutcome> => {
  const { params } = await api.order.pay(orderId)
  let cancelled = false
  try {
    await Taro.requestPayment({ ...params, signType: params.signType as 'RSA' })
  } catch (e) {
    const msg = (e as { errMsg?: string })?.errMsg ?? ''
    if (!/cancel/i.test(msg))
      throw new ServiceError(ClientErrorCodes.NETWORK, '支付没有完成，请稍后重试', { cause: msg })
    cancelled = true
  }
  const order = await api.order.syncPayment(orderId)
  return { kind: 'closed', order, cancelled }
}
