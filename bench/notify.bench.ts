/**
 * WeChat Pay payment notifications through the local cloud's pay-notify, against a naive
 * handler measured in the same run.
 *   npm run bench:notify -- [--notifications 10000] [--orders 7000] [--concurrency 50] [--naive 1000] [--keep]
 * Builds pay-notify into a temporary folder, starts the local cloud on a temporary database with
 * the WeChat Pay sandbox mounted (so the production WechatPayGateway verifies and decrypts),
 * inserts the pending orders, then prepares every request before the clock starts: each order's
 * TRANSACTION.SUCCESS body encrypted with the APIv3 key, duplicates re-sending the same body (same
 * notification id) as WeChat's retries do, shuffled, each delivery signed with the platform key
 * over its own timestamp and nonce. Sends them over HTTP keep-alive with `--concurrency` in
 * flight, then checks every answer was 200 SUCCESS, every order is paid, and the books balance.
 *
 * The naive baseline is a careless but correct-looking handler: it parses the platform
 * certificate on every request, and writes each step (order, ledger entry, balances, notification
 * id) as its own autocommit in a rollback-journal database with synchronous=FULL (one fsync'd
 * commit per step, no WAL, not atomic). It gets the same kind of signed notifications over the
 * same HTTP client, `--naive` of them (70% distinct orders, as in the main run).
 *
 * The sender runs on a worker thread (WeChat's side), so the main thread is the server alone; its
 * CPU time per notification is printed too, a figure other load on a shared machine moves less
 * than the wall clock. `--cpu-prof-send FILE` writes a CPU profile of the timed sending.
 *
 * Progress goes to stderr; the last line on stdout is one JSON object:
 * {"notifications","orders","paidOrders","perSecond","p95Ms","ledgerBalanced","naivePerSecond","ratio","cpuMsPerNotification"}.
 */
import {
  createDecipheriv,
  createPrivateKey,
  createSign,
  createVerify,
  type KeyObject,
  randomBytes,
  X509Certificate,
} from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import Database from 'better-sqlite3'
import {
  createWechatPaySandbox,
  SANDBOX_APIV3_KEY,
  SANDBOX_SP_APPID,
  SANDBOX_SP_MCHID,
  sandboxKeys,
} from '../cloudfunctions/local/sandboxes/wechat-pay'
import { gcmEncrypt } from '../cloudfunctions/local/sandboxes/wechat-pay/crypto'
import { rfc3339 } from '../cloudfunctions/local/sandboxes/wechat-pay/notifier'
import { aPendingOrderRecord } from '../cloudfunctions/local/mothers/order-record.mother'
import { startBenchCloud } from './bench-cloud'
import { arg, mulberry32, percentile, round } from './bench-kit'
import { WechatNotifications } from '../cloudfunctions/src/modules/payments/domain/payment.record'
import {
  OrderLocks,
  Orders,
  type OrderRecord,
} from '../cloudfunctions/src/modules/order/domain/order.record'
import {
  AccountBalances,
  LedgerEntries,
  type LedgerEntryRecord,
} from '../cloudfunctions/src/modules/ledger/domain/ledger.record'
import { balances } from '../cloudfunctions/src/modules/ledger/domain/ledger'
import { buildFunctions } from '../scripts/build-functions'
import {
  sealShippingAddress,
  type SealedShippingAddress,
} from '../cloudfunctions/src/modules/address/domain/sealed-address'
import { MAX_FIND_LIMIT } from '../cloudfunctions/src/modules/core/ports/document-store.port'

const NOTIFICATIONS = arg('notifications', 10_000)
const ORDERS = arg('orders', 7_000)
const CONCURRENCY = arg('concurrency', 50)
const NAIVE = arg('naive', Math.min(1_000, NOTIFICATIONS))
const NAIVE_ORDERS = Math.max(1, Math.round((NAIVE * ORDERS) / NOTIFICATIONS))
const INSERT_BATCH = 500
if (!(ORDERS >= 1 && NOTIFICATIONS >= ORDERS && NAIVE >= NAIVE_ORDERS))
  throw new Error('need 1 <= --orders <= --notifications')

const progress = (line: string) => process.stderr.write(`${line}\n`)

/** Two runs pay the same amounts in the same order. */
const rand = mulberry32(20261124)
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1))
const shuffle = <T>(xs: T[]) => {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[xs[i], xs[j]] = [xs[j]!, xs[i]!]
  }
  return xs
}

