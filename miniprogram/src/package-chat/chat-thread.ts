import type { ChatListing, ChatMessage } from '@shared/contracts/chat.contract'
import { MINUTE } from '@shared/domain/time'
import { chatTimeLabel } from '@/utils/chat-text'

/** A message of mine the server has not stored yet: shown at once, replaced by the stored one. */
export interface PendingMessage {
  clientMsgId: string
  text: string
  at: number
  state: 'sending' | 'failed'
  /** A picture: the local file shown until it is stored, and its upload progress (null once up). */
  image?: { localPath: string; progress: number | null }
}

/** A picture bubble: url null when the file is gone (图片已失效); progress while it uploads. */
export interface BubbleImage {
  url: string | null
  progress: number | null
}

export type ThreadRow =
  | { type: 'time'; key: string; label: string }
  /** Order events and system notes: a centred grey line. */
  | { type: 'note'; key: string; text: string; orderId: string | null }
  /**
   * An offer move (出价, 还价, 接受…) in its party's name. `live` on the offer's latest line: the
   * card there shows the offer's state and the viewer's buttons; earlier lines are its history.
   */
  | {
      type: 'offer'
      key: string
      mine: boolean
      text: string
      offerId: string
      live: boolean
      seq: number
    }
  /** A 宝贝 card a party shared: the listing as it stands now (null once it is gone). */
  | {
      type: 'card'
      key: string
      mine: boolean
      title: string
      card: ChatListing | null
      read: boolean
      seq: number
    }
  | {
      type: 'bubble'
      key: string
      mine: boolean
      text: string
      image: BubbleImage | null
      /** A received message the guard flagged: the yellow warning under it. */
      warn: boolean
      /** 已读 under my last message the other party has read. */
      read: boolean
      pending: PendingMessage['state'] | null
      clientMsgId: string | null
      seq: number | null
    }

/** A time label when more than this passed since the message before (WeChat's habit). */
export const TIME_GAP = 5 * MINUTE

/** Merges pages and live messages by seq: each once, oldest first. */
export const mergeMessages = (held: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] => {
  const bySeq = new Map(held.map((m) => [m.seq, m]))
  for (const m of incoming) bySeq.set(m.seq, m)
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq)
}

/**
 * The rows the conversation shows: stored messages by seq, then my pending ones (a pending one
 * whose clientMsgId came back stored is dropped, whichever way it arrived: the send's answer or
 * the feed), with a time label where more than five minutes passed.
 */
export const buildThread = (input: {
  messages: ChatMessage[]
  pending: PendingMessage[]
  meId: string | null
  otherReadSeq: number
  now: number
}): ThreadRow[] => {
  const { messages, meId, otherReadSeq, now } = input
  const stored = new Set(messages.map((m) => m.clientMsgId).filter(Boolean))
  const pending = input.pending.filter((p) => !stored.has(p.clientMsgId))
  let readSeq = 0
  for (const m of messages) if (m.senderId === meId && m.seq <= otherReadSeq) readSeq = m.seq

  const latestOfOffer = new Map<string, number>()
  for (const m of messages) if (m.offerId) latestOfOffer.set(m.offerId, m.seq)

  const rows: ThreadRow[] = []
  let lastAt: number | null = null
  const timeBefore = (at: number, key: string) => {
    if (lastAt === null || at - lastAt > TIME_GAP)
      rows.push({ type: 'time', key: `t-${key}`, label: chatTimeLabel(at, now) })
    lastAt = at
  }
  for (const m of messages) {
    timeBefore(m.at, String(m.seq))
    if (m.kind === 'order' || m.kind === 'system' || m.senderId === null) {
      rows.push({ type: 'note', key: `s-${m.seq}`, text: m.text ?? '', orderId: m.orderId })
      continue
    }
    const mine = m.senderId === meId
    if (m.kind === 'offer' && m.offerId) {
      rows.push({
        type: 'offer',
        key: `s-${m.seq}`,
        mine,
        text: m.text ?? '',
        offerId: m.offerId,
        live: latestOfOffer.get(m.offerId) === m.seq,
        seq: m.seq,
      })
      continue
    }
    if (m.kind === 'listing') {
      const read = mine && m.seq === readSeq
      rows.push({
        type: 'card',
        key: `s-${m.seq}`,
        mine,
        title: m.text ?? '',
        card: m.card,
        read,
        seq: m.seq,
      })
      continue
    }
    rows.push({
      type: 'bubble',
      key: `s-${m.seq}`,
      mine,
      text: m.kind === 'image' ? '' : (m.text ?? ''),
      image: m.kind === 'image' ? { url: m.image?.url ?? null, progress: null } : null,
      warn: !mine && m.offPlatform,
      read: mine && m.seq === readSeq,
      pending: null,
      clientMsgId: m.clientMsgId,
      seq: m.seq,
    })
  }
  for (const p of [...pending].sort((a, b) => a.at - b.at)) {
    timeBefore(p.at, p.clientMsgId)
    rows.push({
      type: 'bubble',
      key: `p-${p.clientMsgId}`,
      mine: true,
      text: p.text,
      image: p.image ? { url: p.image.localPath, progress: p.image.progress } : null,
      warn: false,
      read: false,
      pending: p.state,
      clientMsgId: p.clientMsgId,
      seq: null,
    })
  }
  return rows
}

/** What 查看大图 pages through: every picture in the thread, in order, the tapped one current. */
export const threadImageUrls = (rows: ThreadRow[]): string[] =>
  rows.flatMap((r) => (r.type === 'bubble' && r.image?.url ? [r.image.url] : []))
