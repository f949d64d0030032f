import type { WechatPayConfigInput } from '../../../src/adapters/payments/wechat-pay.config'
import { SANDBOX_APIV3_KEY, SANDBOX_SP_APPID, SANDBOX_SP_MCHID, sandboxKeys } from './keys'

/**
 * The adapter configuration that points WechatPayGateway at this sandbox: the same fields
 * production fills from WECHATPAY_* variables, with the sandbox's public test keys.
 * `notifyBase` is where the local cloud serves the HTTP-triggered pay-notify function.
 */
export const sandboxClientConfig = (
  sandboxUrl: string,
  notifyBase: string,
): WechatPayConfigInput => {
  const keys = sandboxKeys()
  return {
    baseUrl: sandboxUrl,
    spMchid: SANDBOX_SP_MCHID,
    spAppid: SANDBOX_SP_APPID,
    merchantSerialNo: keys.merchant.serial,
    merchantPrivateKeyPem: keys.merchant.privateKey,
    apiV3Key: SANDBOX_APIV3_KEY,
    platformCertificates: [{ serialNo: keys.platform.serial, pem: keys.platform.certificate }],
    notifyUrls: {
      payment: `${notifyBase}/http/pay-notify/payment`,
      refund: `${notifyBase}/http/pay-notify/refund`,
    },
  }
}
