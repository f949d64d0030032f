/**
 * CloudBase timer triggers take seven fields, sec min hour day month week year, each a list of
 * values, ranges `a-b` or steps (`*`, `a`, `a-b` then `/n`), with month and weekday names
 * (docs.cloudbase.net, 定时触发器). No `?`, `L`, `W` or `#`: CloudBase does not know them.
 */
interface Field {
  label: string
  min: number
  max: number
  names?: string[]
  /** Index of names[0] (weekdays count from SUN = 0). */
  nameBase?: number
}

const FIELDS: Field[] = [
  { label: '秒 (second)', min: 0, max: 59 },
  { label: '分 (minute)', min: 0, max: 59 },
  { label: '时 (hour)', min: 0, max: 23 },
  { label: '日 (day)', min: 1, max: 31 },
  {
    label: '月 (month)',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
    nameBase: 1,
  },
  {
    label: '星期 (weekday)',
    min: 0,
    max: 6,
    names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'],
    nameBase: 0,
  },
  { label: '年 (year)', min: 1970, max: 2099 },
]

const valueOf = (text: string, f: Field): number | null => {
  const named = f.names?.indexOf(text.toUpperCase()) ?? -1
  if (named >= 0) return named + (f.nameBase ?? 0)
  if (!/^\d+$/.test(text)) return null
  const n = Number(text)
  return n >= f.min && n <= f.max ? n : null
}

const partError = (part: string, f: Field): string | null => {
  const [range, step, extra] = part.split('/')
  if (extra !== undefined) return `"${part}" has two "/"`
  if (step !== undefined && !(/^\d+$/.test(step) && Number(step) > 0))
    return `step "${step}" must be a positive integer`
  if (range === '*') return null
  const [from, to, more] = range.split('-')
  if (more !== undefined) return `"${range}" is not a range a-b`
  const a = valueOf(from, f)
  if (a === null) return `"${from}" is outside ${f.min}–${f.max}`
  if (to === undefined) return null
  const b = valueOf(to, f)
  if (b === null) return `"${to}" is outside ${f.min}–${f.max}`
  return a <= b ? null : `range "${range}" runs backwards`
}

/** Why a timer's cron is invalid for CloudBase, or null when it is valid. */
export const cronError = (expression: string): string | null => {
  const fields = expression.trim().split(/\s+/)
  if (fields.length !== 7)
    return `needs 7 fields (秒 分 时 日 月 星期 年), has ${fields.length}: "${expression}"`
  for (let i = 0; i < 7; i++) {
    for (const part of fields[i].split(',')) {
      const error = part === '' ? 'an empty list item' : partError(part, FIELDS[i])
      if (error) return `field ${i + 1} ${FIELDS[i].label}: ${error} in "${expression}"`
    }
  }
  return null
}
