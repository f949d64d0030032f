import fc from 'fast-check'
import { orderHousekeeping } from '../src/modules/housekeeping'
import {
  compareBooks,
  reconcileStuckPayments,
} from '../src/modules/payments/application/reconcile.use-case'
import { runOrderJobs } from '../src/modules/order/application/order-jobs'
import { Orders } from '../src/modules/order/domain/order.record'
import type { PaymentGateway } from '../src/modules/payments/ports/payment-gateway.port'
import { orderMoney } from '../src/modules/ledger/domain/ledger'
import { SellerClaims } from '../src/modules/fund/domain/seller-claim.record'
import { SELLER_RETURNS_ADDRESS } from '../local/mothers/address.mother'
import { startEscrowCloud, type EscrowCloud } from './escrow-harness'

/**
 * Random sequences of buyer, seller, operator, timer and WeChat Pay fault events against the real
 * functions and the sandboxes (WeChat Pay, kuaidi100 for real return parcels). After every event:
 * the ledger balances, every order's paid = in escrow + released + refunded, no order is both
 * released and fully refunded, 先行赔付 never exceeds paid − refunded and is final only when paid,
 * and no money-moving WeChat call went through twice for one key. A 先行赔付's claim on the seller is
 * collected from later releases: never more than owed, never more than a release's part after
 * commission, at most once per release, and releases in flight never reserve more than is owed. At the end, once the faults stop and
 * time passes, every decided settlement is through and our books equal WeChat's.
 */

const MINUTE = 60_000
const DAY = 86_400_000
const MONEY_CALLS = new Set([
  'closeOrder',
  'createProfitSharing',
  'finishProfitSharing',
  'refund',
  'withdraw',
])

type Ev =
  | { t: 'checkout'; i: number; meetup: boolean }
  | { t: 'pay'; i: number }
  | {
      t: 'buyer'
      i: number
      action: 'cancel' | 'confirm' | 'refundOnly' | 'refundReturn' | 'shipReturn' | 'fakeReturn'
    }
  | {
      t: 'seller'
      i: number
      action: 'ship' | 'handOver' | 'agree' | 'refuse' | 'receiveReturn' | 'contestReturn'
    }
  | {
      t: 'operator'
      i: number
      action: 'refund' | 'partial' | 'release' | 'compensate'
      pct: number
    }
  | { t: 'time'; ms: number }
  | { t: 'worker' }
  | { t: 'fault'; kind: string }

const LISTINGS = 3
const idx = fc.integer({ min: 0, max: LISTINGS - 1 })
const event: fc.Arbitrary<Ev> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ t: fc.constant('checkout' as const), i: idx, meetup: fc.boolean() }),
  },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('pay' as const), i: idx }) },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('buyer' as const),
      i: idx,
      action: fc.constantFrom(
        'cancel',
        'confirm',
        'refundOnly',
        'refundReturn',
        'shipReturn',
        'fakeReturn',
      ),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('seller' as const),
      i: idx,
      action: fc.constantFrom(
        'ship',
        'handOver',
        'agree',
        'refuse',
        'receiveReturn',
        'contestReturn',
      ),
    }),
  },
  // Compensation amounts up to 120% of the order: the cap must refuse what goes past it.
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('operator' as const),
      i: idx,
      action: fc.constantFrom('refund', 'partial', 'release', 'compensate'),
      pct: fc.integer({ min: 1, max: 120 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('time' as const),
      ms: fc.constantFrom(5_000, 15 * MINUTE, DAY, 3 * DAY, 8 * DAY),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ t: 'worker' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('fault' as const),
      kind: fc.constantFrom(
        'duplicateNotifications',
        'reorderNotifications',
        'delayNotifications',
        'dropNotifications',
        'wrongKeyNotifications',
        'apiErrors',
        'apiTimeouts',
        'apiRateLimited',
      ),
    }),
  },
)

/** Wraps the gateway to count successful money-moving calls per deterministic key. */
const recordCalls = (cloud: EscrowCloud) => {
  const succeeded = new Map<string, number>()
  const inner = cloud.container.payments
  const keyOf = (method: string, input: any) =>
    `${method}:${input?.outRefundNo ?? input?.outOrderNo ?? input?.outRequestNo ?? input?.outTradeNo}`
  cloud.container.payments = new Proxy(inner, {
    get(target, prop: keyof PaymentGateway) {
      const fn = target[prop] as (...a: unknown[]) => unknown
      if (typeof fn !== 'function' || !MONEY_CALLS.has(prop))
        return typeof fn === 'function' ? fn.bind(target) : fn
      return async (...args: unknown[]) => {
        const result = await fn.apply(target, args)
        const key = keyOf(prop, args[0])
        succeeded.set(key, (succeeded.get(key) ?? 0) + 1)
        return result
      }
    },
  })
  return succeeded
}

