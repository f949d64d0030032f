/**
 * Chat delivery through the local cloud: many conversations at once, each buyer sending through
 * the `chat` function and each seller receiving on the conversation's Server-Sent Events stream
 * (GET /events/chat) and marking read; against a naive client that polls `chat.since` once a
 * second, measured in the same run.
 *   npm run bench:chat -- [--conversations 1000] [--messages 3] [--naive 200] [--concurrency 100]
 * Builds the chat function into a temporary folder and starts the local cloud on a temporary
 * database; users, listings and conversations are made before the clock starts. Latency is from
 * the moment a send is issued to the moment the other party holds the message. A message is lost
 * when it was accepted but never arrived within 30 s, duplicated when it arrived twice.
 *
 * Progress goes to stderr; the last line on stdout is one JSON object:
 * {"conversations","messages","perSecond","p50Ms","p95Ms","lost","duplicated",
 *  "naive":{"conversations","messages","perSecond","p50Ms","p95Ms","lost","duplicated"},"p95Ratio"}.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { aListingRecord } from '../cloudfunctions/local/mothers/listing.mother'
import { aUser } from '../cloudfunctions/local/mothers/user.mother'
import type { LocalCloud } from '../cloudfunctions/local/server'
import { startBenchCloud } from './bench-cloud'
import { openConversation } from '../cloudfunctions/src/modules/chat/application/conversations.use-case'
import { Listings } from '../cloudfunctions/src/modules/listing/domain/listing.record'
import type { UserRecord } from '../cloudfunctions/src/modules/user/domain/user.record'
import { signLocalSession } from '../cloudfunctions/src/platform/caller-identity'
import { buildFunctions } from '../scripts/build-functions'
import { arg, percentile, round } from './bench-kit'

const CONVERSATIONS = arg('conversations', 1_000)
const MESSAGES = arg('messages', 3)
const NAIVE = arg('naive', Math.min(200, CONVERSATIONS))
const CONCURRENCY = arg('concurrency', 100)
const TIMEOUT_MS = 30_000
const progress = (line: string) => process.stderr.write(`${line}\n`)
const agent = new Agent({ keepAlive: true, maxSockets: Infinity })

interface Pair {
  conversationId: string
  buyerToken: string
  sellerToken: string
}

const post = (cloud: LocalCloud, token: string, action: string, input: unknown) =>
  new Promise<{ ok: boolean; data?: { seq: number } }>((resolve, reject) => {
    const body = JSON.stringify({ action, input })
    const req = request(
      `${cloud.url}/fn/chat`,
      {
        method: 'POST',
        agent,
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (text += c))
        res.on('end', () => resolve(JSON.parse(text)))
      },
    )
    req.on('error', reject)
    req.end(body)
  })

/** The seller's SSE stream: calls `onMessage(seq)` per message event; answers a closer. */
const stream = (cloud: LocalCloud, pair: Pair, onMessage: (seq: number) => void) =>
  new Promise<() => void>((resolve, reject) => {
    const req = request(
      `${cloud.url}/events/chat?conversationId=${encodeURIComponent(pair.conversationId)}&afterSeq=0`,
      { agent, headers: { Authorization: `Bearer ${pair.sellerToken}` } },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`stream ${res.statusCode}`))
        let buffer = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          buffer += chunk
          let end: number
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            if (block.includes('event: message')) onMessage(Number(/^id: (\d+)/m.exec(block)![1]))
          }
        })
        res.on('error', () => undefined)
        resolve(() => req.destroy())
      },
    )
    req.on('error', () => undefined)
    req.end()
  })

/** Runs `tasks` with at most `limit` in flight. */
const pool = async (tasks: (() => Promise<void>)[], limit: number) => {
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) await tasks[next++]!()
    }),
  )
}

interface Figures {
  conversations: number
  messages: number
  perSecond: number
  p50Ms: number
  p95Ms: number
  lost: number
  duplicated: number
}

/**
 * One run: every buyer sends MESSAGES messages (one at a time per conversation, CONCURRENCY sends
 * in flight overall); `receive` is how the seller's side learns of them.
 */
