import dayjs from 'dayjs'
import { HOUR, MINUTE } from './time'

/**
 * Times as WeChat users read them: 刚刚, 3分钟前, 2小时前, 昨天 14:20, 11-03, 2024-11-03.
 * `now` is passed in so the same rule runs on the server, the client and in tests.
 */
export const formatRelativeTime = (at: number, now: number): string => {
  const diff = Math.max(0, now - at)
  if (diff < MINUTE) return '刚刚'
  if (diff < HOUR) return `${Math.floor(diff / MINUTE)}分钟前`
  const t = dayjs(at)
  const today = dayjs(now).startOf('day')
  if (t.isAfter(today) || t.isSame(today)) return `${Math.floor(diff / HOUR)}小时前`
  if (t.isAfter(today.subtract(1, 'day')) || t.isSame(today.subtract(1, 'day')))
    return `昨天 ${t.format('HH:mm')}`
  if (t.year() === dayjs(now).year()) return t.format('MM-DD')
  return t.format('YYYY-MM-DD')
}
