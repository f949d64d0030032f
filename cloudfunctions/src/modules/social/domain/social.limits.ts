import { HOUR } from '@shared/domain/time'
import type { RateLimitRule } from '../../core/ports/rate-limiter.port'

/**
 * Joining by invite code, per user, right or wrong: a 6-character code can be guessed, so
 * guesses must be few. Someone who really has codes never needs ten in an hour.
 */
export const INVITE_CODE_PER_USER: RateLimitRule = {
  name: 'community-invite',
  limit: 10,
  windowMs: HOUR,
  kind: 'sliding',
}
export const INVITE_TOO_OFTEN = '邀请码试得太多了，请稍后再试'
