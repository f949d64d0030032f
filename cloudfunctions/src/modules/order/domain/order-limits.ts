import { slidingRule } from '../../core/ports/rate-limiter.port'

import { HOUR, MINUTE } from '@shared/domain/time'

/**
 * Limits for the order function (ARCHITECTURE.md §7), for `enforceLimit(deps.limits, rule, key,
 * message)`. Keys: checkout by the buyer's user id, handOver by the seller's user id, freightQuote
 * by `callerKey(userId, ip)` (modules/core/application/limit-keys.ts).
 */

/** Orders a buyer may open an hour: each locks a listing for 15 minutes, so many would block sellers. */
export const CHECKOUT_PER_BUYER = slidingRule('order-checkout', 20, HOUR)
export const CHECKOUT_TOO_OFTEN = '下单太频繁了，请稍后再试'

/**
 * handOver calls per seller, right code or wrong: the 6-digit code is the guessable secret of
 * 同城面交, and a seller hands over a few orders at a time, not dozens.
 */
export const HANDOVER_PER_SELLER = slidingRule('order-handover', 10, 10 * MINUTE)
export const HANDOVER_TOO_OFTEN = '交易码尝试次数太多了，请稍后再试'
