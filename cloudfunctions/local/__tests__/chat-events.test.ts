import { MAX_CHAT_STREAMS_PER_USER } from '../chat-events-route'
import { openConversation } from '../../src/modules/chat/application/conversations.use-case'
import { sendMessage } from '../../src/modules/chat/application/send-message.use-case'
import { Listings } from '../../src/modules/listing/domain/listing.record'
import type { UserRecord } from '../../src/modules/user/domain/user.record'
import { signLocalSession } from '../../src/platform/caller-identity'
import { aListingRecord } from '../mothers/listing.mother'
import { aUser } from '../mothers/user.mother'
import { startBareCloud } from './local-cloud.fixture'

interface StreamEvent {
  id?: string
  event: string
  data: string
}

/**
 * A client of GET /events/chat as the H5 app's fetch-based reader is: it parses the SSE stream
 * into events and can hang up at any moment.
 */
const openStream = async (url: string, token: string | null, lastEventId?: number) => {
  const abort = new AbortController()
  const res = await fetch(url, {
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(lastEventId !== undefined ? { 'Last-Event-ID': String(lastEventId) } : {}),
    },
    signal: abort.signal,
  })
  const events: StreamEvent[] = []
  const waiters: (() => void)[] = []
  if (res.ok && res.body) {
    const reader = res.body.getReader()
    const decoder = new TextDecoder()
    let buffer = ''
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read()
          if (done) break
          buffer += decoder.decode(value, { stream: true })
          let end: number
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            const fields = Object.fromEntries(
              block
                .split('\n')
                .filter((l) => l && !l.startsWith(':'))
                .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trimStart()]),
            )
            if (fields.event) events.push(fields as unknown as StreamEvent)
            waiters.splice(0).forEach((w) => w())
          }
        }
      } catch {
        // aborted
      }
    })()
  }
  const messages = () =>
    events.filter((e) => e.event === 'message').map((e) => JSON.parse(e.data) as { seq: number })
  /** Waits for the stream to have delivered `n` messages (no fixed sleeps). */
  const waitForMessages = (n: number) =>
    new Promise<void>((resolve) => {
      const check = () => (messages().length >= n ? resolve() : waiters.push(check))
      check()
    })
  return { res, events, messages, waitForMessages, close: () => abort.abort() }
}

