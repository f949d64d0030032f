import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { deployedEnv, envBytes, ENV_LIMIT_BYTES, preflight } from '../deploy-preflight'
import { ENV_VARS } from '../env-vars'

/** An operator's environment with every required variable, shaped as the readers want. */
const completeEnv = (): Record<string, string> => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const env: Record<string, string> = {
    CLOUDBASE_ENV_ID: 'linquan-prod-1a2b3c',
    LINQUAN_SECRET_BOX_KEY: randomBytes(32).toString('hex'),
    WECHATPAY_SP_MCHID: '1900000109',
    WECHATPAY_SP_APPID: 'wx0000000000000001',
    WECHATPAY_MERCHANT_SERIAL_NO: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
    WECHATPAY_MERCHANT_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    WECHATPAY_MERCHANT_CERTIFICATE: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
    WECHATPAY_APIV3_KEY: randomBytes(16).toString('hex'),
    WECHATPAY_NOTIFY_URL_PAYMENT: 'https://env.service.tcloudbase.com/pay-notify/payment',
    WECHATPAY_NOTIFY_URL_REFUND: 'https://env.service.tcloudbase.com/pay-notify/refund',
    KUAIDI100_KEY: 'k100-key',
    KUAIDI100_CUSTOMER: 'k100-customer',
    KUAIDI100_SECRET: 'k100-secret',
    KUAIDI100_SALT: randomBytes(8).toString('hex'),
    KUAIDI100_CALLBACK_URL: 'https://env.service.tcloudbase.com/courier-notify',
    WECHAT_APPID: 'wx0000000000000001',
    WECHAT_SECRET: randomBytes(16).toString('hex'),
    WECHAT_PUSH_TOKEN: 'pushtoken123',
    // Optional ones are exported empty.
    LINQUAN_SECRET_BOX_OLD_KEYS: '',
    WECHATPAY_PLATFORM_CERTIFICATES: '',
    WECHAT_PUSH_ENCODING_AES_KEY: '',
  }
  for (const v of ENV_VARS)
    if (v.name.startsWith('WECHAT_TEMPLATE_')) env[v.name] = `tmpl-${v.name.toLowerCase()}`
  return env
}

describe('deploy:preflight', () => {
  it('passes an environment with every variable, through the adapters’ own readers', () => {
    expect(preflight(completeEnv())).toEqual([])
  })

  it('fills defaults as cloudbaserc writes them (the pickup callback follows the tracking one)', () => {
    const env = deployedEnv(completeEnv())
    expect(env.WECHATPAY_BASE_URL).toBe('https://api.mch.weixin.qq.com')
    expect(env.KUAIDI100_PICKUP_CALLBACK_URL).toBe(
      'https://env.service.tcloudbase.com/courier-notify',
    )
  })

  it('refuses an environment over CloudBase’s 4 KB per function (a real certificate chain is enough)', () => {
    const env = completeEnv()
    env.WECHATPAY_PLATFORM_CERTIFICATES = JSON.stringify([
      {
        serialNo: 'A'.repeat(40),
        pem: `-----BEGIN CERTIFICATE-----\n${'Q'.repeat(1400)}\n-----END CERTIFICATE-----`,
      },
    ])
    env.WECHATPAY_MERCHANT_CERTIFICATE = `-----BEGIN CERTIFICATE-----\n${'M'.repeat(1400)}\n-----END CERTIFICATE-----`
    expect(envBytes(deployedEnv(env))).toBeGreaterThan(ENV_LIMIT_BYTES)
    expect(preflight(env)).toEqual([
      expect.stringMatching(
        /^each function's environment would be \d+ bytes, over CloudBase's 4096-byte limit per function \(largest: WECHATPAY_MERCHANT_PRIVATE_KEY \d+ B, WECHATPAY_PLATFORM_CERTIFICATES \d+ B, WECHATPAY_MERCHANT_CERTIFICATE \d+ B\)$/,
      ),
    ])
  })

  it('names a missing variable and a malformed one without printing the value', () => {
    const env = completeEnv()
    delete env.WECHAT_SECRET
    delete env.WECHAT_PUSH_ENCODING_AES_KEY
    env.LINQUAN_SECRET_BOX_KEY = 'not-hex-but-secret-value'
    const problems = preflight(env)
    expect(problems).toEqual([
      'WECHAT_SECRET is not set: the mini-program’s AppSecret (access_token)',
      'WECHAT_PUSH_ENCODING_AES_KEY is not set (export it empty if unused): 消息推送 EncodingAESKey (43 characters) for 安全模式 (empty: plain mode)',
      'WeChat API (WECHAT_*) refuses this environment: secret: Invalid input: expected string, received undefined',
      'PII secret box (LINQUAN_SECRET_BOX_*) refuses this environment: LINQUAN_SECRET_BOX_KEY must be 64 hex digits (32 random bytes)',
    ])
    expect(problems.join('\n')).not.toContain('not-hex-but-secret-value')
  })
})
