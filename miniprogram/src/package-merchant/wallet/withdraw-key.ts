import { chinaDateTime } from '@shared/domain/time'

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** A fresh idempotency key for one 提现 tap (the server keys the withdrawal on it). */
export const newRequestKey = (random: () => number = Math.random): string =>
  'W' + Array.from({ length: 19 }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('')

/** Month-day and time in China time, as 11-24 20:05. */
export const shortTime = (at: number): string => chinaDateTime(at).slice(5)
