import type { PayParams } from '@shared/contracts/order.contract'
import { api } from './api'
import type { PayOptions, PayOutcome } from './pay'
import { ClientErrorCodes, ServiceError } from './service-error'
import { Routes } from '@/utils/routes'

export type { PayOptions, PayOutcome } from './pay'

/** Where the local cloud mounts the WeChat Pay sandbox's cashier, which plays the payment sheet. */
export const CASHIER_PATH = '/sandbox/wechat-pay/cashier'

/** `package` is `prepay_id=wx…`: the cashier wants the id alone. */
export const prepayIdOf = (pkg: string): string => {
  const m = /(?:^|&)prepay_id=([^&]+)/.exec(pkg)
  if (!m)
    throw new ServiceError(ClientErrorCodes.BAD_RESPONSE, '支付参数有误，请稍后重试', {
      package: pkg,
    })
  return decodeURIComponent(m[1]!)
}

/**
 * The browser URL of a page of this app (hash router): `<origin><path>#/package-order/…?id=…`.
 * The cashier appends `&pay_result=success|cancel` to it on the way back.
 */
export const appPageUrl = (
  route: string,
  loc: Pick<Location, 'origin' | 'pathname'> = window.location,
): string => `${loc.origin}${loc.pathname}#${route}`

export const cashierUrl = (params: Pick<PayParams, 'package'>, redirectUrl: string): string =>
  `${CASHIER_PATH}?prepay_id=${encodeURIComponent(prepayIdOf(params.package))}&redirect_url=${encodeURIComponent(redirectUrl)}`

/** Leaves for the sandbox cashier; the order page calls syncPayment when the browser comes back. */
export const payOrder = async (orderId: string, options: PayOptions = {}): Promise<PayOutcome> => {
  const { params } = await api.order.pay(orderId)
  const url = cashierUrl(params, appPageUrl(Routes.order(orderId)))
  if (options.replace) window.location.replace(url)
  else window.location.assign(url)
  return { kind: 'redirected' }
}
