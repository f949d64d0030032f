import Taro from '@tarojs/taro'

/** Where the H5 build keeps the local cloud's session; weapp identity comes from WeChat instead. */
export const SESSION_KEY = 'linquan.session'

export interface StoredSession {
  token: string
  /** Epoch ms; an expired token is dropped instead of sent. */
  expiresAt: number
  /** H5 demo sign-in only: which demo user, for the dev sandboxes' control pages (never sent to functions). */
  openid?: string
}

export const readSession = (now = Date.now()): StoredSession | null => {
  let value: unknown
  try {
    value = Taro.getStorageSync(SESSION_KEY)
  } catch {
    return null
  }
  if (typeof value === 'string' && value)
    return { token: value, expiresAt: Number.MAX_SAFE_INTEGER }
  const s = value as Partial<StoredSession> | null
  if (!s || typeof s.token !== 'string' || !s.token) return null
  if (typeof s.expiresAt === 'number' && s.expiresAt <= now) return null
  return {
    token: s.token,
    expiresAt: s.expiresAt ?? Number.MAX_SAFE_INTEGER,
    ...(typeof s.openid === 'string' ? { openid: s.openid } : {}),
  }
}

export const saveSession = (session: StoredSession) => Taro.setStorageSync(SESSION_KEY, session)

export const clearSession = () => Taro.removeStorageSync(SESSION_KEY)

export const authHeader = (): Record<string, string> => {
  const s = readSession()
  return s ? { Authorization: `Bearer ${s.token}` } : {}
}
