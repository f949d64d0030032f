/** Durations and China time (UTC+8 all year: one time zone, no daylight saving). */
export const SECOND = 1_000
export const MINUTE = 60 * SECOND
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR
export const CHINA_OFFSET_MS = 8 * HOUR

const china = (at: number) => new Date(at + CHINA_OFFSET_MS).toISOString()
/** The calendar day in China: 2026-12-01. */
export const chinaDay = (at: number) => china(at).slice(0, 10)
/** The wall clock in China: 14:05. */
export const chinaClock = (at: number) => china(at).slice(11, 16)
/** Day and clock in China: 2026-12-01 14:05. */
export const chinaDateTime = (at: number) => `${chinaDay(at)} ${chinaClock(at)}`
