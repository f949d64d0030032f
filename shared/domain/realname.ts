import { CHINA_OFFSET_MS } from './time'

/**
 * When a seller must be real-name verified (实名认证) before publishing more. WeChat Pay's
 * sub-merchant onboarding (开通收款) verifies the ID holder against the bank card, so a finished
 * onboarding counts as real-name. Kept simple and documented:
 * - volume: ¥5,000 sold or 20 orders in the current China calendar month (paid and not refunded);
 * - sensitive goods: phones, digital and computers priced at ¥2,000 or more (the categories where
 *   counterfeits and stolen goods cost buyers most).
 */
export const REALNAME_MONTHLY_FEN = 500_000
export const REALNAME_MONTHLY_ORDERS = 20
export const REALNAME_SENSITIVE_CATEGORIES: readonly string[] = ['phone', 'digital', 'computer']
export const REALNAME_SENSITIVE_PRICE_FEN = 200_000

export type RealNameReason = 'volume' | 'sensitive'

export const realNameReason = (input: {
  monthSoldFen: number
  monthOrders: number
  category: string
  priceFen: number
}): RealNameReason | null => {
  if (input.monthSoldFen >= REALNAME_MONTHLY_FEN || input.monthOrders >= REALNAME_MONTHLY_ORDERS)
    return 'volume'
  return isSensitiveSale(input) ? 'sensitive' : null
}

/** Phones, digital goods and computers at the price where real-name is asked whatever the volume. */
export const isSensitiveSale = (listing: { category: string; priceFen: number }): boolean =>
  REALNAME_SENSITIVE_CATEGORIES.includes(listing.category) &&
  listing.priceFen >= REALNAME_SENSITIVE_PRICE_FEN

export const REALNAME_MESSAGES: Record<RealNameReason, string> = {
  volume: '本月成交已达 ¥5,000 或 20 单，完成实名认证（开通收款）后可继续发布',
  sensitive: '手机、数码、电脑类 ¥2,000 以上的宝贝，完成实名认证（开通收款）后可继续发布',
}

/** The first instant of the China calendar month `at` falls in (epoch ms). */
export const chinaMonthStart = (at: number): number => {
  const d = new Date(at + CHINA_OFFSET_MS)
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) - CHINA_OFFSET_MS
}