describe('chat events: the H5 realtime stream (Server-Sent Events)', () => {
  let cloud: Awaited<ReturnType<typeof startBareCloud>>
  let seller: UserRecord
  let buyer: UserRecord
  let conversationId: string
  let n = 0
  const token = (openid: string) =>
    signLocalSession({ openid, exp: Date.now() + 3_600_000 }, cloud.sessionSecret)
  let listingId: string
  const streamUrl = (afterSeq?: number, of = conversationId) =>
    `${cloud.url}/events/chat?conversationId=${encodeURIComponent(of)}` +
    (afterSeq !== undefined ? `&afterSeq=${afterSeq}` : '')
  const say = (user: UserRecord, text: string) =>
    sendMessage(cloud.container, user, {
      conversationId,
      clientMsgId: `stream-test-${String(++n).padStart(4, '0')}`,
      kind: 'text',
      text,
    })

  beforeAll(async () => {
    cloud = await startBareCloud('chat-events', [])
    seller = await aUser(cloud.container, 'o-demo-01')
    buyer = await aUser(cloud.container, 'o-demo-02')
    await aUser(cloud.container, 'o-demo-03')
    const listing = aListingRecord({ _id: '01JCHATSTREAMLISTING000001', sellerId: seller._id })
    await cloud.container.store.insert(Listings, listing)
    listingId = listing._id
    conversationId = (await openConversation(cloud.container, buyer, listing._id)).id
  })
  afterAll(() => cloud?.stop())

  it('streams new messages in seq order, and resumes after a reconnect with none twice and none lost', async () => {
    const seller1 = await openStream(streamUrl(), token('o-demo-01'))
    expect(seller1.res.status).toBe(200)
    expect(seller1.res.headers.get('content-type')).toMatch(/^text\/event-stream/)
    await say(buyer, '还在吗？')
    await say(buyer, '能便宜点吗')
    await seller1.waitForMessages(2)
    // The connection drops; meanwhile two more arrive.
    seller1.close()
    const held = seller1.messages().at(-1)!.seq
    await say(buyer, '我在徐汇')
    await say(seller, '可以小刀')
    const seller2 = await openStream(streamUrl(), token('o-demo-01'), held)
    await seller2.waitForMessages(2)
    await say(buyer, '好的')
    await seller2.waitForMessages(3)
    seller2.close()
    const seen = [...seller1.messages(), ...seller2.messages()].map((m) => m.seq)
    expect(seen).toEqual([1, 2, 3, 4, 5])
    // Each event's id is its seq: what EventSource would send back as Last-Event-ID.
    expect(seller2.events.filter((e) => e.event === 'message').map((e) => e.id)).toEqual([
      '3',
      '4',
      '5',
    ])
  })

  it('carries the other party’s read position (已读)', async () => {
    const stream = await openStream(streamUrl(0), token('o-demo-02'))
    await stream.waitForMessages(1)
    const read = stream.events.filter((e) => e.event === 'read')
    expect(read.length).toBeGreaterThan(0)
    expect(JSON.parse(read.at(-1)!.data)).toEqual({ otherReadSeq: expect.any(Number) })
    stream.close()
  })

  it('holds at most 8 streams open per user: the next is 429 until one closes, others go on', async () => {
    // A buyer of its own, so no stream of the tests above is still being let go.
    const buyer4 = await aUser(cloud.container, 'o-demo-04')
    const conv = (await openConversation(cloud.container, buyer4, listingId)).id
    const url = () => streamUrl(0, conv)
    const mine = token('o-demo-04')
    const held = []
    for (let i = 0; i < MAX_CHAT_STREAMS_PER_USER; i++) held.push(await openStream(url(), mine))
    expect(MAX_CHAT_STREAMS_PER_USER).toBe(8)
    expect(held.map((s) => s.res.status)).toEqual(Array(8).fill(200))

    const ninth = await openStream(url(), mine)
    expect(ninth.res.status).toBe(429)
    expect(ninth.res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await ninth.res.json()).toEqual({
      ok: false,
      error: { code: 'COMMON.RATE_LIMITED', message: expect.any(String), details: { limit: 8 } },
    })
    // The other party is not held back, and refused streams hold no slot: a stranger's 404s stay 404s.
    const sellerStream = await openStream(url(), token('o-demo-01'))
    expect(sellerStream.res.status).toBe(200)
    sellerStream.close()
    for (let i = 0; i < MAX_CHAT_STREAMS_PER_USER + 1; i++)
      expect((await openStream(url(), token('o-demo-03'))).res.status).toBe(404)

    // Hanging up frees the slot (once the server has seen the connection close).
    held.shift()!.close()
    let again = await openStream(url(), mine)
    for (let tries = 0; again.res.status === 429 && tries < 200; tries++) {
      await again.res.body?.cancel()
      await new Promise((r) => setTimeout(r, 10))
      again = await openStream(url(), mine)
    }
    expect(again.res.status).toBe(200)
    held.push(again)
    expect((await openStream(url(), mine)).res.status).toBe(429)
    held.forEach((s) => s.close())
  })

  it('is for the two parties only: no session 401, a stranger 404, a bad cursor 400', async () => {
    expect((await openStream(streamUrl(), null)).res.status).toBe(401)
    const stranger = await openStream(streamUrl(), token('o-demo-03'))
    expect(stranger.res.status).toBe(404)
    expect((await openStream(streamUrl(-1), token('o-demo-01'))).res.status).toBe(400)
  })
})
