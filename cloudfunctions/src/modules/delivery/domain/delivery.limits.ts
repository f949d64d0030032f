import { slidingRule } from '../../core/ports/rate-limiter.port'
import { MINUTE } from '@shared/domain/time'

/** freightQuote is public and each call costs a kuaidi100 request: per signed-in user… */
export const FREIGHT_QUOTE_PER_USER = slidingRule('order-freight-user', 30, MINUTE)
/** …or per client address when anonymous (an address may hide several people). */
export const FREIGHT_QUOTE_PER_ADDRESS = slidingRule('order-freight-ip', 60, MINUTE)
export const FREIGHT_QUOTE_TOO_OFTEN = '运费查询太频繁了，请稍后再试'

/**
 * detectCourier runs while a party types a waybill (debounced) and each call costs a kuaidi100
 * request: a few numbers a minute is typing, more is someone mining the recogniser.
 */
export const DETECT_COURIER_PER_USER = slidingRule('order-detect-courier', 20, MINUTE)
export const DETECT_COURIER_TOO_OFTEN = '识别太频繁了，请直接选择快递公司'
