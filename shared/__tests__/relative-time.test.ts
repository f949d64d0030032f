import { formatRelativeTime } from '../domain/relative-time'

describe('formatRelativeTime', () => {
  // 2026-11-24 15:30 local time
  const now = new Date(2026, 10, 24, 15, 30).getTime()
  const at = (d: number, h: number, m: number, y = 2026, mo = 10) =>
    new Date(y, mo, d, h, m).getTime()

  it.each([
    [now - 20_000, '刚刚'],
    [now - 3 * 60_000, '3分钟前'],
    [at(24, 10, 5), '5小时前'],
    [at(24, 0, 0), '15小时前'],
    [at(23, 14, 20), '昨天 14:20'],
    [at(3, 9, 0), '11-03'],
    [at(3, 9, 0, 2025), '2025-11-03'],
    [now + 60_000, '刚刚'],
  ])('%s → %s', (t, expected) => {
    expect(formatRelativeTime(t, now)).toBe(expected)
  })
})