const run = async (
  cloud: LocalCloud,
  pairs: Pair[],
  receive: (pair: Pair, got: (seq: number) => void) => Promise<() => void>,
): Promise<Figures> => {
  const sentAt = new Map<string, number>()
  const received = new Map<string, number>()
  const latencies: number[] = []
  let duplicated = 0
  let accepted = 0
  const closers = await Promise.all(
    pairs.map((pair) =>
      receive(pair, (seq) => {
        const key = `${pair.conversationId}#${seq}`
        if (received.has(key)) return void duplicated++
        received.set(key, performance.now())
        const at = sentAt.get(key)
        if (at !== undefined) latencies.push(performance.now() - at)
        // What a reader does on arrival: mark it read.
        void post(cloud, pair.sellerToken, 'markRead', {
          conversationId: pair.conversationId,
          seq,
        }).catch(() => undefined)
      }),
    ),
  )
  const started = performance.now()
  await pool(
    pairs.map((pair, i) => async () => {
      for (let m = 1; m <= MESSAGES; m++) {
        const at = performance.now()
        const res = await post(cloud, pair.buyerToken, 'send', {
          conversationId: pair.conversationId,
          clientMsgId: `bench-${i}-${m}-${Math.round(at)}`,
          kind: 'text',
          text: `还在吗？第 ${m} 条`,
        })
        if (!res.ok) throw new Error(`send refused: ${JSON.stringify(res)}`)
        const key = `${pair.conversationId}#${res.data!.seq}`
        // Arrived before the answer came back: its latency is counted from `at` now.
        const early = received.get(key)
        if (early !== undefined) latencies.push(early - at)
        sentAt.set(key, at)
        accepted++
      }
    }),
    CONCURRENCY,
  )
  const deadline = performance.now() + TIMEOUT_MS
  while (received.size < accepted && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 20))
  const elapsed = (performance.now() - started) / 1000
  for (const close of closers) close()
  // Let the last mark-read calls finish before the next run (or the close) starts.
  await new Promise((r) => setTimeout(r, 500))
  return {
    conversations: pairs.length,
    messages: accepted,
    perSecond: round(received.size / elapsed, 1),
    p50Ms: round(percentile(latencies, 50), 1),
    p95Ms: round(percentile(latencies, 95), 1),
    lost: accepted - received.size,
    duplicated,
  }
}

/** The naive receiver: `chat.since` once a second from the last seq it has. */
const polling =
  (cloud: LocalCloud) =>
  async (pair: Pair, got: (seq: number) => void): Promise<() => void> => {
    let last = 0
    let stopped = false
    const tick = async () => {
      while (!stopped) {
        const res = (await post(cloud, pair.sellerToken, 'since', {
          conversationId: pair.conversationId,
          afterSeq: last,
        })) as unknown as { ok: boolean; data: { items: { seq: number }[] } }
        for (const m of res.data.items) {
          last = m.seq
          got(m.seq)
        }
        await new Promise((r) => setTimeout(r, 1_000))
      }
    }
    void tick().catch(() => undefined) // the cloud closed under the last poll
    return () => (stopped = true)
  }

const main = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'linquan-bench-chat-'))
  const functionsDir = join(dir, 'functions')
  await buildFunctions({ outDir: functionsDir, only: ['chat'] })
  const cloud = await startBenchCloud(dir, functionsDir)
  try {
    const token = (openid: string) =>
      signLocalSession({ openid, exp: Date.now() + 3_600_000 }, cloud.sessionSecret)
    const pairs = async (count: number, label: string): Promise<Pair[]> => {
      const out: Pair[] = []
      for (let i = 0; i < count; i++) {
        const seller: UserRecord = await aUser(cloud.container, `o-${label}-s${i}`)
        const buyer: UserRecord = await aUser(cloud.container, `o-${label}-b${i}`)
        const id = cloud.container.ids.next()
        await cloud.container.store.insert(
          Listings,
          aListingRecord({ _id: id, sellerId: seller._id }),
        )
        const c = await openConversation(cloud.container, buyer, id)
        out.push({
          conversationId: c.id,
          buyerToken: token(`o-${label}-b${i}`),
          sellerToken: token(`o-${label}-s${i}`),
        })
      }
      return out
    }
    progress(`setting up ${CONVERSATIONS} + ${NAIVE} conversations…`)
    const streamed = await pairs(CONVERSATIONS, 'sse')
    const naivePairs = await pairs(NAIVE, 'nv')
    progress(`streams: ${CONVERSATIONS} conversations × ${MESSAGES} messages`)
    const sse = await run(cloud, streamed, (pair, got) => stream(cloud, pair, got))
    progress(JSON.stringify(sse))
    progress(`naive 1-second polling: ${NAIVE} conversations × ${MESSAGES} messages`)
    const naive = await run(cloud, naivePairs, polling(cloud))
    progress(JSON.stringify(naive))
    console.log(
      JSON.stringify({ ...sse, naive, p95Ratio: round(naive.p95Ms / Math.max(sse.p95Ms, 0.1), 1) }),
    )
  } finally {
    agent.destroy()
    await cloud.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

void main().catch((e) => {
  console.error(e)
  process.exit(1)
})
