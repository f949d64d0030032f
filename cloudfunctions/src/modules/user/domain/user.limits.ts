import { MINUTE } from '@shared/domain/time'
import { slidingRule } from '../../core/ports/rate-limiter.port'

/** user.login per OPENID: the app logs in at launch and on sign-in, never dozens of times. */
export const LOGIN_PER_OPENID = slidingRule('user-login', 30, 10 * MINUTE)
export const LOGIN_TOO_OFTEN = '登录太频繁了，请稍后再试'

/** The local demo sign-in, per client address: signing sessions is not something to hammer. */
export const SIGN_IN_PER_ADDRESS = slidingRule('demo-sign-in', 20, 10 * MINUTE)
export const SIGN_IN_TOO_OFTEN = '登录太频繁了，请稍后再试'
