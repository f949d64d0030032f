import { HOUR } from '@shared/domain/time'
import { slidingRule } from '../../core/ports/rate-limiter.port'

/**
 * Joining by invite code, per user, right or wrong: a 6-character code can be guessed, so
 * guesses must be few. Someone who really has codes never needs ten in an hour.
 */
export const INVITE_CODE_PER_USER = slidingRule('community-invite', 10, HOUR)
export const INVITE_TOO_OFTEN = '邀请码试得太多了，请稍后再试'