/** Twenty sellers' sub-merchants (10 digits, as WeChat's). */
const SUB_MCHIDS = Array.from({ length: 20 }, (_, i) => String(1_900_000_200 + i))
const FULFILMENTS = ['courier', 'meetup', 'service'] as const

// -------------------------------------------------------------------------------------------
// Orders and the notifications WeChat Pay would send for them
// -------------------------------------------------------------------------------------------

const makeOrder = (id: string, now: number, courierAddress: SealedShippingAddress): OrderRecord => {
  const fulfilment = FULFILMENTS[int(0, 2)]!
  return aPendingOrderRecord(
    {
      _id: id,
      fulfilment,
      priceFen: int(1, 2_000) * 100 - (rand() < 0.3 ? int(1, 99) : 0),
      shippingFen: fulfilment === 'courier' ? int(0, 2) * 600 : 0,
      buyerId: `u${int(1, 5_000)}`,
      sellerId: `u${int(5_001, 6_000)}`,
      address: fulfilment === 'courier' ? courierAddress : null,
      handoverCode: fulfilment === 'meetup' ? String(int(100_000, 999_999)) : null,
      subMchid: SUB_MCHIDS[int(0, SUB_MCHIDS.length - 1)]!,
      prepayId: `wx${randomBytes(14).toString('hex')}`,
    },
    now,
  )
}

/** The notification body for one order, as the sandbox's notifier builds it (state.ts transactionView). */
const notificationBody = (order: OrderRecord, seq: number, now: number) => {
  const payload = {
    sp_appid: SANDBOX_SP_APPID,
    sp_mchid: SANDBOX_SP_MCHID,
    sub_mchid: order.subMchid,
    out_trade_no: order._id,
    transaction_id: `42000${String(now).slice(-8)}${String(seq).padStart(15, '0')}`,
    bank_type: 'OTHERS',
    success_time: rfc3339(now),
    trade_type: 'JSAPI',
    trade_state: 'SUCCESS',
    trade_state_desc: '支付成功',
    payer: { sp_openid: `oBench${String(seq).padStart(22, '0')}` },
    amount: {
      total: order.totalFen,
      currency: 'CNY',
      payer_total: order.totalFen,
      payer_currency: 'CNY',
    },
  }
  const nonce = randomBytes(6).toString('hex').toUpperCase()
  return JSON.stringify({
    id: `${randomBytes(4).toString('hex')}-${randomBytes(2).toString('hex')}-5${String(seq).padStart(3, '0').slice(-3)}-${randomBytes(2).toString('hex')}-${randomBytes(6).toString('hex')}`,
    create_time: rfc3339(now),
    resource_type: 'encrypt-resource',
    event_type: 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    resource: {
      original_type: 'transaction',
      algorithm: 'AEAD_AES_256_GCM',
      ciphertext: gcmEncrypt(JSON.stringify(payload), SANDBOX_APIV3_KEY, nonce, 'transaction'),
      associated_data: 'transaction',
      nonce,
    },
  })
}

interface Prepared {
  body: Buffer
  headers: Record<string, string | number>
}

/**
 * One delivery per order plus `total - orders.length` re-deliveries of random orders' bodies,
 * shuffled; every delivery signed afresh (its own timestamp and nonce), as WeChat's are.
 */
