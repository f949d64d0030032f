import fc from 'fast-check'
import { SANDBOX_SP_MCHID } from '../keys'
import { type Harness, startHarness } from './harness'

/**
 * Random sequences of pay / share / finish / return / refund / withdraw calls, with repeats of
 * earlier keys and calls that time out after taking effect, all over HTTP with real signatures.
 * After every step: the books balance, and they equal an independent model in which each
 * caller key moves money at most once.
 */

const SUBS = ['1900200001', '1900200002']

type Cmd =
  | { t: 'pay'; sub: number; amount: number }
  | { t: 'share'; order: number; amount: number; finish: boolean }
  | { t: 'finish'; order: number }
  | { t: 'return'; share: number; amount: number }
  | { t: 'refund'; order: number; amount: number }
  | { t: 'withdraw'; sub: number; amount: number }
  | { t: 'replay'; which: number }

const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  fc.record({
    t: fc.constant('pay' as const),
    sub: fc.nat(1),
    amount: fc.integer({ min: 1, max: 5_000 }),
  }),
  fc.record({
    t: fc.constant('share' as const),
    order: fc.nat(9),
    amount: fc.integer({ min: 1, max: 3_000 }),
    finish: fc.boolean(),
  }),
  fc.record({ t: fc.constant('finish' as const), order: fc.nat(9) }),
  fc.record({
    t: fc.constant('return' as const),
    share: fc.nat(9),
    amount: fc.integer({ min: 1, max: 500 }),
  }),
  fc.record({
    t: fc.constant('refund' as const),
    order: fc.nat(9),
    amount: fc.integer({ min: 1, max: 4_000 }),
  }),
  fc.record({
    t: fc.constant('withdraw' as const),
    sub: fc.nat(1),
    amount: fc.integer({ min: 1, max: 5_000 }),
  }),
  fc.record({ t: fc.constant('replay' as const), which: fc.nat(50) }),
)

interface Order {
  out_trade_no: string
  transaction_id: string
  sub: string
  total: number
  frozen: number
  refunded: number
  finished: boolean
}

interface Model {
  paid: number
  refunded: number
  platform: number
  subs: Record<string, { frozen: number; available: number; withdrawn: number }>
  orders: Order[]
  shares: { out_order_no: string; sub: string; amount: number; returned: number }[]
}

let h: Harness
beforeAll(async () => {
  h = await startHarness({ subMchids: SUBS })
})
afterAll(() => h.close())

