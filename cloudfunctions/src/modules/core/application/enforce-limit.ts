import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { RateLimiter, RateLimitRule } from '../ports/rate-limiter.port'

/** Counts one attempt (or `cost`) or refuses with COMMON.RATE_LIMITED and `details.retryAfterMs`. */
export const enforceLimit = async (
  limits: RateLimiter,
  rule: RateLimitRule,
  key: string,
  message?: string,
  cost = 1,
): Promise<void> => {
  const decision = await limits.hit(rule, key, cost)
  if (!decision.allowed)
    throw new AppError(ErrorCodes.RATE_LIMITED, message ?? '操作太频繁了，请稍后再试', {
      retryAfterMs: decision.retryAfterMs,
    })
}
