import fc from 'fast-check'
import type { Conversation, ListingChats } from '@shared/contracts/chat.contract'
import { addPage, emptyInbox, type Inbox, inboxRows, nextSide } from '../chat-inbox'

const LISTING_A = '01JLISTINGAAAAAAAAAAAAAAAA'
const LISTING_B = '01JLISTINGBBBBBBBBBBBBBBBB'

const conversation = (id: string, updatedAt: number, over: Partial<Conversation> = {}) =>
  ({
    id,
    role: 'buyer',
    other: { id: '01JUSER0000000000000000000', nickname: '小鹿', avatarUrl: null },
    listing: { id: LISTING_A, title: '书桌', priceFen: 100, status: 'active', thumbnailUrl: null },
    lastSeq: 1,
    lastMessage: { kind: 'text', text: '在吗', at: updatedAt },
    unread: 0,
    myReadSeq: 0,
    otherReadSeq: 0,
    blocked: false,
    blockedByMe: false,
    updatedAt,
    ...over,
  }) as Conversation

const group = (id: string, updatedAt: number, conversations: number): ListingChats => ({
  id,
  listing: conversation('x', 0).listing,
  conversations,
  unread: conversations,
  latest: conversation(`${id}:latest`, updatedAt, { role: 'seller' }),
  updatedAt,
})

/** Both lists of the first page at once, as the 消息 tab loads them. */
const firstPages = (
  buying: { items: Conversation[]; nextCursor: string | null },
  selling: { items: ListingChats[]; nextCursor: string | null },
) => addPage(addPage(emptyInbox(), 'buying', buying), 'selling', selling)

const keys = (inbox: Inbox) => inboxRows(inbox).map((r) => r.key)

describe('the 消息 chat list: purchases and listings buyers asked about, in one order', () => {
  it('interleaves both by latest activity; a listing one buyer asked about is that conversation', () => {
    const inbox = firstPages(
      { items: [conversation('buy-1', 500), conversation('buy-2', 200)], nextCursor: null },
      { items: [group(LISTING_A, 400, 3), group(LISTING_B, 300, 1)], nextCursor: null },
    )
    const rows = inboxRows(inbox)
    expect(rows.map((r) => [r.kind, r.key])).toEqual([
      ['conversation', 'buy-1'],
      ['listing', `listing:${LISTING_A}`],
      ['conversation', `${LISTING_B}:latest`],
      ['conversation', 'buy-2'],
    ])
    expect(nextSide(inbox)).toBeNull()
  })

  it('holds back rows the other list may still outrank, and asks that list for its next page', () => {
    let inbox = firstPages(
      { items: [conversation('buy-1', 900), conversation('buy-2', 600)], nextCursor: 'b2' },
      { items: [group(LISTING_A, 700, 2), group(LISTING_B, 100, 2)], nextCursor: null },
    )
    // Purchases reached 600: the listing at 100 waits, an unseen purchase may be newer.
    expect(keys(inbox)).toEqual(['buy-1', `listing:${LISTING_A}`, 'buy-2'])
    expect(nextSide(inbox)).toBe('buying')
    inbox = addPage(inbox, 'buying', {
      // buy-2 again (it moved between pages): kept once.
      items: [conversation('buy-2', 600), conversation('buy-3', 300)],
      nextCursor: null,
    })
    expect(keys(inbox)).toEqual([
      'buy-1',
      `listing:${LISTING_A}`,
      'buy-2',
      'buy-3',
      `listing:${LISTING_B}`,
    ])
    expect(nextSide(inbox)).toBeNull()
  })

  it('shows nothing before the first pages, and on equal times puts the purchase first', () => {
    expect(inboxRows(emptyInbox())).toEqual([])
    expect(nextSide(emptyInbox())).toBe('buying')
    const tie = firstPages(
      { items: [conversation('buy-1', 500)], nextCursor: 'more' },
      { items: [group(LISTING_A, 500, 2)], nextCursor: null },
    )
    expect(keys(tie)).toEqual(['buy-1'])
    expect(keys(addPage(tie, 'buying', { items: [], nextCursor: null }))).toEqual([
      'buy-1',
      `listing:${LISTING_A}`,
    ])
  })

  it('whatever the page sizes, rows only grow at the end and end as every item in time order', () => {
    const times = fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 25 })
    fc.assert(
      fc.property(
        times,
        times,
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        (buyTimes, sellTimes, buyPage, sellPage) => {
          const buying = [...buyTimes]
            .sort((x, y) => y - x)
            .map((t, i) => conversation(`buy-${i}`, t))
          const selling = [...sellTimes]
            .sort((x, y) => y - x)
            .map((t, i) => group(`L${String(i).padStart(25, '0')}`, t, 2))
          const pageOf = <T>(all: T[], from: number, size: number) => ({
            items: all.slice(from, from + size),
            nextCursor: from + size < all.length ? String(from + size) : null,
          })
          let inbox = firstPages(pageOf(buying, 0, buyPage), pageOf(selling, 0, sellPage))
          let shown = keys(inbox)
          for (let side = nextSide(inbox); side; side = nextSide(inbox)) {
            const list = inbox[side]
            const from = Number(list.cursor)
            inbox =
              side === 'buying'
                ? addPage(inbox, side, pageOf(buying, from, buyPage))
                : addPage(inbox, side, pageOf(selling, from, sellPage))
            const now = keys(inbox)
            expect(now.slice(0, shown.length)).toEqual(shown)
            shown = now
          }
          const rows = inboxRows(inbox)
          expect(rows).toHaveLength(buying.length + selling.length)
          const at = rows.map((r) => r.at)
          expect(at).toEqual([...at].sort((x, y) => y - x))
        },
      ),
      { numRuns: 300 },
    )
  })
})
