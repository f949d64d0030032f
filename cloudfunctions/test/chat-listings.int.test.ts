import { main as chat } from '../src/functions/chat'
import { main as listingFn } from '../src/functions/listing'
import { ChatListings } from '../src/modules/chat/domain/chat.records'
import { publishListing } from './fixtures'
import { invoke, signUp, startTestCloud, type TestCloud } from './harness'

/**
 * A seller sees conversations grouped by listing: chat.listings answers one row per own listing
 * buyers asked about (N 人咨询, the unread sum, the latest conversation), kept in step with every
 * open, message and read; chat.list with `role` gives one side (the 消息 tab's purchases).
 */
type Envelope = Awaited<ReturnType<typeof invoke>>
const data = (res: Envelope) => {
  if (!res.ok) throw new Error(`chat call failed: ${res.error.code} ${res.error.message}`)
  return res.data
}
let n = 0
const cid = () => `group-msg-${String(++n).padStart(6, '0')}`
type Row = { id: string; conversations: number; unread: number; latest: { id: string } }

describe('chat.listings: a seller’s conversations grouped by listing', () => {
  let cloud: TestCloud
  beforeEach(async () => {
    cloud = startTestCloud()
    await signUp(cloud, 'o-seller', 'o-b1', 'o-b2', 'o-b3')
  })
  afterEach(() => cloud.stop())

  const call = (openid: string, action: string, input?: unknown) =>
    invoke(chat, cloud, openid, action, input)
  const must = async (openid: string, action: string, input?: unknown) =>
    data(await call(openid, action, input))
  const open = async (openid: string, listingId: string) =>
    (await must(openid, 'open', { listingId })).id as string
  const say = (openid: string, conversationId: string, text: string) =>
    must(openid, 'send', { conversationId, clientMsgId: cid(), kind: 'text', text })
  const rows = async (openid: string, input: object = {}) =>
    (await must(openid, 'listings', input)).items as Row[]
  const tick = () => cloud.clock.advance(1000)

  /** Each row agrees with the conversations it groups: their number and their unread sum. */
  const expectRowsMatchConversations = async () => {
    for (const row of await rows('o-seller')) {
      const convs = (await must('o-seller', 'list', { listingId: row.id, role: 'seller' })).items
      expect(row.conversations).toBe(convs.length)
      expect(row.unread).toBe(convs.reduce((s: number, c: { unread: number }) => s + c.unread, 0))
      expect(row.latest.id).toBe(convs[0].id)
    }
  }

  it('answers a row per own listing with N 人咨询 and the unread sum, latest activity first', async () => {
    const a = await publishListing(cloud, 'o-seller', { title: '宝贝 A' })
    const b = await publishListing(cloud, 'o-seller', { title: '宝贝 B' })
    const a1 = await open('o-b1', a.id)
    await say('o-b1', a1, '还在吗？')
    tick()
    const a2 = await open('o-b2', a.id)
    await say('o-b2', a2, '能便宜吗')
    await say('o-b2', a2, '包邮吗')
    tick()
    const b3 = await open('o-b3', b.id)
    await say('o-b3', b3, '成色怎么样')

    const first = await rows('o-seller')
    expect(first.map((r) => r.id)).toEqual([b.id, a.id])
    expect(first[1]).toMatchObject({
      listing: { id: a.id, title: '宝贝 A', status: 'active' },
      conversations: 2,
      unread: 3,
      latest: { id: a2, role: 'seller', lastMessage: { text: '包邮吗' }, unread: 2 },
    })
    expect(first[0]).toMatchObject({ conversations: 1, unread: 1, latest: { id: b3 } })
    await expectRowsMatchConversations()

    // The seller replies in one and reads the other half way: the sum follows, A moves up.
    tick()
    await say('o-seller', a1, '在的')
    expect((await rows('o-seller')).map((r) => [r.id, r.unread])).toEqual([
      [a.id, 2],
      [b.id, 1],
    ])
    await must('o-seller', 'markRead', { conversationId: a2, seq: 1 })
    expect((await rows('o-seller', { listingId: a.id }))[0]).toMatchObject({
      unread: 1,
      latest: { id: a1 },
    })
    await expectRowsMatchConversations()
    // Reading a buyer's side moves nothing of the seller's.
    await must('o-b1', 'markRead', { conversationId: a1, seq: 99 })
    expect((await rows('o-seller', { listingId: a.id }))[0].unread).toBe(1)
    expect(await must('o-seller', 'unreadTotal', {})).toEqual({ total: 2 })
  })

  it('is only ever the caller’s own: a buyer has no rows, another seller’s listing answers none', async () => {
    const a = await publishListing(cloud, 'o-seller')
    const conv = await open('o-b1', a.id)
    await say('o-b1', conv, '你好')
    expect(await rows('o-b1')).toEqual([])
    expect(await rows('o-b1', { listingId: a.id })).toEqual([])
    expect(await rows('o-b2', { listingId: a.id })).toEqual([])
    expect((await rows('o-seller', { listingId: a.id })).map((r) => r.id)).toEqual([a.id])
    // Identity is the session's: a sellerId in the input is refused, not used.
    expect(await call('o-b1', 'listings', { sellerId: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.VALIDATION' },
    })
  })

  it('lists one side with role: the buyer’s purchases leave the seller’s sales out', async () => {
    const mine = await publishListing(cloud, 'o-b1', { title: '我卖的' })
    const theirs = await publishListing(cloud, 'o-seller', { title: '我想买的' })
    const selling = await open('o-b2', mine.id)
    tick()
    const buying = await open('o-b1', theirs.id)
    const ids = async (input: object) =>
      (await must('o-b1', 'list', input)).items.map((c: { id: string }) => c.id)
    expect(await ids({})).toEqual([buying, selling])
    expect(await ids({ role: 'buyer' })).toEqual([buying])
    expect(await ids({ role: 'seller' })).toEqual([selling])
    expect(await ids({ role: 'seller', listingId: theirs.id })).toEqual([])
    expect(await ids({ role: 'seller', listingId: mine.id })).toEqual([selling])
  })

  it('counts each buyer once however the opens race, and keeps a taken-down listing’s row', async () => {
    const a = await publishListing(cloud, 'o-seller')
    await Promise.all([
      open('o-b1', a.id),
      open('o-b1', a.id),
      open('o-b2', a.id),
      open('o-b3', a.id),
    ])
    expect((await rows('o-seller'))[0].conversations).toBe(3)
    await expectRowsMatchConversations()

    // Taken down, the listing keeps its row, as its conversations stay in list.
    const takenDown = await invoke(listingFn, cloud, 'o-seller', 'takeDown', { id: a.id })
    expect(takenDown.ok).toBe(true)
    expect((await rows('o-seller'))[0]).toMatchObject({ listing: { status: 'removed' } })
    expect(await cloud.container.store.count(ChatListings, {})).toBe(1)
  })
})
