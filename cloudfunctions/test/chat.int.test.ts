import { aUser } from '../local/mothers/user.mother'
import { SANDBOX_TEMPLATES } from '../local/sandboxes/wechat-api/templates'
import { main as chat } from '../src/functions/chat'
import { main as listingFn } from '../src/functions/listing'
import { Conversations } from '../src/modules/chat/domain/chat.records'
import { orderHousekeeping } from '../src/modules/housekeeping'
import { OutboxJobs } from '../src/modules/outbox/domain/outbox-job.record'
import { startEscrowCloud, type EscrowCloud } from './escrow-harness'
import { publishListing } from './fixtures'
import { invoke, signUp, startTestCloud, type TestCloud } from './harness'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

type Envelope = Awaited<ReturnType<typeof invoke>>
const data = (res: Envelope) => {
  if (!res.ok) throw new Error(`chat call failed: ${res.error.code} ${res.error.message}`)
  return res.data
}
let n = 0
/** A fresh client message id, as the app makes one per bubble. */
const cid = () => `client-msg-${String(++n).padStart(6, '0')}`

describe('chat: conversations, messages, unread counts', () => {
  let cloud: TestCloud
  let sellerId: string
  let buyerId: string
  beforeEach(async () => {
    cloud = startTestCloud()
    ;[sellerId, buyerId] = await signUp(cloud, 'o-seller', 'o-buyer', 'o-other')
    await aUser(cloud.container, 'o-operator', { roles: ['user', 'moderator'] })
  })
  afterEach(() => cloud.stop())

  const call = (openid: string | null, action: string, input?: unknown) =>
    invoke(chat, cloud, openid, action, input)
  const must = async (openid: string, action: string, input?: unknown) =>
    data(await call(openid, action, input))
  const say = (openid: string, conversationId: string, text: string, clientMsgId = cid()) =>
    must(openid, 'send', { conversationId, clientMsgId, kind: 'text', text })
  const total = async (openid: string) => (await must(openid, 'unreadTotal', {})).total

  it('opens one conversation per listing and buyer, never with oneself or on a hidden listing', async () => {
    const listing = await publishListing(cloud, 'o-seller', { title: '九成新 索尼耳机' })
    const opened = await must('o-buyer', 'open', { listingId: listing.id })
    expect(opened).toMatchObject({
      id: `${listing.id}:${buyerId}`,
      role: 'buyer',
      other: { id: sellerId },
      listing: {
        id: listing.id,
        title: '九成新 索尼耳机',
        priceFen: listing.priceFen,
        status: 'active',
      },
      lastSeq: 0,
      lastMessage: null,
      unread: 0,
      blocked: false,
    })
    expect(opened.listing.thumbnailUrl).toEqual(expect.any(String))
    expect((await must('o-buyer', 'open', { listingId: listing.id })).id).toBe(opened.id)

    expect(await call('o-seller', 'open', { listingId: listing.id })).toMatchObject({
      ok: false,
      error: { code: 'CHAT.CANNOT_CHAT_SELF' },
    })
    const draft = await publishListing(cloud, 'o-seller', { publish: false })
    expect(await call('o-buyer', 'open', { listingId: draft.id })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.NOT_FOUND' },
    })
    expect(await call(null, 'open', { listingId: listing.id })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.UNAUTHENTICATED' },
    })
    // Identity comes from the session: a buyerId in the input is refused, not used.
    expect(await call('o-other', 'open', { listingId: listing.id, buyerId })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.VALIDATION' },
    })
  })

  it('lets a buyer start at most 20 conversations an hour; reopening one is free', async () => {
    const ids: string[] = []
    for (let i = 0; i < 21; i++)
      ids.push((await publishListing(cloud, 'o-seller', { title: `闲置 ${i + 1} 号` })).id)
    for (const listingId of ids.slice(0, 20)) await must('o-buyer', 'open', { listingId })
    const refused = await call('o-buyer', 'open', { listingId: ids[20] })
    expect(refused).toMatchObject({ ok: false, error: { code: 'COMMON.RATE_LIMITED' } })
    await must('o-buyer', 'open', { listingId: ids[0] })
    cloud.clock.advance(2 * HOUR)
    await must('o-buyer', 'open', { listingId: ids[20] })
  })

  it('numbers messages, counts unread per party and in total, pages history and fills gaps', async () => {
    const a = await publishListing(cloud, 'o-seller', { title: '宝贝 A' })
    const b = await publishListing(cloud, 'o-seller', { title: '宝贝 B' })
    const convA = (await must('o-buyer', 'open', { listingId: a.id })).id
    const first = await say('o-buyer', convA, '还在吗？')
    expect(first).toMatchObject({ seq: 1, senderId: buyerId, kind: 'text', text: '还在吗？' })
    expect(first.clientMsgId).toMatch(/^client-msg-/)
    cloud.clock.advance(1000)
    await say('o-buyer', convA, '能便宜点吗？')
    expect(await total('o-seller')).toBe(2)
    expect(await total('o-buyer')).toBe(0)

    cloud.clock.advance(1000)
    const reply = await say('o-seller', convA, '还在，最低 180')
    expect(reply.seq).toBe(3)
    // Replying reads what came before: the seller's badge is cleared, the buyer's counts one.
    expect(await total('o-seller')).toBe(0)
    expect(await total('o-buyer')).toBe(1)

    cloud.clock.advance(1000)
    const convB = (await must('o-other', 'open', { listingId: b.id })).id
    await say('o-other', convB, '包邮吗？')
    const list = await must('o-seller', 'list', {})
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([convB, convA])
    expect(list.items[0]).toMatchObject({
      role: 'seller',
      other: { nickname: expect.any(String) },
      listing: { title: '宝贝 B' },
      lastMessage: { kind: 'text', text: '包邮吗？' },
      unread: 1,
    })
    expect(list.items[1]).toMatchObject({ unread: 0, myReadSeq: 3, otherReadSeq: 2, lastSeq: 3 })
    const grouped = await must('o-seller', 'list', { listingId: a.id })
    expect(grouped.items.map((c: { id: string }) => c.id)).toEqual([convA])
    expect((await must('o-buyer', 'list', {})).items.map((c: { id: string }) => c.id)).toEqual([
      convA,
    ])

    await say('o-seller', convA, '可以小刀')
    await say('o-seller', convA, '今天能发')
    // History pages backwards, newest first, and ends at seq 1.
    const page1 = await must('o-buyer', 'history', { conversationId: convA, limit: 2 })
    expect(page1.items.map((m: { seq: number }) => m.seq)).toEqual([5, 4])
    expect(page1).toMatchObject({ nextBeforeSeq: 4, lastSeq: 5 })
    const page2 = await must('o-buyer', 'history', {
      conversationId: convA,
      beforeSeq: 4,
      limit: 2,
    })
    expect(page2.items.map((m: { seq: number }) => m.seq)).toEqual([3, 2])
    const page3 = await must('o-buyer', 'history', {
      conversationId: convA,
      beforeSeq: 2,
      limit: 2,
    })
    expect(page3.items.map((m: { seq: number }) => m.seq)).toEqual([1])
    expect(page3.nextBeforeSeq).toBeNull()
    // The sender's client id is the sender's: the other party is not shown it.
    expect(page3.items[0].clientMsgId).toBe(first.clientMsgId)
    const theirs = await must('o-seller', 'history', { conversationId: convA, beforeSeq: 2 })
    expect(theirs.items[0]).toMatchObject({ seq: 1, clientMsgId: null })

    const gap = await must('o-buyer', 'since', { conversationId: convA, afterSeq: 2 })
    expect(gap.items.map((m: { seq: number }) => m.seq)).toEqual([3, 4, 5])
    expect(gap).toMatchObject({ hasMore: false, lastSeq: 5 })
    const partial = await must('o-buyer', 'since', { conversationId: convA, afterSeq: 0, limit: 2 })
    expect(partial.items.map((m: { seq: number }) => m.seq)).toEqual([1, 2])
    expect(partial.hasMore).toBe(true)

    // The buyer reads up to 4: one unread is left; the seller sees 已读 up to 4.
    expect(await total('o-buyer')).toBe(3)
    expect(await must('o-buyer', 'markRead', { conversationId: convA, seq: 4 })).toEqual({
      readSeq: 4,
      unread: 1,
      unreadTotal: 1,
    })
    expect((await must('o-seller', 'get', { conversationId: convA })).otherReadSeq).toBe(4)
    expect(await must('o-buyer', 'markRead', { conversationId: convA, seq: 99 })).toEqual({
      readSeq: 5,
      unread: 0,
      unreadTotal: 0,
    })
    // Reading is never undone by an older seq.
    expect(await must('o-buyer', 'markRead', { conversationId: convA, seq: 1 })).toEqual({
      readSeq: 5,
      unread: 0,
      unreadTotal: 0,
    })
    expect(
      (await must('o-seller', 'since', { conversationId: convA, afterSeq: 5 })).otherReadSeq,
    ).toBe(5)
    expect(await total('o-seller')).toBe(1)
  })

  it('stores a retried send once and answers the same message', async () => {
    const l = await publishListing(cloud, 'o-seller')
    const conv = (await must('o-buyer', 'open', { listingId: l.id })).id
    const id = cid()
    const [x, y] = await Promise.all([
      say('o-buyer', conv, '在吗', id),
      say('o-buyer', conv, '在吗', id),
    ])
    const z = await say('o-buyer', conv, '在吗（重发）', id)
    expect(y).toEqual(x)
    expect(z).toEqual(x)
    const all = await must('o-seller', 'since', { conversationId: conv, afterSeq: 0 })
    expect(all.items.map((m: { text: string }) => m.text)).toEqual(['在吗'])
    expect(await total('o-seller')).toBe(1)
    // The same client id from the other party is another message.
    expect((await say('o-seller', conv, '在的', id)).seq).toBe(2)
  })

  it('gives 20 concurrent sends the seqs 1..20, no gap, no duplicate; the 31st send in a minute is refused', async () => {
    const l = await publishListing(cloud, 'o-seller')
    const conv = (await must('o-buyer', 'open', { listingId: l.id })).id
    const sent = await Promise.all(
      Array.from({ length: 20 }, (_, i) => say('o-buyer', conv, `第 ${i + 1} 条`)),
    )
    expect(sent.map((m) => m.seq).sort((p, q) => p - q)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    )
    const stored = await must('o-seller', 'since', { conversationId: conv, afterSeq: 0 })
    expect(stored.items.map((m: { seq: number }) => m.seq)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    )
    expect(new Set(stored.items.map((m: { text: string }) => m.text)).size).toBe(20)
    expect(await total('o-seller')).toBe(20)

    for (let i = 0; i < 10; i++) await say('o-buyer', conv, `再来 ${i}`)
    const limited = await call('o-buyer', 'send', {
      conversationId: conv,
      clientMsgId: cid(),
      kind: 'text',
      text: '太多了',
    })
    expect(limited).toMatchObject({ ok: false, error: { code: 'COMMON.RATE_LIMITED' } })
    expect(
      ((await must('o-seller', 'get', { conversationId: conv })) as { lastSeq: number }).lastSeq,
    ).toBe(30)
  })

  it('refuses text over 500 characters and blank text', async () => {
    const l = await publishListing(cloud, 'o-seller')
    const conv = (await must('o-buyer', 'open', { listingId: l.id })).id
    for (const text of ['好'.repeat(501), '   '])
      expect(
        await call('o-buyer', 'send', {
          conversationId: conv,
          clientMsgId: cid(),
          kind: 'text',
          text,
        }),
      ).toMatchObject({ ok: false, error: { code: 'COMMON.VALIDATION' } })
    expect((await say('o-buyer', conv, '好'.repeat(500))).seq).toBe(1)
  })

  it('lets only the parties read and post; an operator reads for a report but cannot post', async () => {
    const l = await publishListing(cloud, 'o-seller')
    const conv = (await must('o-buyer', 'open', { listingId: l.id })).id
    await say('o-buyer', conv, '私聊内容')
    const send = { conversationId: conv, clientMsgId: cid(), kind: 'text', text: '插一句' }
    const reads = [
      ['get', { conversationId: conv }],
      ['history', { conversationId: conv }],
      ['since', { conversationId: conv, afterSeq: 0 }],
    ] as const
    const writes = [
      ['send', send],
      ['markRead', { conversationId: conv, seq: 1 }],
      ['block', { conversationId: conv }],
      ['unblock', { conversationId: conv }],
    ] as const
    for (const [action, input] of [...reads, ...writes])
      expect({ action, res: await call('o-other', action, input) }).toMatchObject({
        action,
        res: { ok: false, error: { code: 'COMMON.NOT_FOUND' } },
      })
    for (const [action, input] of reads)
      expect({ action, ok: (await call('o-operator', action, input)).ok }).toEqual({
        action,
        ok: true,
      })
    const history = await must('o-operator', 'history', { conversationId: conv })
    expect(history.items.map((m: { text: string }) => m.text)).toEqual(['私聊内容'])
    for (const [action, input] of writes)
      expect({ action, res: await call('o-operator', action, input) }).toMatchObject({
        action,
        res: { ok: false, error: { code: 'COMMON.FORBIDDEN' } },
      })
    expect(
      (await must('o-seller', 'since', { conversationId: conv, afterSeq: 0 })).items,
    ).toHaveLength(1)
    expect((await must('o-operator', 'list', {})).items).toEqual([])
  })

  it('a block stops new messages both ways in every shared conversation, and keeps the history', async () => {
    const l = await publishListing(cloud, 'o-seller')
    const other = await publishListing(cloud, 'o-seller')
    const conv = (await must('o-buyer', 'open', { listingId: l.id })).id
    const conv2 = (await must('o-buyer', 'open', { listingId: other.id })).id
    await say('o-buyer', conv, '加我微信吧')
    expect(await must('o-seller', 'block', { conversationId: conv })).toEqual({ blocked: true })
    expect(await must('o-seller', 'block', { conversationId: conv })).toEqual({ blocked: true })
    for (const [openid, c] of [
      ['o-buyer', conv],
      ['o-seller', conv],
      ['o-buyer', conv2],
    ] as const)
      expect(
        await call(openid, 'send', {
          conversationId: c,
          clientMsgId: cid(),
          kind: 'text',
          text: '喂',
        }),
      ).toMatchObject({ ok: false, error: { code: 'CHAT.BLOCKED' } })
    expect(await must('o-seller', 'get', { conversationId: conv })).toMatchObject({
      blocked: true,
      blockedByMe: true,
    })
    expect(await must('o-buyer', 'get', { conversationId: conv })).toMatchObject({
      blocked: true,
      blockedByMe: false,
    })
    expect((await must('o-buyer', 'history', { conversationId: conv })).items).toHaveLength(1)
    // Only the blocker can lift it.
    await must('o-buyer', 'unblock', { conversationId: conv })
    expect(
      (
        await call('o-buyer', 'send', {
          conversationId: conv,
          clientMsgId: cid(),
          kind: 'text',
          text: '喂',
        })
      ).ok,
    ).toBe(false)
    expect(await must('o-seller', 'unblock', { conversationId: conv })).toEqual({ blocked: false })
    expect((await say('o-buyer', conv, '好的')).seq).toBe(2)
  })

  it('warns the recipient of off-platform lures, slows a sender who keeps at it, then mutes them in that chat', async () => {
    const listing = await publishListing(cloud, 'o-seller', { title: '九成新 索尼耳机' })
    const { id } = await must('o-buyer', 'open', { listingId: listing.id })
    const plain = await say('o-seller', id, '还在的，9成新，可以面交')
    expect(plain.offPlatform).toBe(false)
    const lure = await say('o-seller', id, '加我微信 wx_abc123 私聊，便宜点')
    expect(lure.offPlatform).toBe(true)
    // The recipient reads the flag on the message (the app shows the banner); the text stays as sent.
    const seen = (await must('o-buyer', 'history', { conversationId: id })).items
    expect(seen.find((m: { seq: number }) => m.seq === lure.seq)).toMatchObject({
      offPlatform: true,
      text: '加我微信 wx_abc123 私聊，便宜点',
    })
    // A retried send of the flagged message is one message and one strike.
    await say('o-seller', id, '加我微信 wx_abc123 私聊，便宜点', lure.clientMsgId!)
    await say('o-seller', id, '电话 138 0013 8000')
    // Third strike: from now on one message in 30 seconds in this conversation.
    await say('o-seller', id, '私下转账给你打个折')
    await say('o-seller', id, '考虑一下')
    const tooFast = await call('o-seller', 'send', {
      conversationId: id,
      clientMsgId: cid(),
      kind: 'text',
      text: '好的',
    })
    expect(tooFast).toMatchObject({ ok: false, error: { code: 'COMMON.RATE_LIMITED' } })
    cloud.clock.advance(31_000)
    await say('o-seller', id, '先付定金吧')
    cloud.clock.advance(31_000)
    await say('o-seller', id, 'QQ 12345678')
    // Fifth strike: muted here, with when it lifts; the buyer may still write, and the seller's other chats are untouched.
    cloud.clock.advance(31_000)
    const muted = await call('o-seller', 'send', {
      conversationId: id,
      clientMsgId: cid(),
      kind: 'text',
      text: '在吗',
    })
    expect(muted).toMatchObject({ ok: false, error: { code: 'CHAT.MUTED' } })
    expect(muted.ok || muted.error.details?.retryAfterMs).toBeGreaterThan(0)
    expect((await say('o-buyer', id, '我在平台上买吧')).offPlatform).toBe(false)
    const other = await must('o-other', 'open', { listingId: listing.id })
    expect((await say('o-seller', other.id, '你好，还在的')).offPlatform).toBe(false)
  })

  it("sends the sender's own chat-image uploads only", async () => {
    const l = await publishListing(cloud, 'o-seller')
    const conv = (await must('o-buyer', 'open', { listingId: l.id })).id
    const mine = await cloud.uploadPhoto('o-buyer', 'chat-images')
    const image = { conversationId: conv, kind: 'image' }
    const sent = await must('o-buyer', 'send', { ...image, clientMsgId: cid(), fileId: mine })
    expect(sent).toMatchObject({ seq: 1, kind: 'image', text: null, image: { fileId: mine } })
    expect(sent.image.url).toEqual(expect.any(String))
    const sellers = await cloud.uploadPhoto('o-seller', 'chat-images')
    const listingPhoto = await cloud.uploadPhoto('o-buyer', 'listing-photos')
    for (const fileId of [sellers, listingPhoto])
      expect(await call('o-buyer', 'send', { ...image, clientMsgId: cid(), fileId })).toMatchObject(
        { ok: false, error: { code: 'FILE.NOT_OWNED' } },
      )
    const list = await must('o-seller', 'list', {})
    expect(list.items[0].lastMessage).toMatchObject({ kind: 'image', text: '[图片]' })
    expect(list.items[0].lastSeq).toBe(1)
  })

  it('shares a 宝贝 card of the sender’s own listing on sale, shown as the listing stands now', async () => {
    const asked = await publishListing(cloud, 'o-seller', { title: '九成新 索尼耳机' })
    const another = await publishListing(cloud, 'o-seller', { title: '全新 耳机收纳盒' })
    const conv = (await must('o-buyer', 'open', { listingId: asked.id })).id
    const card = { conversationId: conv, kind: 'listing' }
    const sent = await must('o-seller', 'send', {
      ...card,
      clientMsgId: cid(),
      listingId: another.id,
    })
    expect(sent).toMatchObject({
      seq: 1,
      kind: 'listing',
      text: '全新 耳机收纳盒',
      card: {
        id: another.id,
        title: '全新 耳机收纳盒',
        priceFen: another.priceFen,
        status: 'active',
      },
    })
    expect(sent.card.thumbnailUrl).toEqual(expect.any(String))
    expect((await must('o-buyer', 'list', {})).items[0].lastMessage).toMatchObject({
      kind: 'listing',
      text: '[宝贝] 全新 耳机收纳盒',
    })

    // Only one's own listing, and only while it is on sale.
    const theirs = await publishListing(cloud, 'o-other', { title: '别人的宝贝' })
    const draft = await publishListing(cloud, 'o-seller', { publish: false })
    for (const [who, listingId] of [
      ['o-buyer', another.id],
      ['o-seller', theirs.id],
      ['o-seller', draft.id],
    ] as const)
      expect(await call(who, 'send', { ...card, clientMsgId: cid(), listingId })).toMatchObject({
        ok: false,
        error: { code: 'CHAT.LISTING_UNAVAILABLE' },
      })

    // Taken down since: the card says so instead of offering it.
    expect((await invoke(listingFn, cloud, 'o-seller', 'takeDown', { id: another.id })).ok).toBe(
      true,
    )
    const [shown] = (await must('o-buyer', 'history', { conversationId: conv })).items
    expect(shown.card).toMatchObject({ id: another.id, status: 'removed' })
  })
})

