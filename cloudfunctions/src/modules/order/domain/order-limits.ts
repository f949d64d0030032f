import type { RateLimitRule } from '../../core/ports/rate-limiter.port'

const MIN = 60_000

/**
 * Limits for the order function (ARCHITECTURE.md §7), for `enforceLimit(deps.limits, rule, key,
 * message)`. Keys: checkout by the buyer's user id, handOver by the seller's user id, freightQuote
 * by `callerKey(userId, ip)` (modules/core/application/limit-keys.ts).
 */

/** Orders a buyer may open an hour: each locks a listing for 15 minutes, so many would block sellers. */
export const CHECKOUT_PER_BUYER: RateLimitRule = {
  name: 'order-checkout',
  limit: 20,
  windowMs: 60 * MIN,
  kind: 'sliding',
}
export const CHECKOUT_TOO_OFTEN = '下单太频繁了，请稍后再试'

/**
 * handOver calls per seller, right code or wrong: the 6-digit code is the guessable secret of
 * 同城面交, and a seller hands over a few orders at a time, not dozens.
 */
export const HANDOVER_PER_SELLER: RateLimitRule = {
  name: 'order-handover',
  limit: 10,
  windowMs: 10 * MIN,
  kind: 'sliding',
}
export const HANDOVER_TOO_OFTEN = '交易码尝试次数太多了，请稍后再试'

/** freightQuote is public and each call costs a kuaidi100 request: per signed-in user… */
export const FREIGHT_QUOTE_PER_USER: RateLimitRule = {
  name: 'order-freight-user',
  limit: 30,
  windowMs: MIN,
  kind: 'sliding',
}
/** …or per client address when anonymous (an address may hide several people). */
export const FREIGHT_QUOTE_PER_ADDRESS: RateLimitRule = {
  name: 'order-freight-ip',
  limit: 60,
  windowMs: MIN,
  kind: 'sliding',
}
export const FREIGHT_QUOTE_TOO_OFTEN = '运费查询太频繁了，请稍后再试'
