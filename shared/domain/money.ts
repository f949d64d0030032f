import { z } from 'zod'

/** Money is an integer number of fen everywhere; yuan exist only at the edges (display, input). */
export const MAX_PRICE_FEN = 99_999_900 // ¥999,999: above this a C2C listing is almost surely a typo

/** Groups of three digits with commas: 12800 → 12,800. */
const withThousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/**
 * ¥12.50, ¥12 when whole; thousands separated so ¥12,800 reads at a glance. Not toLocaleString:
 * its first call initialises ICU's number formatting (about 28 ms), and the contracts call this
 * when they load, so every cloud function paid it on cold start.
 */
export const formatFen = (fen: number): string => {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  const yuan = Math.floor(abs / 100)
  const cents = abs % 100
  const whole = withThousands(yuan)
  return `${sign}¥${cents === 0 ? whole : `${whole}.${String(cents).padStart(2, '0')}`}`
}

/**
 * Whole, non-negative fen up to `maxFen`. Over the cap the message names the cap the way people
 * write amounts ("最多 ¥999,999"), so a seller who typed one digit too many knows what to fix.
 */
export const fenAtMost = (maxFen: number, message = `最多 ${formatFen(maxFen)}`) =>
  z
    .number({ error: '金额必须是数字' })
    .int('金额必须是整数分')
    .min(0, '金额不能为负')
    .max(maxFen, message)

export const FenSchema = fenAtMost(MAX_PRICE_FEN)

/** Parses what a user typed ("12", "12.5", "12.50") into fen without float arithmetic. */
export const parseYuanToFen = (text: string): number | null => {
  const m = /^\s*(\d{1,7})(?:\.(\d{0,2}))?\s*$/.exec(text)
  if (!m) return null
  const cents = (m[2] ?? '').padEnd(2, '0')
  return Number(m[1]) * 100 + Number(cents)
}

/**
 * A form's typed yuan in fen, for a field whose schema has a cap: like parseYuanToFen, but with
 * any number of whole-yuan digits, so 99999999999 comes back as an amount over the cap (and the
 * field says its maximum) rather than as "not a number". Past the safe-integer range it
 * saturates, still over every cap. null for text that is not an amount.
 */
export const parseYuanInput = (text: string): number | null => {
  const m = /^\s*(\d+)(?:\.(\d{0,2}))?\s*$/.exec(text)
  if (!m) return null
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
  return Math.min(fen, Number.MAX_SAFE_INTEGER)
}
