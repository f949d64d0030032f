import fc from 'fast-check'
import type { ChatMessage } from '@shared/contracts/chat.contract'
import { ChatFeed, pollingTransport, type FeedHandlers, type FeedTransport } from '../chat-feed'

const message = (seq: number): ChatMessage => ({
  id: `c:${String(seq).padStart(8, '0')}`,
  conversationId: 'L:B',
  seq,
  senderId: seq % 2 ? 'buyer' : 'seller',
  kind: 'text',
  text: `第 ${seq} 条`,
  image: null,
  orderId: null,
  clientMsgId: null,
  at: seq,
  offPlatform: false,
  offerId: null,
  card: null,
})

/** The server's conversation: messages 1..n, `since` paged like the real one. */
class Server {
  n = 0
  down = false
  post() {
    this.n++
  }
  since = async (afterSeq: number) => {
    if (this.down) throw new Error('offline')
    const items: ChatMessage[] = []
    for (let s = afterSeq + 1; s <= Math.min(this.n, afterSeq + 3); s++) items.push(message(s))
    return { items, hasMore: afterSeq + items.length < this.n, otherReadSeq: 0 }
  }
}

/** A transport the test drives by hand: it delivers what it is told, in any order, or drops. */
class ScriptedTransport implements FeedTransport {
  handlers: FeedHandlers | null = null
  connects: number[] = []
  constructor(readonly name: string) {}
  connect(afterSeq: number, handlers: FeedHandlers) {
    this.connects.push(afterSeq)
    this.handlers = handlers
    return () => {
      if (this.handlers === handlers) this.handlers = null
    }
  }
}

/** Runs queued timers at once (the feed's retries), so a test waits for state, not for time. */
const immediate = () => {
  const queue: (() => void)[] = []
  return {
    setTimer: (run: () => void) => queue.push(run),
    flush: async () => {
      for (let i = 0; i < 50 && queue.length; i++) {
        queue.shift()!()
        await settle()
      }
    },
  }
}
const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve()
}

type Step =
  | { kind: 'post' }
  | { kind: 'deliver'; back: number }
  | { kind: 'duplicate' }
  | { kind: 'poke' }
  | { kind: 'drop' }
  | { kind: 'outage'; on: boolean }

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant<Step>({ kind: 'post' }),
  fc.record({ kind: fc.constant('deliver' as const), back: fc.integer({ min: 0, max: 3 }) }),
  fc.constant<Step>({ kind: 'duplicate' }),
  fc.constant<Step>({ kind: 'poke' }),
  fc.constant<Step>({ kind: 'drop' }),
  fc.record({ kind: fc.constant('outage' as const), on: fc.boolean() }),
)

describe('ChatFeed: every message once, in order, across reconnects and transport switches', () => {
  it('holds exactly 1..n after any interleaving of deliveries, duplicates, gaps, drops and outages', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 60 }), async (steps) => {
        const server = new Server()
        const sse = new ScriptedTransport('sse')
        const poll = new ScriptedTransport('polling')
        const timers = immediate()
        const shown: number[] = []
        const feed = new ChatFeed({
          since: server.since,
          transports: [sse, poll],
          onMessages: (ms) => shown.push(...ms.map((m) => m.seq)),
          maxDrops: 2,
          setTimer: timers.setTimer,
        })
        feed.start()
        await settle()
        for (const s of steps) {
          const live = sse.handlers ?? poll.handlers
          if (s.kind === 'post') server.post()
          // A transport delivers one of the latest messages: in order, late, or skipping ahead.
          else if (s.kind === 'deliver' && server.n > 0)
            live?.message(message(Math.max(1, server.n - s.back)))
          else if (s.kind === 'duplicate' && feed.lastSeq > 0) live?.message(message(feed.lastSeq))
          else if (s.kind === 'poke') live?.poke()
          else if (s.kind === 'drop') live?.drop(new Error('connection lost'))
          else if (s.kind === 'outage') server.down = s.on
          await settle()
          await timers.flush()
        }
        // Back online, one last reconnect or poke brings everything in.
        server.down = false
        ;(sse.handlers ?? poll.handlers)?.poke()
        await settle()
        await timers.flush()
        if (feed.lastSeq < server.n) {
          ;(sse.handlers ?? poll.handlers)?.drop(new Error('again'))
          await timers.flush()
        }
        const expected = Array.from({ length: server.n }, (_, i) => i + 1)
        expect(feed.messages.map((m) => m.seq)).toEqual(expected)
        // What the page was handed: each seq once, in order.
        expect(shown).toEqual(expected)
        // Every (re)connect resumed after a seq the feed held.
        for (const at of [...sse.connects, ...poll.connects])
          expect(at).toBeLessThanOrEqual(server.n)
        feed.close()
      }),
      { numRuns: 200 },
    )
  })

  it('starts after the history page it is given, not from the first message', async () => {
    const server = new Server()
    for (let i = 0; i < 40; i++) server.post()
    const asked: number[] = []
    const got: number[] = []
    const sse = new ScriptedTransport('sse')
    const feed = new ChatFeed({
      since: (after) => {
        asked.push(after)
        return server.since(after)
      },
      transports: [sse],
      onMessages: (ms) => got.push(...ms.map((m) => m.seq)),
    })
    // The page shows the latest 10 (31..40) from history; older pages load backwards on request.
    feed.start(Array.from({ length: 10 }, (_, i) => message(40 - i)))
    await settle()
    expect(asked).toEqual([40])
    expect(sse.connects).toEqual([40])
    expect(got).toEqual([31, 32, 33, 34, 35, 36, 37, 38, 39, 40])
    server.post()
    sse.handlers!.message(message(41))
    expect(feed.messages.map((m) => m.seq)).toEqual([31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41])
    feed.close()
  })

  it('switches to polling after repeated drops and keeps the messages it had', async () => {
    const server = new Server()
    const sse = new ScriptedTransport('sse')
    const timers = immediate()
    const feed = new ChatFeed({
      since: server.since,
      transports: [sse, pollingTransport(server.since, { setTimer: () => 0 })],
      onMessages: () => undefined,
      maxDrops: 2,
      setTimer: timers.setTimer,
    })
    feed.start()
    await settle()
    server.post()
    sse.handlers!.message(message(1))
    expect(feed.transport).toBe('sse')
    sse.handlers!.drop(new Error('x'))
    await timers.flush()
    sse.handlers!.drop(new Error('y'))
    await timers.flush()
    expect(feed.transport).toBe('polling')
    expect(feed.messages.map((m) => m.seq)).toEqual([1])
    feed.close()
  })
})

describe('pollingTransport', () => {
  it('delivers from its cursor and backs off while the conversation is quiet', async () => {
    const server = new Server()
    server.post()
    server.post()
    const delays: number[] = []
    const runs: (() => void)[] = []
    const got: number[] = []
    const stop = pollingTransport(server.since, {
      minMs: 1_000,
      maxMs: 8_000,
      setTimer: (run, ms) => {
        delays.push(ms)
        runs.push(run)
        return runs.length
      },
      clearTimer: () => undefined,
    }).connect(0, {
      message: (m) => got.push(m.seq),
      poke: () => undefined,
      read: () => undefined,
      drop: () => undefined,
    })
    for (let i = 0; i < 5; i++) {
      runs.shift()!()
      await settle()
    }
    expect(got).toEqual([1, 2])
    // First tick at once; messages came, so again in 1 s; then quiet: 2 s, 4 s, 8 s, 8 s.
    expect(delays).toEqual([0, 1_000, 2_000, 4_000, 8_000, 8_000])
    stop()
  })
})
