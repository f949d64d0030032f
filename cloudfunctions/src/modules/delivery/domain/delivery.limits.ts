import type { RateLimitRule } from '../../core/ports/rate-limiter.port'
import { MINUTE } from '@shared/domain/time'

/** freightQuote is public and each call costs a kuaidi100 request: per signed-in user… */
export const FREIGHT_QUOTE_PER_USER: RateLimitRule = {
  name: 'order-freight-user',
  limit: 30,
  windowMs: MINUTE,
  kind: 'sliding',
}
/** …or per client address when anonymous (an address may hide several people). */
export const FREIGHT_QUOTE_PER_ADDRESS: RateLimitRule = {
  name: 'order-freight-ip',
  limit: 60,
  windowMs: MINUTE,
  kind: 'sliding',
}
export const FREIGHT_QUOTE_TOO_OFTEN = '运费查询太频繁了，请稍后再试'
