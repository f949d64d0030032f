import { HOUR } from '@shared/domain/time'
import { slidingRule } from '../../core/ports/rate-limiter.port'

/**
 * The 交易码 has a million values: at most 5 tries per order in any hour (sliding, so the end of
 * one hour and the start of the next do not give 10), counted before the code is compared, so
 * concurrent guesses cannot slip past the count.
 */
export const HANDOVER_TRIES = slidingRule('handover-code', 5, HOUR)
