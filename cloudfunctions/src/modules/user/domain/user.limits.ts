import type { RateLimitRule } from '../../core/ports/rate-limiter.port'

const MIN = 60_000

/** user.login per OPENID: the app logs in at launch and on sign-in, never dozens of times. */
export const LOGIN_PER_OPENID: RateLimitRule = {
  name: 'user-login',
  limit: 30,
  windowMs: 10 * MIN,
  kind: 'sliding',
}
export const LOGIN_TOO_OFTEN = '登录太频繁了，请稍后再试'

/** The local demo sign-in, per client address: signing sessions is not something to hammer. */
export const SIGN_IN_PER_ADDRESS: RateLimitRule = {
  name: 'demo-sign-in',
  limit: 20,
  windowMs: 10 * MIN,
  kind: 'sliding',
}
export const SIGN_IN_TOO_OFTEN = '登录太频繁了，请稍后再试'
