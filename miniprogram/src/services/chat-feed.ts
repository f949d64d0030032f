import type { ChatMessage } from '@shared/contracts/chat.contract'

/** What `chat.since` answers: messages after a seq, oldest first. */
export interface SincePage {
  items: ChatMessage[]
  hasMore: boolean
  otherReadSeq: number
}

/** How a transport reports: messages it carries, a poke (something changed, ask `since`), or a drop. */
export interface FeedHandlers {
  message: (m: ChatMessage) => void
  poke: () => void
  read: (otherReadSeq: number) => void
  drop: (error: unknown) => void
}

/**
 * One realtime transport for one conversation: the H5 build's Server-Sent Events, the weapp
 * build's CloudBase database watch, or polling. `connect` starts after `afterSeq` and answers a
 * function that stops it.
 */
export interface FeedTransport {
  name: string
  connect: (afterSeq: number, handlers: FeedHandlers) => () => void
}

export interface ChatFeedOptions {
  since: (afterSeq: number) => Promise<SincePage>
  /** In order of preference; after `maxDrops` drops in a row the next one is used (polling last). */
  transports: FeedTransport[]
  onMessages: (messages: ChatMessage[]) => void
  onRead?: (otherReadSeq: number) => void
  /** Drops of one transport before switching to the next. */
  maxDrops?: number
  /** Waits before reconnecting: 0.5 s, 1 s, 2 s… up to 15 s. */
  retryDelayMs?: (drops: number) => number
  setTimer?: (run: () => void, ms: number) => unknown
}

/**
 * The client's side of "no message shown twice, none lost": it holds the conversation's messages
 * by seq and the last seq it has without a gap. Whatever a transport delivers is kept only if it
 * is the next seq; anything ahead of a gap makes it ask `since` for the gap, anything at or below
 * the last seq is a duplicate. A reconnect, or a switch to another transport, starts after the
 * last seq held, so it is the same rule across every transport.
 */
export class ChatFeed {
  private readonly bySeq = new Map<number, ChatMessage>()
  private last = 0
  private stop: (() => void) | null = null
  private filling: Promise<void> | null = null
  private refill = false
  private drops = 0
  private index = 0
  private closed = false

  constructor(private readonly options: ChatFeedOptions) {}

  /** The messages held, oldest first, without gaps. */
  get messages(): ChatMessage[] {
    return [...this.bySeq.values()].sort((a, b) => a.seq - b.seq)
  }
  get lastSeq() {
    return this.last
  }
  get transport() {
    return this.options.transports[this.index]?.name ?? null
  }

  /** Starts after `afterSeq` (what the page already shows from history). */
  start(history: ChatMessage[] = []) {
    // History is the latest page, gap-free up to the newest: held from its oldest seq, so the
    // feed asks `since` only after it (older pages are the page's business, paged backwards).
    if (history.length && this.last === 0) this.last = Math.min(...history.map((m) => m.seq)) - 1
    this.accept(history)
    void this.fill().then(() => this.connect())
  }

  close() {
    this.closed = true
    this.stop?.()
    this.stop = null
  }

  private connect() {
    if (this.closed) return
    const t = this.options.transports[this.index]
    if (!t) return
    this.stop = t.connect(this.last, {
      message: (m) => {
        if (m.seq === this.last + 1) this.accept([m])
        else if (m.seq > this.last + 1) void this.fill()
      },
      poke: () => void this.fill(),
      read: (seq) => this.options.onRead?.(seq),
      drop: () => this.dropped(),
    })
  }

  private dropped() {
    this.stop?.()
    this.stop = null
    if (this.closed) return
    this.drops++
    if (
      this.drops >= (this.options.maxDrops ?? 3) &&
      this.index < this.options.transports.length - 1
    ) {
      this.index++
      this.drops = 0
    }
    const delay = (this.options.retryDelayMs ?? backoff)(this.drops)
    const later = this.options.setTimer ?? ((run, ms) => setTimeout(run, ms))
    // Whatever arrived while disconnected is asked for first, then the stream resumes after it.
    later(() => void this.fill().then(() => this.connect()), delay)
  }

  /** Asks `since` until caught up; one fill at a time, and a poke during a fill asks once more. */
  private fill(): Promise<void> {
    if (this.filling) {
      this.refill = true
      return this.filling
    }
    this.filling = (async () => {
      try {
        do {
          this.refill = false
          for (;;) {
            const page = await this.options.since(this.last)
            this.accept(page.items)
            this.options.onRead?.(page.otherReadSeq)
            if (!page.hasMore || page.items.length === 0) break
          }
        } while (this.refill && !this.closed)
      } catch {
        // The network is down too: the transport's reconnect asks again.
      } finally {
        this.filling = null
      }
    })()
    return this.filling
  }

  private accept(items: ChatMessage[]) {
    const fresh: ChatMessage[] = []
    for (const m of [...items].sort((a, b) => a.seq - b.seq)) {
      if (m.seq !== this.last + 1) continue
      this.bySeq.set(m.seq, m)
      this.last = m.seq
      fresh.push(m)
    }
    if (fresh.length) {
      this.drops = 0
      this.options.onMessages(fresh)
    }
  }
}

const backoff = (drops: number) => Math.min(15_000, 500 * 2 ** Math.max(0, drops - 1))

/**
 * Polling, the fallback everywhere: asks `since` itself, every `minMs` while messages come, backing
 * off to `maxMs` while the conversation is quiet.
 */
export const pollingTransport = (
  since: (afterSeq: number) => Promise<SincePage>,
  options: {
    minMs?: number
    maxMs?: number
    setTimer?: (run: () => void, ms: number) => unknown
    clearTimer?: (timer: unknown) => void
  } = {},
): FeedTransport => ({
  name: 'polling',
  connect(afterSeq, handlers) {
    const minMs = options.minMs ?? 1_000
    const maxMs = options.maxMs ?? 30_000
    const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms))
    const clearTimer =
      options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>))
    let cursor = afterSeq
    let delay = minMs
    let timer: unknown = null
    let stopped = false
    const tick = async () => {
      try {
        const page = await since(cursor)
        if (stopped) return
        for (const m of page.items) handlers.message(m)
        handlers.read(page.otherReadSeq)
        cursor = page.items.at(-1)?.seq ?? cursor
        delay = page.items.length ? minMs : Math.min(maxMs, delay * 2)
        timer = setTimer(() => void tick(), page.hasMore ? 0 : delay)
      } catch (e) {
        if (!stopped) handlers.drop(e)
      }
    }
    timer = setTimer(() => void tick(), 0)
    return () => {
      stopped = true
      clearTimer(timer)
    }
  },
})
