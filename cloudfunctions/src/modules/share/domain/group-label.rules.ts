import { reservedNicknameWord } from '@shared/contracts/user-text'

/** Links and contact details: a group name is where spam would put them. */
const LINK = /(https?:|www\.|\.(com|cn|net|top|xyz)\b)/i
const CONTACT = /\d[\d\s-]{5,}\d|(微信|vx|wx|qq)\s*[:：]?\s*[\w-]{5,}/i

/**
 * Whether a member's 群名称 may be shown to the other members. A simple screen for now (no posing
 * as the platform, no links or contact numbers); WeChat's content check (msg_sec_check) is to
 * replace it when the platform has one.
 */
export const labelRefusal = (label: string): string | null => {
  const word = reservedNicknameWord(label)
  if (word) return `群名称不能包含“${word}”等字样`
  if (LINK.test(label)) return '群名称不能包含链接'
  if (CONTACT.test(label)) return '群名称不能包含联系方式'
  return null
}
