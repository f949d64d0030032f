import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { wechatPayConfigFromEnv } from '../wechat-pay.config'
import { API_V3_KEY, MERCHANT, PLATFORM } from './fake-wechat-pay'

const env = {
  WECHATPAY_BASE_URL: 'http://127.0.0.1:3999/sandbox/wechat-pay',
  WECHATPAY_SP_MCHID: '1900000001',
  WECHATPAY_SP_APPID: 'wxsandbox00000001',
  WECHATPAY_MERCHANT_SERIAL_NO: MERCHANT.serial,
  WECHATPAY_MERCHANT_PRIVATE_KEY: MERCHANT.keyPem.replace(/\n/g, '\\n'),
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

  it('refuses a key that does not parse, naming the field and not the content', () => {
    const broken = MERCHANT.keyPem.replace(/[A-Za-z]{8}\n/, 'xxxx\n')
    expect(() =>
      wechatPayConfigFromEnv({ ...env, WECHATPAY_MERCHANT_PRIVATE_KEY: broken }),
    ).toThrow(/not a readable private key PEM/)
  })

  it('refuses platform certificates that are not JSON without echoing them', () => {
    const text = 'not json: secret-ish'
    let message = ''
    try {
      wechatPayConfigFromEnv({ ...env, WECHATPAY_PLATFORM_CERTIFICATES: text })
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).toBe(
      'WECHATPAY_PLATFORM_CERTIFICATES is not JSON (an array of { "serialNo", "pem" })',
    )
  })
})

describe('wechatPayConfigFromEnv with files (a deploy: CloudBase’s 4 KB of variables cannot hold PEMs)', () => {
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'linquan-fn-'))
    const secrets = join(dir, 'secrets')
    mkdirSync(secrets)
    writeFileSync(join(secrets, 'key.pem'), MERCHANT.keyPem)
    writeFileSync(
      join(secrets, 'platform.json'),
      JSON.stringify([{ serialNo: PLATFORM.serial, pem: PLATFORM.certPem }]),
    )
    return dir
  }
  const {
    WECHATPAY_MERCHANT_PRIVATE_KEY: _key,
    WECHATPAY_PLATFORM_CERTIFICATES: _certs,
    ...withoutPems
  } = env
  const fileEnv = {
    ...withoutPems,
    WECHATPAY_MERCHANT_PRIVATE_KEY_FILE: 'secrets/key.pem',
    WECHATPAY_PLATFORM_CERTIFICATES_FILE: 'secrets/platform.json',
  }

  it('reads relative paths from the function’s folder', () => {
    const c = wechatPayConfigFromEnv(fileEnv, folder())
    expect(c.merchantPrivateKeyPem).toBe(MERCHANT.keyPem)
    expect(c.platformCertificates).toEqual([{ serialNo: PLATFORM.serial, pem: PLATFORM.certPem }])
  })

  it('reads an absolute path as it is', () => {
    const dir = folder()
    const c = wechatPayConfigFromEnv(
      {
        ...fileEnv,
        WECHATPAY_MERCHANT_PRIVATE_KEY_FILE: join(dir, 'secrets', 'key.pem'),
        WECHATPAY_PLATFORM_CERTIFICATES_FILE: '',
      },
      tmpdir(),
    )
    expect(c.merchantPrivateKeyPem).toBe(MERCHANT.keyPem)
  })

  it('an empty platform-certificates file is none known at start', () => {
    const dir = folder()
    writeFileSync(join(dir, 'secrets', 'platform.json'), '[]\n')
    expect(wechatPayConfigFromEnv(fileEnv, dir).platformCertificates).toEqual([])
  })

  it('names the variable and the path of a file it cannot read', () => {
    const dir = folder()
    expect(() =>
      wechatPayConfigFromEnv(
        { ...fileEnv, WECHATPAY_MERCHANT_PRIVATE_KEY_FILE: 'secrets/gone.pem' },
        dir,
      ),
    ).toThrow(
      `WECHATPAY_MERCHANT_PRIVATE_KEY_FILE: cannot read ${join(dir, 'secrets', 'gone.pem')} (ENOENT)`,
    )
  })

  it('refuses the value both inline and as a file (which one would win is a guess)', () => {
    expect(() =>
      wechatPayConfigFromEnv(
        { ...fileEnv, WECHATPAY_MERCHANT_PRIVATE_KEY: MERCHANT.keyPem },
        folder(),
      ),
    ).toThrow('set WECHATPAY_MERCHANT_PRIVATE_KEY or WECHATPAY_MERCHANT_PRIVATE_KEY_FILE, not both')
  })
})
