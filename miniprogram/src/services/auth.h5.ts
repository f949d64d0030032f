import { z } from 'zod'
import { clearSession, readSession, saveSession } from './session'
import { ClientErrorCodes, ServiceError, serviceErrorOf } from './service-error'

// The browser has no WeChat identity: the local cloud signs a session for a chosen demo user.

export const DemoUserSchema = z.object({
  openid: z.string().min(1),
  nickname: z.string(),
  avatarUrl: z.string().nullable().optional(),
  city: z.string().nullable().optional(),
})
export type DemoUser = z.infer<typeof DemoUserSchema>

const DemoUsersSchema = z.object({ users: z.array(DemoUserSchema) })
const SessionAnswerSchema = z.object({ token: z.string().min(1), expiresAt: z.number() })

/** The H5 build signs in through the demo-user picker instead of WeChat. */
export const DEMO_LOGIN = true

const readJson = async <T>(res: Response, schema: z.ZodType<T>, what: string): Promise<T> => {
  let body: unknown
  try {
    body = await res.json()
  } catch {
    throw new ServiceError(ClientErrorCodes.BAD_RESPONSE, `${what}失败（HTTP ${res.status}）`)
  }
  const env = body as { ok?: boolean; error?: { code: string; message: string; details?: unknown } }
  if (env?.ok === false && env.error) throw serviceErrorOf(env.error, `${what}失败`)
  const parsed = schema.safeParse(body)
  if (!res.ok || !parsed.success)
    throw new ServiceError(ClientErrorCodes.BAD_RESPONSE, `${what}失败（HTTP ${res.status}）`)
  return parsed.data
}

const request = async (url: string, init?: RequestInit) => {
  try {
    return await fetch(url, init)
  } catch (e) {
    throw new ServiceError(ClientErrorCodes.NETWORK, '网络异常，请检查本地云是否在运行', {
      cause: String(e),
    })
  }
}

export const listDemoUsers = async (): Promise<DemoUser[]> =>
  (await readJson(await request('/auth/demo-users'), DemoUsersSchema, '获取演示用户')).users

/** Starts a local session as `openid` and keeps the token for every later call. */
export const startDemoSession = async (openid: string): Promise<void> => {
  const res = await request('/auth/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ openid }),
  })
  saveSession({ ...(await readJson(res, SessionAnswerSchema, '登录')), openid })
}

/** Whether a call can carry an identity at all (no token means "not signed in" without asking). */
export const hasIdentity = () => readSession() !== null

export const endSession = () => clearSession()
