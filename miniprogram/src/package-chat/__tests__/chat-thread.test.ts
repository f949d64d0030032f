import type { ChatMessage } from '@shared/contracts/chat.contract'
import { buildThread, mergeMessages, type ThreadRow } from '../chat-thread'
import { chatTimeLabel, newClientMsgId, previewText } from '@/utils/chat-text'

// 2024-11-24 10:00 in China (02:00 UTC)
const NOW = Date.UTC(2024, 10, 24, 2, 0)
const MIN = 60_000
const ME = '01HZZZZZZZZZZZZZZZZZZZZZZA'
const HER = '01HZZZZZZZZZZZZZZZZZZZZZZB'

const msg = (seq: number, over: Partial<ChatMessage> = {}): ChatMessage => ({
  id: `c:${seq}`,
  conversationId: 'L:B',
  seq,
  senderId: seq % 2 ? ME : HER,
  kind: 'text',
  text: `第 ${seq} 条`,
  image: null,
  orderId: null,
  clientMsgId: null,
  at: NOW - 60 * MIN + seq * MIN,
  offPlatform: false,
  offerId: null,
  card: null,
  ...over,
})

const bubbles = (rows: ThreadRow[]) =>
  rows.filter((r): r is Extract<ThreadRow, { type: 'bubble' }> => r.type === 'bubble')

