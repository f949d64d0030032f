import { main as chatMain } from '../src/functions/chat'
import { main as offerMain } from '../src/functions/offer'
import { orderHousekeeping } from '../src/modules/housekeeping'
import { OutboxJobs } from '../src/modules/outbox/domain/outbox-job.record'
import { startEscrowCloud, type EscrowCloud } from './escrow-harness'

const HOUR = 3_600_000
const DAY = 24 * HOUR

type Envelope =
  { ok: true; data: any } | { ok: false; error: { code: string; message: string; details?: any } }

describe('offers in the chat: each move is a line of the conversation, in order', () => {
  let cloud: EscrowCloud
  let sellerId: string
  let buyerId: string
  beforeEach(async () => {
    cloud = await startEscrowCloud()
    sellerId = await cloud.signUp('o-seller')
    buyerId = await cloud.signUp('o-buyer')
    await cloud.signUp('o-buyer2')
    await cloud.onboard(sellerId)
  })
  afterEach(() => cloud.stop())

  const call = async (fn: typeof chatMain, openid: string, action: string, input: unknown) => {
    const res = (await fn({ action, input }, cloud.contextFor(openid))) as Envelope
    if (!res.ok) throw new Error(`${action} failed: ${res.error.code} ${res.error.message}`)
    return res.data
  }
  const offer = (openid: string, action: string, input: unknown) =>
    call(offerMain, openid, action, input)
  const chat = (openid: string, action: string, input: unknown) =>
    call(chatMain, openid, action, input)
  const listing = () => cloud.publish('o-seller', { priceFen: 10_000 })
  /** The conversation's lines oldest first, as `openid` reads them. */
  const lines = async (openid: string, conversationId: string) =>
    ((await chat(openid, 'history', { conversationId })).items as any[])
      .reverse()
      .map((m) => ({ kind: m.kind, text: m.text, senderId: m.senderId, offerId: m.offerId }))
  const unread = async (openid: string, conversationId: string) =>
    (await chat(openid, 'get', { conversationId })).unread
  const chatJobs = () => cloud.container.store.count(OutboxJobs, { kind: 'chat-message' } as never)

  it("出价, 还价, 接受 are posted in the parties' names, unread for the other and in seq order", async () => {
    const l = await listing()
    const conv = `${l.id}:${buyerId}`
    // The first word may be an offer: making it opens the conversation.
    const made = await offer('o-buyer', 'make', { listingId: l.id, priceFen: 8_000 })
    expect(await lines('o-seller', conv)).toEqual([
      { kind: 'offer', text: '出价 ¥80', senderId: buyerId, offerId: made.id },
    ])
    expect(await unread('o-seller', conv)).toBe(1)
    expect(await unread('o-buyer', conv)).toBe(0)
    // The seller is away: the 新消息 subscribe message is queued for them.
    expect(await chatJobs()).toBe(1)

    await offer('o-seller', 'counter', { offerId: made.id, priceFen: 9_050 })
    expect(await unread('o-buyer', conv)).toBe(1)
    await offer('o-buyer', 'accept', { offerId: made.id })
    expect(await lines('o-buyer', conv)).toEqual([
      { kind: 'offer', text: '出价 ¥80', senderId: buyerId, offerId: made.id },
      { kind: 'offer', text: '还价 ¥90.50', senderId: sellerId, offerId: made.id },
      { kind: 'offer', text: '接受了 ¥90.50', senderId: buyerId, offerId: made.id },
    ])
    // A party's own move counts as read by them (the seller's counter read the ¥80 too).
    expect(await unread('o-buyer', conv)).toBe(0)
    expect(await unread('o-seller', conv)).toBe(1)
    const last = (await chat('o-seller', 'get', { conversationId: conv })).lastMessage
    expect(last).toMatchObject({ kind: 'offer', text: expect.stringContaining('接受了') })
  })

  it("the floor answers in the platform's voice, never shows the floor, and bothers nobody", async () => {
    const l = await listing()
    const conv = `${l.id}:${buyerId}`
    await offer('o-seller', 'setFloor', { listingId: l.id, floorFen: 7_123 })
    const low = await offer('o-buyer', 'make', { listingId: l.id, priceFen: 7_000 })
    const said = await lines('o-buyer', conv)
    expect(said).toEqual([
      { kind: 'offer', text: '出价 ¥70', senderId: buyerId, offerId: low.id },
      {
        kind: 'system',
        text: '¥70 低于卖家可接受的价格，已自动拒绝，换个价格试试吧',
        senderId: null,
        offerId: low.id,
      },
    ])
    expect(JSON.stringify(said)).not.toMatch(/71\.23|7123/)
    expect(await unread('o-seller', conv)).toBe(0)
    expect(await chatJobs()).toBe(0)
  })

  it('a withdrawal and an expiry are lines too; the expiry is news to the one who proposed', async () => {
    const l = await listing()
    const conv = `${l.id}:${buyerId}`
    const first = await offer('o-buyer', 'make', { listingId: l.id, priceFen: 8_000 })
    await offer('o-buyer', 'withdraw', { offerId: first.id })
    const second = await offer('o-buyer', 'make', { listingId: l.id, priceFen: 8_500 })
    await offer('o-seller', 'counter', { offerId: second.id, priceFen: 9_500 })
    await chat('o-buyer', 'markRead', { conversationId: conv, seq: 4 })
    await chat('o-seller', 'markRead', { conversationId: conv, seq: 4 })
    await cloud.advance(DAY)
    expect((await orderHousekeeping(cloud.container)).offers).toBe(1)
    expect((await lines('o-buyer', conv)).map((m) => [m.text, m.offerId])).toEqual([
      ['出价 ¥80', first.id],
      ['撤回了出价', first.id],
      ['出价 ¥85', second.id],
      ['还价 ¥95', second.id],
      ['议价 24 小时内无人回应，已过期', second.id],
    ])
    // The seller proposed ¥95 and heard nothing back: the expiry is their news.
    expect(await unread('o-seller', conv)).toBe(1)
    expect(await unread('o-buyer', conv)).toBe(0)
  })

  it("a seller reads one buyer's offers for that conversation; a buyer only ever their own", async () => {
    const l = await listing()
    const mine = await offer('o-buyer', 'make', { listingId: l.id, priceFen: 8_000 })
    const theirs = await offer('o-buyer2', 'make', { listingId: l.id, priceFen: 8_800 })
    const ids = (page: any) => page.items.map((o: any) => o.id)
    expect(ids(await offer('o-seller', 'forListing', { listingId: l.id }))).toEqual([
      theirs.id,
      mine.id,
    ])
    expect(
      ids(await offer('o-seller', 'forListing', { listingId: l.id, buyerId, limit: 1 })),
    ).toEqual([mine.id])
    const buyer2Id = theirs.buyer.id
    expect(
      ids(await offer('o-buyer', 'forListing', { listingId: l.id, buyerId: buyer2Id })),
    ).toEqual([mine.id])
  })
})
