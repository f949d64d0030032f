import { randomBytes } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  MERCHANT,
  PLATFORM,
  PLATFORM_ROTATED,
} from '../../../cloudfunctions/src/adapters/payments/__tests__/fake-wechat-pay'
import { REQUIRED_ENV } from '../../../cloudfunctions/src/platform/production-container'
import { deployedEnv, envBytes, ENV_LIMIT_BYTES, preflight } from '../deploy-preflight'
import { ENV_VARS, type EnvVar } from '../env-vars'
import { completeEnv, merchantKeyFile } from './complete-env'

const hex = (bytes: number) => randomBytes(bytes).toString('hex')
/** A subscribe-message template id: 43 characters, as the mini-program admin shows them. */
const templateId = () => randomBytes(32).toString('base64url').slice(0, 43)
/** The longest HTTP access domain CloudBase gives (env id + app id + region). */
const HTTP_BASE = 'https://linquan-prod-3g7x2k9b1c4d5e6f-1312345678.ap-shanghai.app.tcloudbase.com'

/** Every variable at the size a production operator's would have, mid key rotation. */
const realisticEnv = (): Record<string, string> => {
  const dir = mkdtempSync(join(tmpdir(), 'linquan-operator-'))
  const platformFile = join(dir, 'platform-certificates.json')
  writeFileSync(
    platformFile,
    JSON.stringify([
      { serialNo: PLATFORM.serial, pem: PLATFORM.certPem },
      { serialNo: PLATFORM_ROTATED.serial, pem: PLATFORM_ROTATED.certPem },
    ]),
  )
  const env: Record<string, string> = {
    CLOUDBASE_ENV_ID: 'linquan-prod-3g7x2k9b1c4d5e6f',
    LINQUAN_SECRET_BOX_KEY: hex(32),
    LINQUAN_SECRET_BOX_OLD_KEYS: hex(32),
    WECHATPAY_SP_MCHID: '1900000109',
    WECHATPAY_SP_APPID: `wx${hex(8)}`,
    WECHATPAY_MERCHANT_SERIAL_NO: hex(20).toUpperCase(),
    WECHATPAY_MERCHANT_PRIVATE_KEY_FILE: merchantKeyFile().path,
    WECHATPAY_APIV3_KEY: hex(16),
    WECHATPAY_PLATFORM_CERTIFICATES_FILE: platformFile,
    WECHATPAY_NOTIFY_URL_PAYMENT: `${HTTP_BASE}/pay-notify/payment`,
    WECHATPAY_NOTIFY_URL_REFUND: `${HTTP_BASE}/pay-notify/refund`,
    KUAIDI100_KEY: randomBytes(12).toString('base64url'),
    KUAIDI100_CUSTOMER: hex(16).toUpperCase(),
    KUAIDI100_SECRET: hex(16),
    KUAIDI100_SALT: hex(16),
    KUAIDI100_CALLBACK_URL: `${HTTP_BASE}/courier-notify`,
    WECHAT_APPID: `wx${hex(8)}`,
    WECHAT_SECRET: hex(16),
    WECHAT_PUSH_TOKEN: hex(16),
    WECHAT_PUSH_ENCODING_AES_KEY: randomBytes(32).toString('base64url').slice(0, 43),
  }
  for (const v of ENV_VARS) if (v.name.startsWith('WECHAT_TEMPLATE_')) env[v.name] = templateId()
  return env
}

/**
 * The catalogue as it was before the PEMs became files: the key, the merchant certificate and the
 * platform certificates inline, each a `{{env.NAME}}` placeholder.
 */
const inlineCatalogue = (): EnvVar[] => [
  ...ENV_VARS.filter((v) => !v.file),
  { name: 'WECHATPAY_MERCHANT_PRIVATE_KEY', what: 'PEM', secret: true },
  { name: 'WECHATPAY_MERCHANT_CERTIFICATE', what: 'PEM' },
  { name: 'WECHATPAY_PLATFORM_CERTIFICATES', what: 'JSON', mayBeEmpty: true },
]
const inlined = (env: Record<string, string>, keyPem: string): Record<string, string> => ({
  ...env,
  WECHATPAY_MERCHANT_PRIVATE_KEY: keyPem,
  WECHATPAY_MERCHANT_CERTIFICATE: MERCHANT.certPem,
  WECHATPAY_PLATFORM_CERTIFICATES: JSON.stringify([
    { serialNo: PLATFORM.serial, pem: PLATFORM.certPem },
    { serialNo: PLATFORM_ROTATED.serial, pem: PLATFORM_ROTATED.certPem },
  ]),
})

