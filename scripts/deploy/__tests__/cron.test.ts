import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT } from '../../repo-paths'
import { cronError } from '../cron'

describe('CloudBase 7-field cron', () => {
  it('accepts every timer in cron/config.json and the documented forms', () => {
    const config = JSON.parse(
      readFileSync(join(REPO_ROOT, 'cloudfunctions', 'cron', 'config.json'), 'utf8'),
    ) as { triggers: { config: string }[] }
    for (const t of config.triggers) expect(cronError(t.config)).toBeNull()
    for (const ok of [
      '*/5 * * * * * *',
      '0 0 2 1 * * *',
      '0 15 10 * * MON-FRI *',
      '0 0 10,14,16 * * * *',
      '0 */30 9-17 * * * *',
      '0 0 12 * * WED *',
      '1/10 0 0 1 JAN-DEC 0 2030',
    ])
      expect(cronError(ok)).toBeNull()
  })

  it.each([
    ['0 * * * * *', 'needs 7 fields (秒 分 时 日 月 星期 年), has 6: "0 * * * * *"'],
    ['60 * * * * * *', 'field 1 秒 (second): "60" is outside 0–59 in "60 * * * * * *"'],
    ['0 0 0 0 * * *', 'field 4 日 (day): "0" is outside 1–31 in "0 0 0 0 * * *"'],
    ['0 0 0 * 13 * *', 'field 5 月 (month): "13" is outside 1–12 in "0 0 0 * 13 * *"'],
    ['0 0 0 ? * * *', 'field 4 日 (day): "?" is outside 1–31 in "0 0 0 ? * * *"'],
    ['0 0 0 L * * *', 'field 4 日 (day): "L" is outside 1–31 in "0 0 0 L * * *"'],
    ['0 0 0 * * 7 *', 'field 6 星期 (weekday): "7" is outside 0–6 in "0 0 0 * * 7 *"'],
    [
      '0 */0 * * * * *',
      'field 2 分 (minute): step "0" must be a positive integer in "0 */0 * * * * *"',
    ],
    ['0 0 17-9 * * * *', 'field 3 时 (hour): range "17-9" runs backwards in "0 0 17-9 * * * *"'],
    ['0 0 1,,2 * * * *', 'field 3 时 (hour): an empty list item in "0 0 1,,2 * * * *"'],
    ['0 0 0 * * * 1969', 'field 7 年 (year): "1969" is outside 1970–2099 in "0 0 0 * * * 1969"'],
  ])('refuses %s', (expression, message) => {
    expect(cronError(expression)).toBe(message)
  })
})
