import type { Conversation } from '@shared/contracts/chat.contract'
import { DAY, chinaClock, chinaDay } from '@shared/domain/time'

/** What the conversation list shows for the last message: pictures and cards in brackets, as WeChat does. */
export const previewText = (last: Conversation['lastMessage']): string => {
  if (!last) return '还没有消息，打个招呼吧'
  if (last.kind === 'image') return '[图片]'
  if (last.kind === 'offer') return `[出价] ${last.text}`.trim()
  if (last.kind === 'listing') return '[宝贝]'
  return last.text
}

/**
 * The time label between chat bubbles, in China time as WeChat shows it: 14:20 today, 昨天 14:20,
 * 11-03 14:20 this year, 2025-11-03 14:20 before.
 */
export const chatTimeLabel = (at: number, now: number): string => {
  const day = chinaDay(at)
  const clock = chinaClock(at)
  if (day === chinaDay(now)) return clock
  if (day === chinaDay(now - DAY)) return `昨天 ${clock}`
  if (day.slice(0, 4) === chinaDay(now).slice(0, 4)) return `${day.slice(5)} ${clock}`
  return `${day} ${clock}`
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/**
 * A fresh id for one send, so a retry is stored once. Not a secret (it only matches a pending
 * bubble to the stored message), so the platform's random source is enough.
 */
export const newClientMsgId = (random: () => number = Math.random): string =>
  'm' +
  Array.from({ length: 21 }, () => ID_ALPHABET[Math.floor(random() * ID_ALPHABET.length)]).join('')
