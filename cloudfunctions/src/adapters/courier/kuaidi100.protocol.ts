import { CHINA_OFFSET_MS } from '@shared/domain/time'
import { createHash } from 'node:crypto'

/**
 * kuaidi100's wire conventions shared by the adapter and the sandbox: MD5 signatures (upper-case
 * hex), waybill shapes per company, state codes and its `yyyy-MM-dd HH:mm:ss` Beijing times.
 */

export const md5Upper = (text: string): string =>
  createHash('md5').update(text, 'utf8').digest('hex').toUpperCase()

/** 实时查询: MD5(param + key + customer). */
export const querySign = (param: string, key: string, customer: string) =>
  md5Upper(param + key + customer)

/** 商家寄件: MD5(param + t + key + secret). */
export const borderSign = (param: string, t: string, key: string, secret: string) =>
  md5Upper(param + t + key + secret)

/** Pushes: MD5(param + salt). */
export const pushSign = (param: string, salt: string) => md5Upper(param + salt)

/** Company codes we know the waybill shape of, with their Chinese names. */
export const COMPANIES: Record<string, { name: string; waybill: RegExp }> = {
  shunfeng: { name: '顺丰速运', waybill: /^SF\d{13}$/ },
  zhongtong: { name: '中通快递', waybill: /^7\d{11}(\d{2})?$/ },
  yuantong: { name: '圆通速递', waybill: /^YT\d{13}$/ },
  yunda: { name: '韵达快递', waybill: /^(31|43|46)\d{11}$/ },
  // 申通's numbers are 15 digits from 77, 极兔's JT and 13 digits: no overlap with 中通's 12 or 14.
  shentong: { name: '申通快递', waybill: /^77\d{13}$/ },
  jtexpress: { name: '极兔速递', waybill: /^JT\d{13}$/ },
  jd: { name: '京东物流', waybill: /^JD[0-9A-Z]{11,13}$/ },
  ems: { name: 'EMS', waybill: /^(1\d{12}|E[A-Z]\d{9}CN)$/ },
}

/** Company codes are lower-case letters and digits (kuaidi100 `com`). */
export const COMPANY_CODE = /^[a-z0-9]{2,32}$/

/** Any waybill kuaidi100 accepts: letters and digits, at most 32 characters. */
export const WAYBILL_NO = /^[0-9A-Z]{6,32}$/

/** Companies whose known waybill shape fits the number. */
export const companiesFor = (waybillNo: string): string[] =>
  Object.entries(COMPANIES)
    .filter(([, c]) => c.waybill.test(waybillNo))
    .map(([code]) => code)

/** kuaidi100 `state` codes and their Chinese names. */
export const STATE_NAMES: Record<string, string> = {
  '0': '在途',
  '1': '揽收',
  '2': '疑难',
  '3': '签收',
  '4': '退签',
  '5': '派件',
  '6': '退回',
  '7': '转投',
  '8': '清关',
  '14': '拒签',
}

/** `2026-01-01 08:00:00` in Beijing time, as kuaidi100 writes times. */
export const formatTime = (ms: number): string =>
  new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ')

/** The inverse of formatTime; NaN when it does not parse. */
export const parseTime = (text: string): number => {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text)
  if (!m) return Number.NaN
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) - CHINA_OFFSET_MS
}