const prepare = (
  orders: OrderRecord[],
  total: number,
  platformKey: KeyObject,
  serial: string,
  label: string,
): Prepared[] => {
  const now = Date.now()
  const bodies = orders.map((o, i) => notificationBody(o, i, now))
  const deliveries = [...bodies]
  while (deliveries.length < total) deliveries.push(bodies[int(0, bodies.length - 1)]!)
  shuffle(deliveries)
  const started = performance.now()
  return deliveries.map((body, i) => {
    if (i > 0 && i % 2_000 === 0)
      progress(`  ${label}: signed ${i.toLocaleString()} / ${total.toLocaleString()}`)
    const timestamp = String(Math.floor(Date.now() / 1000))
    const nonce = randomBytes(16).toString('hex').toUpperCase()
    const signature = createSign('RSA-SHA256')
      .update(`${timestamp}\n${nonce}\n${body}\n`)
      .sign(platformKey, 'base64')
    const bytes = Buffer.from(body, 'utf8')
    if (i === total - 1)
      progress(
        `  ${label}: ${total.toLocaleString()} deliveries signed in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      )
    return {
      body: bytes,
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': bytes.length,
        'Wechatpay-Timestamp': timestamp,
        'Wechatpay-Nonce': nonce,
        'Wechatpay-Signature': signature,
        'Wechatpay-Serial': serial,
        'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
      },
    }
  })
}

// -------------------------------------------------------------------------------------------
// The sender: keep-alive connections, `concurrency` requests in flight
// -------------------------------------------------------------------------------------------

interface SendResult {
  seconds: number
  latenciesMs: number[]
  /** Deliveries not answered 200 with code SUCCESS: "status body". */
  failures: string[]
}

/**
 * The sender runs on its own thread, as WeChat Pay's servers are not ours: the local cloud's
 * event loop serves and nothing else. Plain JS (a worker evaluated from a string needs no loader).
 */
const SENDER = `
const { parentPort, workerData } = require('node:worker_threads')
const http = require('node:http')
const { target, requests, concurrency } = workerData
const url = new URL(target)
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency })
const latenciesMs = new Array(requests.length)
const failures = []
const post = (p) => new Promise((resolve, reject) => {
  const req = http.request({ agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: p.headers }, (res) => {
    const chunks = []
    res.on('data', (c) => chunks.push(c))
    res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }))
    res.on('error', reject)
  })
  req.on('error', reject)
  req.end(p.body)
})
let next = 0
let done = 0
const loop = async () => {
  while (next < requests.length) {
    const i = next++
    const t = performance.now()
    try {
      const res = await post(requests[i])
      let code
      try { code = JSON.parse(res.text).code } catch {}
      if (res.status !== 200 || code !== 'SUCCESS') failures.push(res.status + ' ' + res.text)
    } catch (e) {
      failures.push('network ' + (e && e.message))
    }
    latenciesMs[i] = performance.now() - t
    if (++done % 2000 === 0) parentPort.postMessage({ answered: done })
  }
}
const started = performance.now()
Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, loop)).then(() => {
  const seconds = (performance.now() - started) / 1000
  agent.destroy()
  parentPort.postMessage({ seconds, latenciesMs, failures })
})
`

/** Sends every prepared request to `target` with CONCURRENCY in flight; timed from the first request to the last answer. */
const send = (target: string, requests: Prepared[], label: string) =>
  new Promise<SendResult>((resolve, reject) => {
    const worker = new Worker(SENDER, {
      eval: true,
      workerData: { target, requests, concurrency: CONCURRENCY },
    })
    worker.on('message', (m: { answered?: number } & Partial<SendResult>) => {
      if (m.answered !== undefined) progress(`  ${label}: ${m.answered.toLocaleString()} answered`)
      else void worker.terminate().then(() => resolve(m as SendResult))
    })
    worker.on('error', reject)
  })

// -------------------------------------------------------------------------------------------
// The naive handler
// -------------------------------------------------------------------------------------------

const startNaive = async (file: string, orders: OrderRecord[]) => {
  const db = new Database(file)
  // What you get by not thinking about it: rollback journal, every commit fsync'd, autocommit per statement.
  db.pragma('journal_mode = DELETE')
  db.pragma('synchronous = FULL')
  db.exec(`CREATE TABLE orders (_id TEXT PRIMARY KEY, doc TEXT NOT NULL);
    CREATE TABLE notifications (_id TEXT PRIMARY KEY, doc TEXT NOT NULL);
    CREATE TABLE ledger_entries (_id TEXT PRIMARY KEY, order_id TEXT, doc TEXT NOT NULL);
    CREATE TABLE balances (_id TEXT PRIMARY KEY, balance_fen INTEGER NOT NULL)`)
  const insertOrder = db.prepare('INSERT INTO orders (_id, doc) VALUES (?, ?)')
  db.transaction(() => orders.forEach((o) => insertOrder.run(o._id, JSON.stringify(o))))()
  const { certificate, serial } = sandboxKeys().platform
  const q = {
    seen: db.prepare('SELECT 1 FROM notifications WHERE _id = ?'),
    order: db.prepare('SELECT doc FROM orders WHERE _id = ?'),
    cas: db.prepare(
      `UPDATE orders SET doc = ? WHERE _id = ? AND json_extract(doc, '$.version') = ?`,
    ),
    entry: db.prepare('INSERT INTO ledger_entries (_id, order_id, doc) VALUES (?, ?, ?)'),
    balance: db.prepare(
      'INSERT INTO balances (_id, balance_fen) VALUES (?, ?) ON CONFLICT(_id) DO UPDATE SET balance_fen = balance_fen + excluded.balance_fen',
    ),
    remember: db.prepare('INSERT OR IGNORE INTO notifications (_id, doc) VALUES (?, ?)'),
  }
  const handle = (headers: IncomingMessage['headers'], raw: Buffer): number => {
    const h = (name: string) => String(headers[name] ?? '')
    // A fresh parse of the platform certificate per request (no cache).
    const cert = new X509Certificate(certificate)
    if (h('wechatpay-serial').toUpperCase() !== serial) return 401
    if (Math.abs(Date.now() - Number(h('wechatpay-timestamp')) * 1000) > 300_000) return 401
    const message = `${h('wechatpay-timestamp')}\n${h('wechatpay-nonce')}\n${raw.toString('utf8')}\n`
    if (
      !createVerify('RSA-SHA256')
        .update(message)
        .verify(cert.publicKey, h('wechatpay-signature'), 'base64')
    )
      return 401
    const n = JSON.parse(raw.toString('utf8')) as {
      id: string
      resource: { ciphertext: string; nonce: string; associated_data: string }
    }
    const buf = Buffer.from(n.resource.ciphertext, 'base64')
    const decipher = createDecipheriv(
      'aes-256-gcm',
      Buffer.from(SANDBOX_APIV3_KEY),
      Buffer.from(n.resource.nonce),
    )
    decipher.setAAD(Buffer.from(n.resource.associated_data))
    decipher.setAuthTag(buf.subarray(buf.length - 16))
    const r = JSON.parse(
      Buffer.concat([decipher.update(buf.subarray(0, buf.length - 16)), decipher.final()]).toString(
        'utf8',
      ),
    ) as {
      out_trade_no: string
      transaction_id: string
      sub_mchid: string
      amount: { total: number }
    }
    if (q.seen.get(n.id)) return 200
    const row = q.order.get(r.out_trade_no) as { doc: string } | undefined
    if (!row) return 500
    const order = JSON.parse(row.doc) as OrderRecord
    if (order.totalFen !== r.amount.total || order.subMchid !== r.sub_mchid) return 500
    if (order.state === 'pending_payment') {
      const now = Date.now()
      const next = {
        ...order,
        state: 'paid',
        transactionId: r.transaction_id,
        paidAt: now,
        updatedAt: now,
        version: order.version + 1,
      }
      if (q.cas.run(JSON.stringify(next), order._id, order.version).changes === 1) {
        const lines = [
          { account: `escrow:${order._id}`, amountFen: order.totalFen },
          { account: 'buyers', amountFen: -order.totalFen },
        ]
        q.entry.run(
          `pay:${order._id}`,
          order._id,
          JSON.stringify({ kind: 'payment', orderId: order._id, lines, at: now }),
        )
        for (const l of lines) q.balance.run(l.account, l.amountFen)
      }
    }
    q.remember.run(
      n.id,
      JSON.stringify({ eventType: 'TRANSACTION.SUCCESS', key: order._id, at: Date.now() }),
    )
    return 200
  }
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      let status: number
      try {
        status = handle(req.headers, Buffer.concat(chunks))
      } catch {
        status = 500
      }
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
      res.end(
        JSON.stringify(
          status === 200 ? { code: 'SUCCESS', message: '成功' } : { code: 'FAIL', message: 'FAIL' },
        ),
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pay-notify`
  const paid = () =>
    (
      db
        .prepare(`SELECT count(*) AS n FROM orders WHERE json_extract(doc, '$.state') = 'paid'`)
        .get() as { n: number }
    ).n
  const close = async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
    db.close()
  }
  return { url, paid, close }
}

