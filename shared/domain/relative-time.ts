import dayjs from 'dayjs'

/**
 * Times as WeChat users read them: 刚刚, 3分钟前, 2小时前, 昨天 14:20, 11-03, 2024-11-03.
 * `now` is passed in so the same rule runs on the server, the client and in tests.
 */
export const formatRelativeTime = (at: number, now: number): string => {
  const diff = Math.max(0, now - at)
  const minute = 60_000
  if (diff < minute) return '刚刚'
  if (diff < 60 * minute) return `${Math.floor(diff / minute)}分钟前`
  const t = dayjs(at)
  const today = dayjs(now).startOf('day')
  if (t.isAfter(today) || t.isSame(today)) return `${Math.floor(diff / (60 * minute))}小时前`
  if (t.isAfter(today.subtract(1, 'day')) || t.isSame(today.subtract(1, 'day')))
    return `昨天 ${t.format('HH:mm')}`
  if (t.year() === dayjs(now).year()) return t.format('MM-DD')
  return t.format('YYYY-MM-DD')
}
