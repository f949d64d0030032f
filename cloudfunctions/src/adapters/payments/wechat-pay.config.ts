import { createPrivateKey } from 'node:crypto'
import { z } from 'zod'
import { inlineOrFile } from './env-file'

/**
 * Everything the WeChat Pay adapter needs. Production points `baseUrl` at
 * https://api.mch.weixin.qq.com; locally at the sandbox (e.g. http://127.0.0.1:PORT/sandbox/wechat-pay).
 * Signatures always cover the path from `/v3/...`, never the base URL's own path prefix.
 */
export const WechatPayConfigSchema = z.object({
  baseUrl: z.string().url(),
  /** The platform's service-provider merchant id (sp_mchid). */
  spMchid: z.string().min(1),
  /** The mini-program's appid (sp_appid). */
  spAppid: z.string().min(1),
  /** Serial of the merchant API certificate, as WeChat prints it (upper-case hex). */
  merchantSerialNo: z.string().min(1),
  /**
   * The merchant API private key (apiclient_key.pem): it signs every request. The merchant API
   * certificate is not needed: WeChat holds it, and requests name it by `merchantSerialNo`.
   */
  merchantPrivateKeyPem: z
    .string()
    .includes('PRIVATE KEY')
    .refine(parsesAsPrivateKey, 'merchantPrivateKeyPem is not a readable private key PEM'),
  /** APIv3 key: exactly 32 bytes, used for AEAD_AES_256_GCM. */
  apiV3Key: z
    .string()
    .refine((k) => Buffer.byteLength(k, 'utf8') === 32, 'apiV3Key must be 32 bytes'),
  /** Platform certificates known at start (cache); more are fetched from /v3/certificates. */
  platformCertificates: z
    .array(z.object({ serialNo: z.string().min(1), pem: z.string().includes('CERTIFICATE') }))
    .default([]),
  notifyUrls: z.object({ payment: z.string().url(), refund: z.string().url() }),
  timeoutMs: z.number().int().positive().default(10_000),
  /** Allowed difference between WeChat's timestamps and our clock. */
  maxClockSkewMs: z
    .number()
    .int()
    .positive()
    .default(5 * 60_000),
  /** Minimum time between two certificate refreshes caused by unknown serials (limits abuse). */
  certRefreshCooldownMs: z.number().int().nonnegative().default(60_000),
})

function parsesAsPrivateKey(pem: string): boolean {
  try {
    createPrivateKey(pem)
    return true
  } catch {
    return false
  }
}

export type WechatPayConfig = z.infer<typeof WechatPayConfigSchema>
export type WechatPayConfigInput = z.input<typeof WechatPayConfigSchema>

/** JSON.parse with the variable named and the text kept out of the message. */
const parseJson = (name: string, text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    throw new Error(`${name} is not JSON (an array of { "serialNo", "pem" })`)
  }
}

/**
 * Reads the adapter's config from environment variables (PEMs may use literal \n). The private
 * key and the platform certificates come inline (local runs, tests) or, in a deploy, as files
 * (`…_FILE`, relative to `baseDir`, the function's folder): see env-file.ts.
 */
export function wechatPayConfigFromEnv(
  env: Record<string, string | undefined>,
  baseDir: string = process.cwd(),
): WechatPayConfig {
  const pem = (v: string | undefined) => v?.replace(/\\n/g, '\n')
  const privateKey = inlineOrFile(
    'WECHATPAY_MERCHANT_PRIVATE_KEY',
    env.WECHATPAY_MERCHANT_PRIVATE_KEY,
    env.WECHATPAY_MERCHANT_PRIVATE_KEY_FILE,
    baseDir,
  )
  const platformCertificates = inlineOrFile(
    'WECHATPAY_PLATFORM_CERTIFICATES',
    env.WECHATPAY_PLATFORM_CERTIFICATES,
    env.WECHATPAY_PLATFORM_CERTIFICATES_FILE,
    baseDir,
  )
  return WechatPayConfigSchema.parse({
    baseUrl: env.WECHATPAY_BASE_URL ?? 'https://api.mch.weixin.qq.com',
    spMchid: env.WECHATPAY_SP_MCHID,
    spAppid: env.WECHATPAY_SP_APPID,
    merchantSerialNo: env.WECHATPAY_MERCHANT_SERIAL_NO,
    merchantPrivateKeyPem: pem(privateKey),
    apiV3Key: env.WECHATPAY_APIV3_KEY,
    platformCertificates: platformCertificates?.trim()
      ? parseJson('WECHATPAY_PLATFORM_CERTIFICATES', platformCertificates)
      : [],
    notifyUrls: {
      payment: env.WECHATPAY_NOTIFY_URL_PAYMENT,
      refund: env.WECHATPAY_NOTIFY_URL_REFUND,
    },
    timeoutMs: env.WECHATPAY_TIMEOUT_MS ? Number(env.WECHATPAY_TIMEOUT_MS) : undefined,
  })
}