describe('deploy:preflight', () => {
  it('passes an environment with every variable, through the adapters’ own readers', () => {
    expect(preflight(completeEnv())).toEqual([])
  })

  it('fills defaults as cloudbaserc writes them, and files as their staged paths', () => {
    const env = deployedEnv(completeEnv())
    expect(env.WECHATPAY_BASE_URL).toBe('https://api.mch.weixin.qq.com')
    expect(env.KUAIDI100_PICKUP_CALLBACK_URL).toBe(
      'https://env.service.tcloudbase.com/courier-notify',
    )
    expect(env.WECHATPAY_MERCHANT_PRIVATE_KEY_FILE).toBe('secrets/wechatpay-merchant-key.pem')
    expect(env.WECHATPAY_PLATFORM_CERTIFICATES_FILE).toBe(
      'secrets/wechatpay-platform-certificates.json',
    )
    expect(Object.values(env).join('\n')).not.toContain('PRIVATE KEY')
  })

  it('fits a realistic production environment in CloudBase’s 4 KB per function, with 1 KB to spare', () => {
    const env = realisticEnv()
    expect(preflight(env)).toEqual([])
    const bytes = envBytes(deployedEnv(env))
    const before = envBytes(deployedEnv(inlined(env, MERCHANT.keyPem), inlineCatalogue()))
    console.log(
      `each function's environment: ${bytes} of ${ENV_LIMIT_BYTES} bytes (${before} with the PEMs inline)`,
    )
    expect(bytes).toBeLessThanOrEqual(ENV_LIMIT_BYTES - 1024)
    expect(before).toBeGreaterThan(ENV_LIMIT_BYTES)
  })

  it('still refuses an environment over 4 KB: the same values with the PEMs inline', () => {
    const { path, pem } = merchantKeyFile()
    const env = inlined({ ...realisticEnv(), WECHATPAY_MERCHANT_PRIVATE_KEY_FILE: path }, pem)
    expect(preflight(env, inlineCatalogue())).toEqual([
      expect.stringMatching(
        /^each function's environment would be \d+ bytes, over CloudBase's 4096-byte limit per function \(largest: WECHATPAY_PLATFORM_CERTIFICATES \d+ B, WECHATPAY_MERCHANT_PRIVATE_KEY \d+ B, WECHATPAY_MERCHANT_CERTIFICATE \d+ B\)$/,
      ),
    ])
  })

  it('tells an operator with the key inline to give its file instead', () => {
    const { WECHATPAY_MERCHANT_PRIVATE_KEY_FILE: _, ...env } = completeEnv()
    const problems = preflight({ ...env, WECHATPAY_MERCHANT_PRIVATE_KEY: MERCHANT.keyPem })
    expect(problems[0]).toBe(
      `WECHATPAY_MERCHANT_PRIVATE_KEY_FILE is not set: ${ENV_VARS.find((v) => v.name === 'WECHATPAY_MERCHANT_PRIVATE_KEY_FILE')!.what} (WECHATPAY_MERCHANT_PRIVATE_KEY is set, but a deploy carries it as a file: inline, it would not fit CloudBase's 4096-byte environment per function)`,
    )
    expect(problems.join('\n')).not.toContain('BEGIN')
  })

  it('does not drop inline platform certificates silently: it asks for their file', () => {
    const env = { ...completeEnv(), WECHATPAY_PLATFORM_CERTIFICATES: '[]' }
    expect(preflight(env)).toEqual([
      expect.stringMatching(
        /^WECHATPAY_PLATFORM_CERTIFICATES_FILE is not set: .* \(WECHATPAY_PLATFORM_CERTIFICATES is set, but a deploy carries it as a file/,
      ),
    ])
  })

  it('names a key file it cannot read, and one that holds no key, without the content', () => {
    const dir = mkdtempSync(join(tmpdir(), 'linquan-operator-'))
    const missing = join(dir, 'nope.pem')
    expect(preflight({ ...completeEnv(), WECHATPAY_MERCHANT_PRIVATE_KEY_FILE: missing })).toEqual([
      `WeChat Pay (WECHATPAY_*) refuses this environment: WECHATPAY_MERCHANT_PRIVATE_KEY_FILE: cannot read ${missing} (ENOENT)`,
    ])
    const notAKey = join(dir, 'cert.pem')
    // Spelled in two parts so the secret scan does not take this test for a leaked key.
    const armour = (what: string) => `-----${what} PRIVATE KEY-----`
    writeFileSync(notAKey, `${armour('BEGIN')}\nc2VjcmV0LWJ1dC1icm9rZW4=\n${armour('END')}\n`)
    const problems = preflight({ ...completeEnv(), WECHATPAY_MERCHANT_PRIVATE_KEY_FILE: notAKey })
    expect(problems).toEqual([
      'WeChat Pay (WECHATPAY_*) refuses this environment: merchantPrivateKeyPem: merchantPrivateKeyPem is not a readable private key PEM',
    ])
    expect(problems.join('\n')).not.toContain('c2VjcmV0')
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