describe('chat: order events and new-message subscribe messages', () => {
  let cloud: EscrowCloud
  beforeEach(async () => {
    cloud = await startEscrowCloud({ delivery: true })
    await cloud.onboard(await cloud.signUp('o-seller-1'))
    await cloud.signUp('o-buyer-1')
    await cloud.signUp('o-buyer-2')
  })
  afterEach(() => cloud.stop())

  const call = async (openid: string, action: string, input?: unknown) =>
    (await chat({ action, input }, cloud.contextFor(openid))) as Envelope
  const must = async (openid: string, action: string, input?: unknown) =>
    data(await call(openid, action, input))

  it('posts the order’s steps into the chat of its listing and buyer, and nowhere without a chat', async () => {
    const listing = await cloud.publish('o-seller-1', { priceFen: 20_000 })
    const conv = (await must('o-buyer-1', 'open', { listingId: listing.id })).id
    await must('o-buyer-1', 'send', {
      conversationId: conv,
      clientMsgId: cid(),
      kind: 'text',
      text: '我拍了',
    })
    const order = await cloud.mustOrder('o-buyer-1', 'checkout', {
      listingId: listing.id,
      fulfilment: 'courier',
      addressId: await cloud.addressIdOf('o-buyer-1'),
    })
    await cloud.buyerPays(order.id)
    await cloud.mustOrder('o-seller-1', 'ship', { orderId: order.id, waybillNo: 'SF1234567890123' })
    const all = await must('o-seller-1', 'since', { conversationId: conv, afterSeq: 0 })
    expect(
      all.items.map(
        (m: {
          seq: number
          kind: string
          text: string
          senderId: string | null
          orderId: string | null
        }) => [m.seq, m.kind, m.text, m.senderId, m.orderId],
      ),
    ).toEqual([
      [1, 'text', '我拍了', expect.any(String), null],
      [2, 'order', '买家已付款，钱款由平台担保', null, order.id],
      [3, 'order', '卖家已发货', null, order.id],
    ])
    // 付款 is news to the seller, 发货 to the buyer.
    const seller = await must('o-seller-1', 'get', { conversationId: conv })
    const buyer = await must('o-buyer-1', 'get', { conversationId: conv })
    expect([seller.unread, buyer.unread]).toEqual([2, 1])

    const elsewhere = await cloud.publish('o-seller-1', { priceFen: 10_000 })
    const o2 = await cloud.mustOrder('o-buyer-2', 'checkout', {
      listingId: elsewhere.id,
      fulfilment: 'courier',
      addressId: await cloud.addressIdOf('o-buyer-2'),
    })
    await cloud.buyerPays(o2.id)
    expect(await cloud.container.store.count(Conversations, {})).toBe(1)
  })

  it('sends at most one 新消息 subscribe message per conversation and recipient an hour, none to someone reading', async () => {
    // Start on an hour's boundary, so the test's hour is one bucket.
    await cloud.advance(HOUR - (cloud.clock.now() % HOUR))
    cloud.wechatApi!.engine.subscribe('o-buyer-1', Array(5).fill(SANDBOX_TEMPLATES.chatMessage.id))
    const listing = await cloud.publish('o-seller-1')
    const conv = (await must('o-buyer-1', 'open', { listingId: listing.id })).id
    const send = (openid: string, text: string) =>
      must(openid, 'send', { conversationId: conv, clientMsgId: cid(), kind: 'text', text })
    const chatJobs = () =>
      cloud.container.store.count(OutboxJobs, { kind: 'chat-message' } as never)
    const inbox = () =>
      cloud.wechatApi!.engine.inboxOf('o-buyer-1').filter((m) => m.title === '新消息提醒')

    // The buyer opened the chat a moment ago: they are reading, nothing is queued.
    await send('o-seller-1', '在的')
    expect(await chatJobs()).toBe(0)

    await cloud.advance(5 * MINUTE)
    await send('o-seller-1', '还要吗？')
    await send('o-seller-1', '可以小刀')
    expect(await chatJobs()).toBe(1)
    await cloud.advance(2 * MINUTE)
    await orderHousekeeping(cloud.container)
    expect(inbox()).toHaveLength(1)
    expect(inbox()[0]!.page).toContain(conv)
    expect(JSON.stringify(inbox()[0])).toContain('可以小刀')

    await cloud.advance(10 * MINUTE)
    await send('o-seller-1', '人呢？')
    await cloud.advance(2 * MINUTE)
    await orderHousekeeping(cloud.container)
    expect(inbox()).toHaveLength(1)

    // Next hour: another may go, but not if the buyer has read it meanwhile.
    await cloud.advance(HOUR)
    await send('o-seller-1', '明天就下架了')
    await must('o-buyer-1', 'markRead', { conversationId: conv, seq: 99 })
    await cloud.advance(2 * MINUTE)
    await orderHousekeeping(cloud.container)
    expect(inbox()).toHaveLength(1)
    expect(await chatJobs()).toBe(2)
  })
})
