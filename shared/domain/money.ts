import { z } from 'zod'

/** Money is an integer number of fen everywhere; yuan exist only at the edges (display, input). */
export const MAX_PRICE_FEN = 99_999_900 // ¥999,999: above this a C2C listing is almost surely a typo

export const FenSchema = z
  .number({ error: '金额必须是数字' })
  .int('金额必须是整数分')
  .min(0, '金额不能为负')
  .max(MAX_PRICE_FEN, '金额过大')

/** ¥12.50, ¥12 when whole; thousands separated so ¥12,800 reads at a glance. */
export const formatFen = (fen: number): string => {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  const yuan = Math.floor(abs / 100)
  const cents = abs % 100
  const whole = yuan.toLocaleString('en-US')
  return `${sign}¥${cents === 0 ? whole : `${whole}.${String(cents).padStart(2, '0')}`}`
}

/** Parses what a user typed ("12", "12.5", "12.50") into fen without float arithmetic. */
export const parseYuanToFen = (text: string): number | null => {
  const m = /^\s*(\d{1,7})(?:\.(\d{0,2}))?\s*$/.exec(text)
  if (!m) return null
  const cents = (m[2] ?? '').padEnd(2, '0')
  return Number(m[1]) * 100 + Number(cents)
}
