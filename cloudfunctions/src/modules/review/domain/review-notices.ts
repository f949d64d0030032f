import type { ReviewParty } from '@shared/domain/review'
import { chinaDateTime } from '@shared/domain/time'

const item = (title: string) => `「${title}」`
const whom = (by: ReviewParty) => (by === 'buyer' ? '卖家' : '买家')

/** What 消息 says a day before the window closes, to a party who has not rated yet. */
export const reminderNotice = (r: { title: string; by: ReviewParty }) => ({
  title: '评价即将截止',
  body: `${item(r.title)}的评价明天截止，给${whom(r.by)}打个分吧，你的评价会帮到更多邻居。`,
})

/** What 消息 tells a reviewee once a review of them is published. */
export const receivedNotice = (r: { title: string; by: ReviewParty }) => ({
  title: '收到新评价',
  body: `${item(r.title)}的${r.by === 'buyer' ? '买家' : '卖家'}给你的评价已公开，去看看吧。`,
})

/** The keywords of the 评价提醒 subscribe message (thing: at most 20 characters). */
export const reminderKeywords = (
  r: { title: string; by: ReviewParty; dueAt: number },
  counterpart: string,
) => ({
  thing1: clip(r.title, '闲置宝贝'),
  thing2: clip(counterpart, whom(r.by)),
  time3: chinaDateTime(r.dueAt),
  thing4: '你的评价能帮邻居放心交易',
})

const clip = (s: string, fallback: string) => [...(s.trim() || fallback)].slice(0, 20).join('')
