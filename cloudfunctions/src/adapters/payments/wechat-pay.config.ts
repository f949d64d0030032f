import { z } from 'zod'

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
  merchantPrivateKeyPem: z.string().includes('PRIVATE KEY'),
  merchantCertificatePem: z.string().includes('CERTIFICATE'),
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

export type WechatPayConfig = z.infer<typeof WechatPayConfigSchema>
export type WechatPayConfigInput = z.input<typeof WechatPayConfigSchema>

/** Reads the adapter's config from environment variables (PEMs may use literal \n). */
export function wechatPayConfigFromEnv(env: Record<string, string | undefined>): WechatPayConfig {
  const pem = (v: string | undefined) => v?.replace(/\\n/g, '\n')
  return WechatPayConfigSchema.parse({
    baseUrl: env.WECHATPAY_BASE_URL ?? 'https://api.mch.weixin.qq.com',
    spMchid: env.WECHATPAY_SP_MCHID,
    spAppid: env.WECHATPAY_SP_APPID,
    merchantSerialNo: env.WECHATPAY_MERCHANT_SERIAL_NO,
    merchantPrivateKeyPem: pem(env.WECHATPAY_MERCHANT_PRIVATE_KEY),
    merchantCertificatePem: pem(env.WECHATPAY_MERCHANT_CERTIFICATE),
    apiV3Key: env.WECHATPAY_APIV3_KEY,
    platformCertificates: env.WECHATPAY_PLATFORM_CERTIFICATES
      ? JSON.parse(env.WECHATPAY_PLATFORM_CERTIFICATES)
      : [],
    notifyUrls: {
      payment: env.WECHATPAY_NOTIFY_URL_PAYMENT,
      refund: env.WECHATPAY_NOTIFY_URL_REFUND,
    },
    timeoutMs: env.WECHATPAY_TIMEOUT_MS ? Number(env.WECHATPAY_TIMEOUT_MS) : undefined,
  })
}