/**
 * CPU time of this process's main thread (the local cloud's event loop; the sender has its own
 * thread) from /proc, in ms; null where there is no /proc. On a shared machine this says what the
 * server costs per notification regardless of what else runs.
 */
const mainThreadCpuMs = (): number | null => {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 // utime + stime, USER_HZ = 100
  } catch {
    return null
  }
}

/** `--cpu-prof-send FILE`: a CPU profile of the timed sending only (not the set-up or the signing). */
const profiled = async <T>(fn: () => Promise<T>): Promise<T> => {
  const i = process.argv.indexOf('--cpu-prof-send')
  if (i < 0) return fn()
  const { Session } = await import('node:inspector/promises')
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 200 })
  await session.post('Profiler.start')
  try {
    return await fn()
  } finally {
    const { profile } = await session.post('Profiler.stop')
    writeFileSync(process.argv[i + 1]!, JSON.stringify(profile))
    progress(`CPU profile of the sending written to ${process.argv[i + 1]}`)
    session.disconnect()
  }
}

// -------------------------------------------------------------------------------------------
// The run
// -------------------------------------------------------------------------------------------

/** Every ledger entry balances, the accounts' running balances match the entries, one payment per order of its total. */
const checkLedger = async (
  store: import('../cloudfunctions/src/modules/core/ports/document-store.port').DocumentStore,
  orders: OrderRecord[],
) => {
  const entries: LedgerEntryRecord[] = []
  let cursor: string | undefined
  do {
    const page = await store.find(LedgerEntries, {}, { limit: MAX_FIND_LIMIT, cursor })
    entries.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  const problems: string[] = []
  const lineSum = entries.reduce((s, e) => s + e.lines.reduce((t, l) => t + l.amountFen, 0), 0)
  if (lineSum !== 0) problems.push(`ledger lines sum to ${lineSum}`)
  const byOrder = new Map<string, LedgerEntryRecord[]>()
  for (const e of entries)
    if (e.kind === 'payment' && e.orderId)
      byOrder.set(e.orderId, [...(byOrder.get(e.orderId) ?? []), e])
  for (const o of orders) {
    const mine = byOrder.get(o._id) ?? []
    const escrow = mine.flatMap((e) => e.lines).filter((l) => l.account === `escrow:${o._id}`)
    if (mine.length !== 1 || escrow.length !== 1 || escrow[0]!.amountFen !== o.totalFen) {
      problems.push(
        `order ${o._id}: ${mine.length} payment entries, escrow ${escrow.map((l) => l.amountFen).join('+') || 0} for ${o.totalFen}`,
      )
    }
  }
  if (entries.length !== orders.length)
    problems.push(`${entries.length} ledger entries for ${orders.length} orders`)
  const expected = balances(entries.map(({ _id, ...e }) => ({ key: _id, ...e })))
  for (const [account, fen] of expected) {
    // Only party accounts keep running balances (post-entry.ts); platform-wide ones are summed.
    if (!/^(seller|withdrawn|escrow|claim):/.test(account)) continue
    const stored = (await store.get(AccountBalances, account))?.balanceFen ?? 0
    if (stored !== fen) problems.push(`running balance ${account} is ${stored}, entries say ${fen}`)
  }
  const total = orders.reduce((s, o) => s + o.totalFen, 0)
  if (expected.get('buyers') !== -total)
    problems.push(`buyers account ${expected.get('buyers')}, orders total ${-total}`)
  return problems
}

const main = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'linquan-notify-bench-'))
  const functionsDir = join(dir, 'functions')
  let started = performance.now()
  await buildFunctions({ outDir: functionsDir, only: ['pay-notify'] })
  progress(`built pay-notify in ${Math.round(performance.now() - started)} ms; data in ${dir}`)

  const cloud = await startBenchCloud(dir, functionsDir, [
    createWechatPaySandbox({ timers: 'manual' }),
  ])
  const { store, ids, clock } = cloud.container
  // Sealed with the cloud's own key, as checkout would (pay-notify never opens it).
  const courierAddress = sealShippingAddress(cloud.container, {
    name: '张三',
    phone: '13800138000',
    region: '上海市 浦东新区',
    detail: '世纪大道 100 号 8 楼',
  })
  try {
    // Pending orders, straight into the store, a batch per transaction.
    started = performance.now()
    const orders: OrderRecord[] = []
    for (let i = 0; i < ORDERS; i += INSERT_BATCH) {
      const batch = Array.from({ length: Math.min(INSERT_BATCH, ORDERS - i) }, () =>
        makeOrder(ids.next(), clock.now(), courierAddress),
      )
      await store.transaction(async (tx) => {
        for (const o of batch) {
          await tx.insert(Orders, o)
          await tx.insert(OrderLocks, { _id: o.listingId, orderId: o._id, createdAt: o.createdAt })
        }
      })
      orders.push(...batch)
    }
    progress(
      `${ORDERS.toLocaleString()} pending orders in ${Math.round(performance.now() - started)} ms`,
    )

    const keys = sandboxKeys()
    const platformKey = createPrivateKey(keys.platform.privateKey)
    const requests = prepare(orders, NOTIFICATIONS, platformKey, keys.platform.serial, 'pay-notify')
    const naiveOrders = Array.from({ length: NAIVE_ORDERS }, () =>
      makeOrder(ids.next(), clock.now(), courierAddress),
    )
    const naiveRequests = prepare(naiveOrders, NAIVE, platformKey, keys.platform.serial, 'naive')

    // Loads the bundle (a GET is refused with 405 before anything is read or written).
    await fetch(`${cloud.url}/http/pay-notify/payment`)

    progress(
      `sending ${NOTIFICATIONS.toLocaleString()} notifications for ${ORDERS.toLocaleString()} orders, ${CONCURRENCY} in flight`,
    )
    const cpuBefore = mainThreadCpuMs()
    const eluBefore = performance.eventLoopUtilization()
    const run = await profiled(() =>
      send(`${cloud.url}/http/pay-notify/payment`, requests, 'pay-notify'),
    )
    const cpuAfter = mainThreadCpuMs()
    const elu = performance.eventLoopUtilization(eluBefore)
    const paidOrders = await store.count(Orders, { state: 'paid' })
    const remembered = await store.count(WechatNotifications, {})
    const problems = await checkLedger(store, orders)
    if (remembered !== ORDERS)
      problems.push(`${remembered} notification ids remembered, ${ORDERS} distinct sent`)
    if (run.failures.length)
      problems.push(
        `${run.failures.length} deliveries not answered 200 SUCCESS, e.g. ${run.failures.slice(0, 3).join(' | ')}`,
      )
    for (const p of problems.slice(0, 10)) progress(`PROBLEM: ${p}`)
    const ledgerBalanced = problems.length === 0
    const perSecond = NOTIFICATIONS / run.seconds
    const p50 = percentile(run.latenciesMs, 50)
    const p95Ms = percentile(run.latenciesMs, 95)
    const p99 = percentile(run.latenciesMs, 99)

    progress(
      `naive handler: ${NAIVE.toLocaleString()} notifications for ${NAIVE_ORDERS.toLocaleString()} orders, ${CONCURRENCY} in flight`,
    )
    const naive = await startNaive(join(dir, 'naive.db'), naiveOrders)
    const naiveCpuBefore = mainThreadCpuMs()
    const naiveRun = await send(naive.url, naiveRequests, 'naive')
    const naiveCpuAfter = mainThreadCpuMs()
    const naivePaid = naive.paid()
    await naive.close()
    const naivePerSecond = NAIVE / naiveRun.seconds
    if (naiveRun.failures.length || naivePaid !== NAIVE_ORDERS) {
      progress(
        `naive PROBLEM: ${naiveRun.failures.length} failures, ${naivePaid}/${NAIVE_ORDERS} paid ${naiveRun.failures.slice(0, 2).join(' | ')}`,
      )
    }

    console.log(
      `pay-notify  ${NOTIFICATIONS} in ${run.seconds.toFixed(2)} s = ${Math.round(perSecond)}/s | p50 ${p50.toFixed(1)} ms p95 ${p95Ms.toFixed(1)} ms p99 ${p99.toFixed(1)} ms | paid ${paidOrders}/${ORDERS} | balanced ${ledgerBalanced}`,
    )
    const cpuPer =
      cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / NOTIFICATIONS
    const naiveCpuPer =
      naiveCpuBefore === null || naiveCpuAfter === null
        ? null
        : (naiveCpuAfter - naiveCpuBefore) / NAIVE
    console.log(
      `server      event loop busy ${Math.round(elu.utilization * 100)}% of the run; main thread CPU ${cpuPer === null ? 'n/a' : `${cpuPer.toFixed(3)} ms per notification (${Math.round(1000 / cpuPer)}/s on a core of its own)`}; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    )
    console.log(
      `naive       ${NAIVE} in ${naiveRun.seconds.toFixed(2)} s = ${Math.round(naivePerSecond)}/s | p50 ${percentile(naiveRun.latenciesMs, 50).toFixed(1)} ms p95 ${percentile(naiveRun.latenciesMs, 95).toFixed(1)} ms | paid ${naivePaid}/${NAIVE_ORDERS} | CPU ${naiveCpuPer?.toFixed(3) ?? 'n/a'} ms per notification | ${(perSecond / naivePerSecond).toFixed(1)}x`,
    )
    console.log(
      JSON.stringify({
        notifications: NOTIFICATIONS,
        orders: ORDERS,
        paidOrders,
        perSecond: Math.round(perSecond),
        p95Ms: round(p95Ms, 1),
        ledgerBalanced,
        naivePerSecond: Math.round(naivePerSecond),
        ratio: round(perSecond / naivePerSecond, 2),
        cpuMsPerNotification: cpuPer === null ? null : round(cpuPer, 3),
      }),
    )
  } finally {
    await cloud.close()
    if (process.argv.includes('--keep')) progress(`kept ${dir}`)
    else rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
