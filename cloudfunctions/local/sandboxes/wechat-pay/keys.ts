import { readFileSync } from 'node:fs'
import { X509Certificate } from 'node:crypto'
import { join } from 'node:path'

/**
 * SANDBOX-ONLY key material (fixtures/README.md). A client configures the same values against
 * the sandbox that it configures against api.mch.weixin.qq.com in production.
 */
export const FIXTURES_DIR = join(__dirname, 'fixtures')

/** The platform (service provider, 服务商/电商平台) merchant id our backend signs as. */
export const SANDBOX_SP_MCHID = '1900000109'
export const SANDBOX_SP_APPID = 'wx0sandbox0linquan'
/** The 32-byte APIv3 key that encrypts notifications and certificates. */
export const SANDBOX_APIV3_KEY = 'LinQuanSandboxApiV3Key0123456789'

export interface KeyPair {
  privateKey: string
  certificate: string
  /** Upper-case hex, as WeChat writes it (compare case-insensitively). */
  serial: string
  notBefore: Date
  notAfter: Date
}

const load = (name: string): KeyPair => {
  const certificate = readFileSync(join(FIXTURES_DIR, `${name}_cert.pem`), 'utf8')
  const x = new X509Certificate(certificate)
  return {
    privateKey: readFileSync(join(FIXTURES_DIR, `${name}_key.pem`), 'utf8'),
    certificate,
    serial: x.serialNumber.toUpperCase(),
    notBefore: new Date(x.validFrom),
    notAfter: new Date(x.validTo),
  }
}

let cache: { merchant: KeyPair; platform: KeyPair; wrong: KeyPair } | undefined

/** Merchant, platform and "wrong" (fault injection) key pairs, read once. */
export const sandboxKeys = () =>
  (cache ??= { merchant: load('merchant'), platform: load('platform'), wrong: load('wrong') })
