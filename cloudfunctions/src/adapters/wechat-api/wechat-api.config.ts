import { z } from 'zod'

/**
 * Everything the WeChat server API adapter needs. Production points `baseUrl` at
 * https://api.weixin.qq.com; locally at the sandbox (e.g. http://127.0.0.1:PORT/sandbox/wechat-api).
 * In CloudBase the same endpoints could be reached by 云调用 (openapi, no access_token); this
 * adapter uses HTTPS so one code path runs everywhere.
 */
export const WechatApiConfigSchema = z.object({
  baseUrl: z.string().url().default('https://api.weixin.qq.com'),
  appid: z.string().min(1),
  secret: z.string().min(1),
  timeoutMs: z.number().int().positive().default(10_000),
  /**
   * stable_token (default): one token shared by every instance until it expires, so cloud function
   * instances do not retire each other's tokens. token: the classic /cgi-bin/token, where each
   * fetch retires the previous token after a 5-minute overlap.
   */
  tokenEndpoint: z.enum(['stable_token', 'token']).default('stable_token'),
  /** A token is refreshed this long before WeChat says it expires (WeChat's 5-minute overlap covers the rest). */
  tokenRefreshMarginMs: z
    .number()
    .int()
    .nonnegative()
    .default(5 * 60_000),
  /** Subscribe-message template ids per event (orders, 新消息, 评价提醒), as chosen in the mini-program admin. */
  templates: z
    .object({
      orderPaid: z.string().min(1),
      orderShipped: z.string().min(1),
      orderDelivered: z.string().min(1),
      refund: z.string().min(1),
      autoReceiveReminder: z.string().min(1),
      chatMessage: z.string().min(1).default('unset-chat-message'),
      reviewReminder: z.string().min(1).default('unset-review-reminder'),
    })
    .default({
      orderPaid: 'unset-order-paid',
      orderShipped: 'unset-order-shipped',
      orderDelivered: 'unset-order-delivered',
      refund: 'unset-refund',
      autoReceiveReminder: 'unset-auto-receive-reminder',
      chatMessage: 'unset-chat-message',
      reviewReminder: 'unset-review-reminder',
    }),
  /**
   * 消息推送 (message push) as set in the mini-program admin: the Token, and in 安全模式 the
   * EncodingAESKey (43 characters). Content-security results (wxa_media_check) arrive this way.
   */
  messagePush: z
    .object({ token: z.string().min(3).max(32), encodingAesKey: z.string().length(43).optional() })
    .optional(),
  /** Which mini-program version subscribe messages open (formal in production). */
  miniprogramState: z.enum(['developer', 'trial', 'formal']).default('formal'),
})

export type WechatApiConfig = z.infer<typeof WechatApiConfigSchema>
export type WechatApiConfigInput = z.input<typeof WechatApiConfigSchema>

/** Reads the adapter's config from environment variables. */
export function wechatApiConfigFromEnv(env: Record<string, string | undefined>): WechatApiConfig {
  const t = (name: string) => env[`WECHAT_TEMPLATE_${name}`]
  const templates = t('ORDER_PAID')
    ? {
        orderPaid: t('ORDER_PAID'),
        orderShipped: t('ORDER_SHIPPED'),
        orderDelivered: t('ORDER_DELIVERED'),
        refund: t('REFUND'),
        autoReceiveReminder: t('AUTO_RECEIVE_REMINDER'),
        chatMessage: t('CHAT_MESSAGE'),
        reviewReminder: t('REVIEW_REMINDER'),
      }
    : undefined
  return WechatApiConfigSchema.parse({
    baseUrl: env.WECHAT_API_BASE_URL || undefined,
    appid: env.WECHAT_APPID,
    secret: env.WECHAT_SECRET,
    timeoutMs: env.WECHAT_API_TIMEOUT_MS ? Number(env.WECHAT_API_TIMEOUT_MS) : undefined,
    tokenEndpoint: env.WECHAT_API_TOKEN_ENDPOINT || undefined,
    templates,
    miniprogramState: env.WECHAT_MINIPROGRAM_STATE || undefined,
    messagePush: env.WECHAT_PUSH_TOKEN
      ? {
          token: env.WECHAT_PUSH_TOKEN,
          encodingAesKey: env.WECHAT_PUSH_ENCODING_AES_KEY || undefined,
        }
      : undefined,
  })
}
