/**
 * ProviderError: what every vendor adapter (WeChat Pay, kuaidi100, the WeChat server API) throws
 * when a call fails. Whether the failure is a permanent refusal (the vendor answered no, and the
 * same call can never succeed) is decided once per vendor, by the adapter that knows that vendor's
 * error table; callers ask `isPermanentRefusal` instead of reading each vendor's codes.
 */

/** The vendors behind the adapters. */
export type ProviderName = 'wechat-pay' | 'kuaidi100' | 'wechat-api'

/** An adapter's reading of one failure: worth sending again later, and/or refused for good. */
export interface ProviderVerdict {
  retryable: boolean
  permanent: boolean
}

/** The same call may succeed later (5xx, timeouts, rate limits). */
export const RETRY: ProviderVerdict = { retryable: true, permanent: false }
/** The vendor refused this call for good. */
export const REFUSED: ProviderVerdict = { retryable: false, permanent: true }

/**
 * `instanceof` by brand, not by prototype: in the local cloud an adapter comes from the host
 * process while each function bundle carries its own copy of the error classes (as AppError does).
 */
export const hasBrand = (value: unknown, brand: symbol): boolean =>
  typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true

const PROVIDER_ERROR = Symbol.for('linquan.ProviderError')

/** A failed call to an outside vendor. */
export class ProviderError extends Error {
  readonly [PROVIDER_ERROR] = true

  static [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value, PROVIDER_ERROR)
  }

  constructor(
    readonly provider: ProviderName,
    /** The vendor's own code (WeChat Pay `code`, kuaidi100 `returnCode`, WeChat `errcode`) or a local one. */
    readonly vendorCode: string | undefined,
    message: string,
    /** HTTP status of the vendor's answer; undefined when there was none. */
    readonly httpStatus: number | undefined,
    /** True when the vendor refused for good, from its error table (see the adapter). */
    readonly permanent: boolean,
  ) {
    super(message)
    this.name = 'ProviderError'
  }
}

/** True when a vendor refused the call for good: retrying the same call cannot help. */
export const isPermanentRefusal = (e: unknown): e is ProviderError =>
  e instanceof ProviderError && e.permanent
