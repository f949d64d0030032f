import { deployedEnv, envBytes, ENV_LIMIT_BYTES, preflight } from '../deploy-preflight'
import { REQUIRED_ENV } from '../../../cloudfunctions/src/platform/production-container'
import { ENV_VARS } from '../env-vars'
import { completeEnv } from './complete-env'

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

describe('the production container’s required variables', () => {
  it('are exactly the catalogue’s variables without a default', () => {
    const required = ENV_VARS.filter((v) => !v.deployDefault && !v.mayBeEmpty).map((v) => v.name)
    expect([...REQUIRED_ENV].sort()).toEqual(required.sort())
  })
})
