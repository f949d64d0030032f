import { z } from 'zod'

/**
 * Everything the kuaidi100 adapter needs. kuaidi100 spreads its API over several hosts, so each
 * gets its own base URL; locally all three point at the sandbox
 * (http://127.0.0.1:PORT/sandbox/kuaidi100).
 */
export const Kuaidi100ConfigSchema = z.object({
  baseUrls: z.object({
    /** 实时查询 /poll/query.do, 订阅 /poll, 商家寄件 /order/borderapi.do. */
    poll: z.string().url().default('https://poll.kuaidi100.com'),
    /** 智能单号识别 /autonumber/auto. */
    autonumber: z.string().url().default('https://www.kuaidi100.com'),
  }),
  /** 授权 key. */
  key: z.string().min(1),
  /** 查询公司编号 (customer), for 实时查询. */
  customer: z.string().min(1),
  /** 商家寄件 secret. */
  secret: z.string().min(1),
  /** Our salt for push signatures: kuaidi100 signs each push MD5(param + salt). */
  salt: z.string().min(8),
  /** Where tracking pushes go (the HTTP-triggered courier-notify function). */
  callbackUrl: z.string().url(),
  /** Where 商家寄件 order-status callbacks go (defaults to callbackUrl). */
  pickupCallbackUrl: z.string().url().optional(),
  /** Companies asked for a quote when the caller names none. */
  quoteCompanies: z
    .array(z.string().regex(/^[a-z0-9]+$/))
    .default(['shunfeng', 'zhongtong', 'yuantong', 'yunda', 'jd', 'ems']),
  timeoutMs: z.number().int().positive().default(10_000),
})

export type Kuaidi100Config = z.infer<typeof Kuaidi100ConfigSchema>
export type Kuaidi100ConfigInput = z.input<typeof Kuaidi100ConfigSchema>

/** Reads the adapter's config from KUAIDI100_* environment variables. */
export function kuaidi100ConfigFromEnv(env: Record<string, string | undefined>): Kuaidi100Config {
  return Kuaidi100ConfigSchema.parse({
    baseUrls: { poll: env.KUAIDI100_POLL_BASE_URL, autonumber: env.KUAIDI100_AUTONUMBER_BASE_URL },
    key: env.KUAIDI100_KEY,
    customer: env.KUAIDI100_CUSTOMER,
    secret: env.KUAIDI100_SECRET,
    salt: env.KUAIDI100_SALT,
    callbackUrl: env.KUAIDI100_CALLBACK_URL,
    pickupCallbackUrl: env.KUAIDI100_PICKUP_CALLBACK_URL,
    quoteCompanies: env.KUAIDI100_QUOTE_COMPANIES?.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    timeoutMs: env.KUAIDI100_TIMEOUT_MS ? Number(env.KUAIDI100_TIMEOUT_MS) : undefined,
  })
}
