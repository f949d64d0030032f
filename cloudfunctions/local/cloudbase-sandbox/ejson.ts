import { invalidParam } from './sandbox-error'

/**
 * The canonical Extended JSON the SDK writes (bson's `EJSON.stringify(x, { relaxed: false })`)
 * and reads back (`EJSON.parse`). Only the wrappers our data can hold are understood; any other
 * `$type` wrapper (ObjectId, Binary, Decimal128...) is refused rather than stored as a plain
 * object that would then match queries wrongly.
 */
export type Value =
  null | boolean | number | string | Date | RegExp | Value[] | { [k: string]: Value }

const WRAPPERS = new Set([
  '$numberInt',
  '$numberLong',
  '$numberDouble',
  '$date',
  '$regularExpression',
])

/** Parses one EJSON string from a request field. */
export const parseEjson = (text: unknown, field: string): Value => {
  if (typeof text !== 'string') return invalidParam(`${field} must be an EJSON string`)
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return invalidParam(`${field} is not valid JSON`)
  }
  return decode(raw, field)
}

export const decode = (raw: unknown, field: string): Value => {
  if (raw === null || typeof raw !== 'object') return raw as Value
  if (Array.isArray(raw)) return raw.map((x) => decode(x, field))
  const obj = raw as Record<string, unknown>
  const keys = Object.keys(obj)
  if (keys.length === 1 && keys[0].startsWith('$') && WRAPPERS.has(keys[0]))
    return scalar(obj, field)
  if (
    keys.length >= 1 &&
    ['$oid', '$binary', '$numberDecimal', '$timestamp', '$symbol'].includes(keys[0])
  )
    return invalidParam(`${field}: EJSON type ${keys[0]} is not supported by the sandbox`)
  const out: Record<string, Value> = {}
  for (const k of keys) out[k] = decode(obj[k], field)
  return out
}

const scalar = (obj: Record<string, unknown>, field: string): Value => {
  const [key] = Object.keys(obj)
  const v = obj[key]
  switch (key) {
    case '$numberInt':
    case '$numberLong':
    case '$numberDouble': {
      const n = Number(v)
      if (typeof v !== 'string' || (Number.isNaN(n) && v !== 'NaN'))
        return invalidParam(`${field}: bad ${key}`)
      return n
    }
    case '$date': {
      const ms =
        typeof v === 'string'
          ? Date.parse(v)
          : Number((v as { $numberLong?: string })?.$numberLong ?? NaN)
      if (Number.isNaN(ms)) return invalidParam(`${field}: bad $date`)
      return new Date(ms)
    }
    default: {
      const re = v as { pattern?: string; options?: string }
      try {
        return new RegExp(String(re.pattern), String(re.options ?? ''))
      } catch {
        return invalidParam(`${field}: bad $regularExpression`)
      }
    }
  }
}

/** Canonical EJSON, as the CloudBase server answers it: int32 → $numberInt, other integers → $numberLong. */
export const encode = (v: unknown): unknown => {
  if (typeof v === 'number') {
    if (Number.isInteger(v) && !Object.is(v, -0)) {
      if (v >= -(2 ** 31) && v < 2 ** 31) return { $numberInt: String(v) }
      if (Number.isSafeInteger(v)) return { $numberLong: String(v) }
    }
    return { $numberDouble: Number.isInteger(v) ? v.toFixed(1) : String(v) }
  }
  if (v instanceof Date) return { $date: { $numberLong: String(v.getTime()) } }
  if (v instanceof RegExp) return { $regularExpression: { pattern: v.source, options: v.flags } }
  if (Array.isArray(v)) return v.map(encode)
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = encode(x)
    return out
  }
  return v
}

export const stringifyEjson = (v: unknown): string => JSON.stringify(encode(v))