test('books balance and match the model after every step; no key moves money twice', async () => {
  let run = 0
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.tuple(cmd, fc.boolean()), { minLength: 1, maxLength: 25 }),
      async (steps) => {
        run += 1
        h.sandbox.faults.reset()
        // Each run starts from the books the previous run left; the model starts from them too.
        const start = h.sandbox.books.snapshot()
        const m: Model = {
          paid: start.paid,
          refunded: start.refunded,
          platform: start.platform,
          subs: Object.fromEntries(
            SUBS.map((s) => [
              s,
              start.subMerchants[s] ?? { frozen: 0, available: 0, withdrawn: 0 },
            ]),
          ),
          orders: [],
          shares: [],
        }
        const sent: { path: string; body: Record<string, unknown> }[] = []
        let n = 0
        const key = (p: string) =>
          `${p}${String(run).padStart(4, '0')}x${String(++n).padStart(4, '0')}`

        /** Sends a call; with `timeout`, the first attempt is cut after taking effect and retried. */
        const send = async (path: string, body: Record<string, unknown>, timeout: boolean) => {
          if (timeout) {
            h.sandbox.faults.set({ apiTimeouts: 1 })
            await expect(h.call('POST', path, body)).rejects.toThrow()
          }
          const r = await h.call('POST', path, body)
          // Only keys that moved money are replayed: a refused key (e.g. NOT_ENOUGH) may rightly succeed later.
          if (r.status === 200) sent.push({ path, body })
          return r
        }

        for (const [c, timeout] of steps) {
          const before = JSON.stringify(h.sandbox.books.snapshot())
          if (c.t === 'pay') {
            const sub = SUBS[c.sub]
            const body = h.jsapiBody({ sub_mchid: sub, out_trade_no: key('T') }, c.amount)
            const r = await send('/v3/pay/partner/transactions/jsapi', body, timeout)
            expect(r.status).toBe(200)
            const paid = h.sandbox.pay(body.out_trade_no as string)
            m.orders.push({
              out_trade_no: body.out_trade_no as string,
              transaction_id: paid.transaction_id as string,
              sub,
              total: c.amount,
              frozen: c.amount,
              refunded: 0,
              finished: false,
            })
            m.paid += c.amount
            m.subs[sub].frozen += c.amount
          } else if (c.t === 'share' || c.t === 'finish') {
            const o = m.orders[c.order % Math.max(1, m.orders.length)]
            if (!o) continue
            const out_order_no = key('PS')
            const r =
              c.t === 'share'
                ? await send(
                    '/v3/ecommerce/profitsharing/orders',
                    {
                      sub_mchid: o.sub,
                      transaction_id: o.transaction_id,
                      out_order_no,
                      receivers: [
                        {
                          type: 'MERCHANT_ID',
                          receiver_account: SANDBOX_SP_MCHID,
                          amount: c.amount,
                          description: '佣金',
                        },
                      ],
                      finish: c.finish,
                    },
                    timeout,
                  )
                : await send(
                    '/v3/ecommerce/profitsharing/finish-order',
                    {
                      sub_mchid: o.sub,
                      transaction_id: o.transaction_id,
                      out_order_no,
                      description: '完结',
                    },
                    timeout,
                  )
            const amount = c.t === 'share' ? c.amount : 0
            const expectOk = !o.finished && amount <= o.frozen
            expect(r.status === 200).toBe(expectOk)
            if (!expectOk) continue
            m.subs[o.sub].frozen -= amount
            o.frozen -= amount
            m.platform += amount
            if (c.t === 'share') m.shares.push({ out_order_no, sub: o.sub, amount, returned: 0 })
            if (c.t === 'finish' || c.finish) {
              m.subs[o.sub].frozen -= o.frozen
              m.subs[o.sub].available += o.frozen
              o.frozen = 0
              o.finished = true
            }
          } else if (c.t === 'return') {
            const s = m.shares[c.share % Math.max(1, m.shares.length)]
            if (!s) continue
            const r = await send(
              '/v3/ecommerce/profitsharing/returnorders',
              {
                sub_mchid: s.sub,
                out_order_no: s.out_order_no,
                out_return_no: key('RT'),
                return_mchid: SANDBOX_SP_MCHID,
                amount: c.amount,
                description: '回退',
              },
              timeout,
            )
            const expectOk = c.amount <= s.amount - s.returned && c.amount <= m.platform
            expect(r.status === 200).toBe(expectOk)
            if (!expectOk) continue
            s.returned += c.amount
            m.platform -= c.amount
            m.subs[s.sub].available += c.amount
          } else if (c.t === 'refund') {
            const o = m.orders[c.order % Math.max(1, m.orders.length)]
            if (!o) continue
            const r = await send(
              '/v3/ecommerce/refunds/apply',
              {
                sub_mchid: o.sub,
                out_trade_no: o.out_trade_no,
                out_refund_no: key('RF'),
                amount: { refund: c.amount, total: o.total, currency: 'CNY' },
              },
              timeout,
            )
            const fromFrozen = Math.min(c.amount, o.frozen)
            const expectOk =
              c.amount <= o.total - o.refunded && c.amount - fromFrozen <= m.subs[o.sub].available
            expect(r.status === 200).toBe(expectOk)
            if (!expectOk) continue
            o.frozen -= fromFrozen
            o.refunded += c.amount
            m.subs[o.sub].frozen -= fromFrozen
            m.subs[o.sub].available -= c.amount - fromFrozen
            m.refunded += c.amount
          } else if (c.t === 'withdraw') {
            const sub = SUBS[c.sub]
            const r = await send(
              '/v3/ecommerce/fund/withdraw',
              { sub_mchid: sub, out_request_no: key('WD'), amount: c.amount },
              timeout,
            )
            const expectOk = c.amount <= m.subs[sub].available
            expect(r.status === 200).toBe(expectOk)
            if (!expectOk) continue
            m.subs[sub].available -= c.amount
            m.subs[sub].withdrawn += c.amount
          } else {
            // Replay an earlier successful request verbatim: whatever it answers, no money moves.
            const old = sent[c.which % Math.max(1, sent.length)]
            if (!old) continue
            const r = await h.call('POST', old.path, old.body)
            expect([200, 400, 403, 404]).toContain(r.status)
            expect(JSON.stringify(h.sandbox.books.snapshot())).toBe(before)
          }
          const snap = h.sandbox.books.snapshot()
          expect(h.sandbox.books.balanced()).toBe(true)
          expect({ paid: snap.paid, refunded: snap.refunded, platform: snap.platform }).toEqual({
            paid: m.paid,
            refunded: m.refunded,
            platform: m.platform,
          })
          for (const s of SUBS)
            expect(snap.subMerchants[s] ?? { frozen: 0, available: 0, withdrawn: 0 }).toEqual(
              m.subs[s],
            )
          for (const o of m.orders) {
            const q = h.sandbox.engine.queryTransaction(o.out_trade_no, o.sub)
            expect(q.trade_state).toBe(o.refunded > 0 ? 'REFUND' : 'SUCCESS')
          }
        }
        const { paid, refunded, platform, subMerchants } = h.sandbox.books.snapshot()
        const held = Object.values(subMerchants).reduce(
          (s, b) => s + b.frozen + b.available + b.withdrawn,
          0,
        )
        expect(paid).toBe(held + platform + refunded)
      },
    ),
    { numRuns: 40 },
  )
}, 60_000)