describe('escrow property: random buyer, seller, operator, timer and fault sequences', () => {
  it('never loses or duplicates a fen', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 5, maxLength: 30 }), async (events) => {
        const cloud = await startEscrowCloud({ delivery: true })
        try {
          const sellerId = await cloud.signUp('o-seller')
          await cloud.signUp('o-buyer')
          await cloud.makeOperator(await cloud.signUp('o-operator'))
          await cloud.onboard(sellerId)
          // Agreeing to a return sends the item to the seller's default address.
          await cloud.saveAddress('o-seller', SELLER_RETURNS_ADDRESS)
          const listings: string[] = []
          for (let i = 0; i < LISTINGS; i++) {
            const l = await cloud.publish('o-seller', {
              title: `测试宝贝 ${i + 1} 号`,
              priceFen: 3_000 + i * 4_321,
              trade: { shipping: { payer: 'buyer', feeFen: 800 }, meetup: true, pickup: false },
            })
            listings.push(l.id)
          }
          const succeeded = recordCalls(cloud)
          // Every parcel gets its own number: a waybill is used by one journey only.
          let parcels = 0
          const nextWaybill = (prefix: 'SF' | 'YT') =>
            `${prefix}${String(1_234_567_890_000 + parcels++)}`
          const orders: (string | null)[] = Array(LISTINGS).fill(null)
          const get = async (i: number) =>
            orders[i] ? cloud.container.store.get(Orders, orders[i]!) : null

          const apply = async (e: Ev) => {
            const id = orders['i' in e ? e.i : 0]
            const o = { orderId: id }
            switch (e.t) {
              case 'checkout': {
                const res = await cloud.order(
                  'o-buyer',
                  'checkout',
                  e.meetup
                    ? { listingId: listings[e.i], fulfilment: 'meetup' }
                    : {
                        listingId: listings[e.i],
                        fulfilment: 'courier',
                        addressId: await cloud.addressIdOf('o-buyer'),
                      },
                )
                if (res.ok) orders[e.i] = res.data.id
                return res
              }
              case 'pay': {
                if (!id) return
                const res = await cloud.order('o-buyer', 'pay', o)
                if (res.ok) await cloud.control('POST', 'pay', { out_trade_no: id })
                await cloud.advance(0)
                return res
              }
              case 'buyer': {
                if (!id) return
                if (e.action === 'refundOnly' || e.action === 'refundReturn')
                  return cloud.order('o-buyer', 'requestRefund', {
                    ...o,
                    type: e.action === 'refundOnly' ? 'refund_only' : 'return',
                    reason: '随机测试退款',
                  })
                if (e.action === 'shipReturn') {
                  // A real parcel back to the seller's 上海 address, collected at a counter.
                  const waybillNo = nextWaybill('YT')
                  cloud.kuaidi100!.ship({
                    company: 'yuantong',
                    waybillNo,
                    fromCity: '上海',
                    toCity: '上海',
                  })
                  await cloud.advance(60_000)
                  return cloud.order('o-buyer', 'shipReturn', { ...o, waybillNo })
                }
                if (e.action === 'fakeReturn') {
                  // The outbound parcel's own number as the "return": always refused.
                  const outbound = (await get(e.i))?.shipment?.waybillNo
                  if (!outbound) return
                  const res = await cloud.order('o-buyer', 'shipReturn', {
                    ...o,
                    waybillNo: outbound,
                  })
                  expect(res.ok).toBe(false)
                  return res
                }
                return cloud.order('o-buyer', e.action, o)
              }
              case 'seller': {
                if (!id) return
                if (e.action === 'ship')
                  return cloud.order('o-seller', 'ship', {
                    ...o,
                    company: '顺丰速运',
                    waybillNo: nextWaybill('SF'),
                  })
                if (e.action === 'contestReturn')
                  return cloud.order('o-seller', 'contestReturn', {
                    ...o,
                    reason: 'damaged',
                    note: '随机异议：退货有问题',
                  })
                if (e.action === 'handOver')
                  return cloud.order('o-seller', 'handOver', {
                    ...o,
                    code: (await get(e.i))?.handoverCode ?? '000000',
                  })
                if (e.action === 'agree' || e.action === 'refuse')
                  return cloud.order('o-seller', 'answerRefund', { ...o, answer: e.action })
                return cloud.order('o-seller', 'receiveReturn', o)
              }
              case 'operator': {
                if (!id) return
                const order = await get(e.i)
                const amount = Math.max(1, Math.floor(((order?.totalFen ?? 100) * e.pct) / 100))
                if (e.action === 'compensate')
                  return cloud.order('o-operator', 'compensate', {
                    ...o,
                    amountFen: amount,
                    note: '随机赔付',
                  })
                return cloud.order('o-operator', 'resolve', {
                  ...o,
                  outcome: e.action,
                  refundFen: e.action === 'partial' ? amount : undefined,
                  note: '随机裁决',
                })
              }
              case 'time':
                await cloud.advance(e.ms)
                return
              case 'worker':
                await orderHousekeeping(cloud.container)
                await reconcileStuckPayments(cloud.container)
                return
              case 'fault':
                await cloud.control('POST', 'faults', { [e.kind]: 1, delayMs: 20_000 })
                return
            }
          }

          const check = async () => {
            const { entries, balances, balanced } = await cloud.ledger()
            expect(balanced).toBe(true)
            for (const orderId of orders.filter((x): x is string => !!x)) {
              const m = orderMoney(entries, orderId)
              expect(m.paid).toBe(m.inEscrow + m.released + m.refunded)
              expect(m.inEscrow).toBeGreaterThanOrEqual(0)
              expect(m.released > 0 && m.paid > 0 && m.refunded === m.paid).toBe(false)
              expect(m.compensated).toBeLessThanOrEqual(m.paid - m.refunded)
              const order = (await cloud.container.store.get(Orders, orderId))!
              // Compensated is final only with the money paid; a refusal never leaves it there.
              if (order.state === 'compensated')
                expect(order.settlement?.compensationDone).toBe(true)
            }
            for (const [key, n] of succeeded)
              if (n > 1) throw new Error(`${key} went through ${n} times`)
            // The claim: owed ≥ 0, deductions within each release's seller part, once per release.
            const owed = balances.get(`claim:${sellerId}`) ?? 0
            expect(owed).toBeGreaterThanOrEqual(0)
            const deductions = entries.filter((e) => e.kind === 'claim_deduction')
            expect(new Set(deductions.map((e) => e.orderId)).size).toBe(deductions.length)
            for (const d of deductions) {
              const release = entries.find((e) => e.kind === 'release' && e.orderId === d.orderId)!
              const sellerPart = release.lines.find((l) => l.account === `seller:${sellerId}`)!
              const taken = -d.lines.find((l) => l.account === `seller:${sellerId}`)!.amountFen
              expect(taken).toBeGreaterThan(0)
              expect(taken).toBeLessThanOrEqual(sellerPart.amountFen)
            }
            const claim = await cloud.container.store.get(SellerClaims, sellerId)
            const reserved = Object.values(claim?.reserved ?? {}).reduce((a, b) => a + b, 0)
            expect(reserved).toBeLessThanOrEqual(owed)
          }

          for (const e of events) {
            const res = await apply(e)
            // Refusals are expected (wrong state, WeChat down); a crash never is.
            if (res && !res.ok) expect(res.error.code).not.toBe('COMMON.INTERNAL')
            await check()
          }

          // Faults stop, time passes: everything decided goes through and the books agree.
          await cloud.control('POST', 'faults', { reset: true })
          await cloud.control('POST', 'flush-held')
          for (let round = 0; round < 6; round++) {
            await cloud.advance(2 * DAY)
            await orderHousekeeping(cloud.container)
            await reconcileStuckPayments(cloud.container)
            await runOrderJobs(cloud.container)
          }
          await check()
          for (const orderId of orders.filter((x): x is string => !!x)) {
            const order = (await cloud.container.store.get(Orders, orderId))!
            const s = order.settlement
            if (s)
              expect({
                id: orderId,
                refund: s.refundFen === 0 || s.refundDone,
                release: s.releaseFen === 0 || s.releaseDone,
              }).toEqual({ id: orderId, refund: true, release: true })
          }
          expect((await compareBooks(cloud.container)).mismatches).toBe(0)
        } finally {
          await cloud.stop()
        }
      }),
      { numRuns: Number(process.env.ESCROW_PROPERTY_RUNS ?? 25) },
    )
  }, 180_000)
})