describe('buildThread', () => {
  it('puts a time label first and again only after more than five minutes', () => {
    const rows = buildThread({
      messages: [msg(1), msg(2, { at: msg(1).at + 5 * MIN }), msg(3, { at: msg(1).at + 11 * MIN })],
      pending: [],
      meId: ME,
      otherReadSeq: 0,
      now: NOW,
    })
    expect(rows.map((r) => r.type)).toEqual(['time', 'bubble', 'bubble', 'time', 'bubble'])
    expect(rows[0]).toMatchObject({ label: '09:01' })
  })

  it('shows a shared 宝贝 as a card row with the listing as it stands, and 已读 under it', () => {
    const card = {
      id: '01HZZZZZZZZZZZZZZZZZZZZZL1',
      title: '全新 耳机收纳盒',
      priceFen: 3_900,
      status: 'sold' as const,
      thumbnailUrl: '/files/x.png',
    }
    const rows = buildThread({
      messages: [msg(1, { kind: 'listing', text: '全新 耳机收纳盒', card }), msg(2)],
      pending: [],
      meId: ME,
      otherReadSeq: 2,
      now: NOW,
    })
    expect(rows.find((r) => r.type === 'card')).toMatchObject({
      mine: true,
      card,
      read: true,
      seq: 1,
    })
    expect(bubbles(rows).map((r) => r.seq)).toEqual([2])
  })

  it("shows offer moves as cards, live only on each offer's latest line", () => {
    const O1 = '01HZZZZZZZZZZZZZZZZZZZZZO1'
    const O2 = '01HZZZZZZZZZZZZZZZZZZZZZO2'
    const messages = [
      msg(1, { kind: 'offer', text: '出价 ¥80', offerId: O1 }),
      msg(2, { kind: 'offer', text: '还价 ¥90', offerId: O1 }),
      msg(3, {
        kind: 'system',
        senderId: null,
        text: '议价 24 小时内无人回应，已过期',
        offerId: O1,
      }),
      msg(4, { kind: 'offer', text: '出价 ¥85', offerId: O2 }),
      msg(5, { kind: 'offer', text: '还价 ¥88', offerId: O2 }),
    ]
    const rows = buildThread({ messages, pending: [], meId: ME, otherReadSeq: 0, now: NOW })
    const offers = rows.filter((r) => r.type === 'offer')
    expect(offers.map((r) => [r.seq, r.mine, r.live])).toEqual([
      [1, true, false],
      [2, false, false],
      [4, false, false],
      [5, true, true],
    ])
    // The platform's line about an offer is a note, and it ends that offer's live card.
    expect(rows.find((r) => r.type === 'note')).toMatchObject({
      text: expect.stringContaining('已过期'),
    })
  })

  it('marks 已读 under my last message the other party has read, and only there', () => {
    const messages = [msg(1), msg(2), msg(3), msg(4), msg(5)]
    const rows = bubbles(
      buildThread({ messages, pending: [], meId: ME, otherReadSeq: 4, now: NOW }),
    )
    expect(rows.filter((r) => r.read).map((r) => r.seq)).toEqual([3])
    const none = bubbles(
      buildThread({ messages, pending: [], meId: ME, otherReadSeq: 0, now: NOW }),
    )
    expect(none.some((r) => r.read)).toBe(false)
  })

  it('drops a pending bubble once its clientMsgId comes back stored', () => {
    const pending = [
      { clientMsgId: 'mAAAAAAAA1', text: '还在吗？', at: NOW, state: 'sending' as const },
      { clientMsgId: 'mAAAAAAAA2', text: '在的话回我', at: NOW + 1, state: 'failed' as const },
    ]
    const before = bubbles(
      buildThread({ messages: [msg(2)], pending, meId: ME, otherReadSeq: 0, now: NOW }),
    )
    expect(before.map((b) => [b.text, b.pending])).toEqual([
      ['第 2 条', null],
      ['还在吗？', 'sending'],
      ['在的话回我', 'failed'],
    ])
    const stored = msg(3, { text: '还在吗？', clientMsgId: 'mAAAAAAAA1' })
    const after = bubbles(
      buildThread({ messages: [msg(2), stored], pending, meId: ME, otherReadSeq: 0, now: NOW }),
    )
    expect(after.map((b) => [b.text, b.pending, b.seq])).toEqual([
      ['第 2 条', null, 2],
      ['还在吗？', null, 3],
      ['在的话回我', 'failed', null],
    ])
  })

  it('warns on a flagged message received, not on one I sent; order events are notes', () => {
    const rows = buildThread({
      messages: [
        msg(1, { offPlatform: true }),
        msg(2, { offPlatform: true }),
        msg(3, { senderId: null, kind: 'order', text: '买家已付款', orderId: 'O1' }),
      ],
      pending: [],
      meId: ME,
      otherReadSeq: 0,
      now: NOW,
    })
    expect(bubbles(rows).map((b) => [b.mine, b.warn])).toEqual([
      [true, false],
      [false, true],
    ])
    expect(rows.at(-1)).toMatchObject({ type: 'note', text: '买家已付款', orderId: 'O1' })
  })
})

describe('mergeMessages', () => {
  it('keeps each seq once, oldest first, whatever the order pages arrive in', () => {
    const merged = mergeMessages([msg(3), msg(4)], [msg(1), msg(2), msg(4), msg(5)])
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5])
  })
})

describe('chat text', () => {
  it('labels times as WeChat does in China time', () => {
    expect(chatTimeLabel(NOW - 3 * MIN, NOW)).toBe('09:57')
    expect(chatTimeLabel(NOW - 86_400_000, NOW)).toBe('昨天 10:00')
    expect(chatTimeLabel(Date.UTC(2024, 2, 5, 6, 30), NOW)).toBe('03-05 14:30')
    expect(chatTimeLabel(Date.UTC(2023, 2, 5, 6, 30), NOW)).toBe('2023-03-05 14:30')
  })

  it('previews the last message, pictures in brackets', () => {
    expect(previewText({ kind: 'text', text: '还在吗？', at: NOW })).toBe('还在吗？')
    expect(previewText({ kind: 'image', text: '', at: NOW })).toBe('[图片]')
    expect(previewText(null)).toMatch(/打个招呼/)
  })

  it('makes client message ids the contract accepts', () => {
    const id = newClientMsgId()
    expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(newClientMsgId()).not.toBe(id)
  })
})
