import fc from 'fast-check'
import { main as chat } from '../src/functions/chat'
import { publishListing } from './fixtures'
import { invoke, signUp, startTestCloud, type TestCloud } from './harness'

/**
 * Exactly-once delivery across reconnects and duplicate sends: random interleavings of sends from
 * both parties (some retried at once, some retried long after), disconnects and reconnects, with
 * each client keeping messages by seq and resuming with `since(lastSeq)` in small pages. At the
 * end every client's list equals the server's, the seqs run 1..N with no gap, and every send is
 * stored exactly once.
 */

const HOUR = 3_600_000
type Party = 'buyer' | 'seller'
const OPENID: Record<Party, string> = { buyer: 'o-prop-buyer', seller: 'o-prop-seller' }

type Ev =
  | { t: 'send'; who: Party; dup: 'none' | 'after' | 'concurrent' }
  | { t: 'retryOld'; who: Party; k: number }
  | { t: 'burst'; buyer: number; seller: number }
  | { t: 'disconnect'; who: Party }
  | { t: 'reconnect'; who: Party }

const party = fc.constantFrom<Party>('buyer', 'seller')
const event: fc.Arbitrary<Ev> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('send' as const),
      who: party,
      dup: fc.constantFrom('none' as const, 'after' as const, 'concurrent' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('retryOld' as const), who: party, k: fc.nat() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('burst' as const),
      buyer: fc.integer({ min: 0, max: 2 }),
      seller: fc.integer({ min: 0, max: 2 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('disconnect' as const), who: party }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('reconnect' as const), who: party }) },
)

type Msg = { id: string; seq: number; senderId: string; text: string }

/** A client as the app keeps one: messages by seq, and the last seq it holds with none missing before it. */
class Client {
  readonly bySeq = new Map<number, Msg>()
  online = true
  constructor(
    readonly openid: string,
    private readonly call: (openid: string, action: string, input: unknown) => Promise<any>,
    private readonly conversationId: string,
    private readonly pageSize: number,
  ) {}

  /** The highest seq with every seq before it held: where `since` resumes. */
  get lastSeq() {
    let s = 0
    while (this.bySeq.has(s + 1)) s++
    return s
  }

  take(m: Msg) {
    const had = this.bySeq.get(m.seq)
    if (had && had.id !== m.id) throw new Error(`seq ${m.seq} answered as two messages`)
    this.bySeq.set(m.seq, m)
  }

  /** Gap fill: `since(lastSeq)` a page at a time until the server has no more. */
  async sync() {
    for (;;) {
      const page = await this.call(this.openid, 'since', {
        conversationId: this.conversationId,
        afterSeq: this.lastSeq,
        limit: this.pageSize,
      })
      for (const m of page.items) this.take(m)
      if (!page.hasMore) return
    }
  }
}

let cloud: TestCloud
beforeAll(async () => {
  cloud = startTestCloud()
  await signUp(cloud, OPENID.seller, OPENID.buyer)
})
afterAll(() => cloud.stop())

const must = async (openid: string, action: string, input: unknown) => {
  const res = await invoke(chat, cloud, openid, action, input)
  if (!res.ok) throw new Error(`${action}: ${res.error.code} ${res.error.message}`)
  return res.data
}

test('clients that resume with since(lastSeq) end with the server’s list: no duplicate, no gap', async () => {
  let run = 0
  await fc.assert(
    fc.asyncProperty(
      fc.array(event, { minLength: 1, maxLength: 15 }),
      fc.integer({ min: 1, max: 4 }),
      async (events, pageSize) => {
        // A fresh hour and listing per run; at most 15 events of 2 sends each keep under 30 a minute.
        cloud.clock.advance(HOUR)
        run++
        const listing = await publishListing(cloud, OPENID.seller, { title: `属性测试 ${run} 号` })
        const conv = (await must(OPENID.buyer, 'open', { listingId: listing.id })).id as string
        const clients: Record<Party, Client> = {
          buyer: new Client(OPENID.buyer, must, conv, pageSize),
          seller: new Client(OPENID.seller, must, conv, pageSize),
        }
        const sentIds: Record<Party, string[]> = { buyer: [], seller: [] }
        let n = 0
        const send = async (who: Party, clientMsgId?: string) => {
          const id = clientMsgId ?? `r${run}-${who}-${++n}`.padEnd(8, '0')
          if (!clientMsgId) sentIds[who].push(id)
          const m = await must(OPENID[who], 'send', {
            conversationId: conv,
            clientMsgId: id,
            kind: 'text',
            text: `${who} 的第 ${id} 条`,
          })
          // The sender shows its own message from the answer, whether or not it is online.
          clients[who].take(m)
          return m
        }

        for (const ev of events) {
          if (ev.t === 'send') {
            if (ev.dup === 'concurrent') {
              const id = `r${run}-${ev.who}-${++n}`.padEnd(8, '0')
              sentIds[ev.who].push(id)
              const [a, b] = await Promise.all([send(ev.who, id), send(ev.who, id)])
              expect(b).toEqual(a)
            } else {
              const m = await send(ev.who)
              if (ev.dup === 'after') expect(await send(ev.who, sentIds[ev.who].at(-1))).toEqual(m)
            }
          } else if (ev.t === 'retryOld') {
            const ids = sentIds[ev.who]
            if (ids.length) await send(ev.who, ids[ev.k % ids.length])
          } else if (ev.t === 'burst') {
            await Promise.all([
              ...Array.from({ length: ev.buyer }, () => send('buyer')),
              ...Array.from({ length: ev.seller }, () => send('seller')),
            ])
          } else if (ev.t === 'disconnect') clients[ev.who].online = false
          else {
            clients[ev.who].online = true
            await clients[ev.who].sync()
          }
          // Online clients poll after every event; offline ones hear nothing.
          for (const c of Object.values(clients)) if (c.online) await c.sync()
        }

        // Everyone reconnects; then each client's list is the server's.
        const server: Msg[] = []
        for (let after = 0; ;) {
          const page = await must(OPENID.seller, 'since', { conversationId: conv, afterSeq: after })
          server.push(...page.items)
          if (!page.hasMore) break
          after = page.items.at(-1).seq
        }
        const total = sentIds.buyer.length + sentIds.seller.length
        expect(server.map((m) => m.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1))
        expect(new Set(server.map((m) => m.text)).size).toBe(total)
        // The seller's row for the listing agrees with its one conversation, however sends raced.
        const seen = await must(OPENID.seller, 'get', { conversationId: conv })
        const rows = (await must(OPENID.seller, 'listings', { listingId: listing.id })).items
        expect(rows).toHaveLength(1)
        expect(rows[0]).toMatchObject({
          conversations: 1,
          unread: seen.unread,
          latest: { id: conv },
        })
        for (const c of Object.values(clients)) {
          await c.sync()
          const list = [...c.bySeq.values()].sort((a, b) => a.seq - b.seq)
          expect(list.map(({ id, seq, text }) => ({ id, seq, text }))).toEqual(
            server.map(({ id, seq, text }) => ({ id, seq, text })),
          )
        }
      },
    ),
    { numRuns: 25 },
  )
}, 120_000)
