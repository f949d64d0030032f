import { wechatPayConfigFromEnv } from '../wechat-pay.config'
import { API_V3_KEY, MERCHANT, PLATFORM } from './fake-wechat-pay'

const env = {
  WECHATPAY_BASE_URL: 'http://127.0.0.1:3999/sandbox/wechat-pay',
  WECHATPAY_SP_MCHID: '1900000001',
  WECHATPAY_SP_APPID: 'wxsandbox00000001',
  WECHATPAY_MERCHANT_SERIAL_NO: MERCHANT.serial,
  WECHATPAY_MERCHANT_PRIVATE_KEY: MERCHANT.keyPem.replace(/\n/g, '\\n'),
  WECHATPAY_MERCHANT_CERTIFICATE: MERCHANT.certPem,
  WECHATPAY_APIV3_KEY: API_V3_KEY,
  WECHATPAY_PLATFORM_CERTIFICATES: JSON.stringify([
    { serialNo: PLATFORM.serial, pem: PLATFORM.certPem },
  ]),
  WECHATPAY_NOTIFY_URL_PAYMENT: 'http://127.0.0.1:3999/fn/pay-notify/payment',
  WECHATPAY_NOTIFY_URL_REFUND: 'http://127.0.0.1:3999/fn/pay-notify/refund',
}

describe('wechatPayConfigFromEnv', () => {
  it('reads a full config, unescaping PEM newlines and applying defaults', () => {
    const c = wechatPayConfigFromEnv(env)
    expect(c.merchantPrivateKeyPem).toBe(MERCHANT.keyPem)
    expect(c.platformCertificates).toHaveLength(1)
    expect(c).toMatchObject({
      timeoutMs: 10_000,
      maxClockSkewMs: 300_000,
      certRefreshCooldownMs: 60_000,
    })
  })

  it('defaults to the production API host', () => {
    const { WECHATPAY_BASE_URL: _omit, ...rest } = env
    expect(wechatPayConfigFromEnv(rest).baseUrl).toBe('https://api.mch.weixin.qq.com')
  })

  it.each([
    ['an APIv3 key that is not 32 bytes', { WECHATPAY_APIV3_KEY: 'short' }],
    ['a missing merchant key', { WECHATPAY_MERCHANT_PRIVATE_KEY: undefined }],
    ['a missing mchid', { WECHATPAY_SP_MCHID: undefined }],
  ])('refuses %s', (_, over) => {
    expect(() => wechatPayConfigFromEnv({ ...env, ...over })).toThrow()
  })
})
