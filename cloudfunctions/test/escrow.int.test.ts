import { orderMoney } from '../src/modules/ledger/domain/ledger'
import { orderHousekeeping } from '../src/modules/housekeeping'
import {
  reconcileStuckPayments,
  compareBooks,
} from '../src/modules/payments/application/reconcile.use-case'
import { runOrderJobs } from '../src/modules/order/application/order-jobs'
import { Listings } from '../src/modules/listing/domain/listing.record'
import { main as userMain } from '../src/functions/user'
import {
  aCompletedOrder,
  aCourierOrder,
  aMeetupOrder,
  aPaidCourierOrder,
  aShippedOrder,
} from '../local/mothers/order.mother'
import { startEscrowCloud, type EscrowCloud } from './escrow-harness'

const MINUTE = 60_000
const DAY = 86_400_000

describe('escrow: checkout, payment, release, refunds (function → WeChat Pay sandbox → pay-notify)', () => {
  let cloud: EscrowCloud
  let sellerId: string
  let subMchid: string
  let operatorId: string

  const setup = async (options: Parameters<typeof startEscrowCloud>[0] = {}) => {
    cloud = await startEscrowCloud(options)
    ;[sellerId] = [await cloud.signUp('o-seller')]
    await cloud.signUp('o-buyer')
    await cloud.signUp('o-buyer2')
    operatorId = await cloud.signUp('o-operator')
    await cloud.makeOperator(operatorId)
    subMchid = await cloud.onboard(sellerId)
  }
  beforeEach(() => setup())
  afterEach(() => cloud.stop())

  /** The seller's courier listings here: ¥100, the buyer pays ¥12 shipping. */
  const courier = (over: Record<string, unknown> = {}) => ({
    listing: {
      priceFen: 10_000,
      trade: { shipping: { payer: 'buyer', feeFen: 1_200 }, meetup: true, pickup: false },
      ...over,
    },
  })
  const buyCourier = (over: Record<string, unknown> = {}) => aCourierOrder(cloud, courier(over))
  const invokeUser = async (openid: string, action: string, input: unknown) => {
    const res = (await userMain({ action, input }, cloud.contextFor(openid))) as {
      ok: boolean
      data: any
    }
    return res.data
  }
  const books = async () => (await cloud.control('GET', 'state')).body.books

  it('a courier purchase: server price + shipping, paid by notification, shipped, confirmed, released minus commission', async () => {
    const { listing, order } = await buyCourier()
    expect(order).toMatchObject({
      state: 'pending_payment',
      priceFen: 10_000,
      shippingFen: 1_200,
      totalFen: 11_200,
      commissionFen: 112,
      sellerReceivesFen: 11_088,
    })
    expect(order.actions).toEqual(['pay', 'cancelUnpaid'])

    // One live order per listing: the second buyer is told it is reserved.
    const second = await cloud.order('o-buyer2', 'checkout', {
      listingId: listing.id,
      fulfilment: 'courier',
      addressId: await cloud.addressIdOf('o-buyer2'),
    })
    expect(second).toMatchObject({ ok: false, error: { code: 'ORDER.LISTING_RESERVED' } })
    expect(
      (await cloud.mustOrder('o-buyer2', 'forListing', { listingId: listing.id })).reserved,
    ).toBe(true)

    const pay = await cloud.mustOrder('o-buyer', 'pay', { orderId: order.id })
    expect(pay.params).toMatchObject({
      signType: 'RSA',
      package: expect.stringMatching(/^prepay_id=/),
    })
    await cloud.buyerPays(order.id)

    let seen = await cloud.mustOrder('o-seller', 'get', { orderId: order.id })
    expect(seen).toMatchObject({
      state: 'paid',
      role: 'seller',
      actions: ['bookPickup', 'ship'],
      money: { paidFen: 11_200, inEscrowFen: 11_200 },
    })
    expect((await cloud.container.store.get(Listings, listing.id))!.status).toBe('sold')
    expect((await books()).subMerchants[subMchid]).toMatchObject({ frozen: 11_200, available: 0 })

    // The seller cannot confirm for the buyer, and the buyer cannot ship.
    expect(await cloud.order('o-seller', 'confirm', { orderId: order.id })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.FORBIDDEN' },
    })
    expect(
      await cloud.order('o-buyer', 'ship', {
        orderId: order.id,
        company: '顺丰速运',
        waybillNo: 'SF1234567890',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'COMMON.FORBIDDEN' },
    })
    await cloud.mustOrder('o-seller', 'ship', {
      orderId: order.id,
      company: '顺丰速运',
      waybillNo: 'SF1234567890',
    })
    seen = await cloud.mustOrder('o-buyer', 'confirm', { orderId: order.id })
    expect(seen).toMatchObject({
      state: 'completed',
      money: { releasedFen: 11_200, inEscrowFen: 0, settling: false },
    })

    const { balances, balanced } = await cloud.ledger()
    expect(balanced).toBe(true)
    expect(balances.get(`seller:${sellerId}`)).toBe(11_088)
    expect(balances.get('platform:commission')).toBe(112)
    const b = await books()
    expect(b.subMerchants[subMchid]).toMatchObject({ frozen: 0, available: 11_088 })
    expect(b.platform).toBe(112)
    expect(await compareBooks(cloud.container)).toEqual({ sellers: 1, mismatches: 0 })
  })

  it('同城面交: a wrong handover code changes nothing; the right one releases the money', async () => {
    const { order } = await aMeetupOrder(cloud, { listing: { priceFen: 5_000 } })
    await cloud.buyerPays(order.id)
    const buyerView = await cloud.mustOrder('o-buyer', 'get', { orderId: order.id })
    expect(buyerView.handoverCode).toMatch(/^\d{6}$/)
    expect(
      (await cloud.mustOrder('o-seller', 'get', { orderId: order.id })).handoverCode,
    ).toBeNull()
    const wrong = String((Number(buyerView.handoverCode) + 1) % 1_000_000).padStart(6, '0')
    expect(
      await cloud.order('o-seller', 'handOver', { orderId: order.id, code: wrong }),
    ).toMatchObject({ ok: false, error: { code: 'ORDER.BAD_HANDOVER_CODE' } })
    const done = await cloud.mustOrder('o-seller', 'handOver', {
      orderId: order.id,
      code: buyerView.handoverCode,
    })
    expect(done).toMatchObject({ state: 'completed', money: { releasedFen: 5_000 } })
    expect((await cloud.ledger()).balances.get(`seller:${sellerId}`)).toBe(5_000 - 50)
  })

  it('unpaid orders close after 15 minutes at WeChat too, and the listing is free again', async () => {
    const { listing, order } = await buyCourier()
    await cloud.mustOrder('o-buyer', 'pay', { orderId: order.id })
    // While the buyer is paying, the seller cannot take the listing down or mark it sold elsewhere.
    expect(await cloud.listing('o-seller', 'get', { id: listing.id })).toMatchObject({
      ok: true,
      data: { owner: { actions: ['edit'] } },
    })
    for (const action of ['takeDown', 'markSold'])
      expect(await cloud.listing('o-seller', action, { id: listing.id })).toMatchObject({
        ok: false,
        error: { code: 'LISTING.WRONG_STATUS', message: '买家已下单，请先在订单里处理' },
      })
    await cloud.advance(15 * MINUTE)
    await orderHousekeeping(cloud.container)
    expect((await cloud.mustOrder('o-buyer', 'get', { orderId: order.id })).state).toBe('closed')
    expect(await cloud.control('POST', 'pay', { out_trade_no: order.id })).toMatchObject({
      status: expect.not.stringMatching(/^200$/),
    })
    expect(await cloud.order('o-buyer', 'pay', { orderId: order.id })).toMatchObject({
      ok: false,
      error: { code: 'ORDER.PAYMENT_EXPIRED' },
    })
    expect((await cloud.listing('o-seller', 'takeDown', { id: listing.id })).ok).toBe(true)
    await cloud.listing('o-seller', 'relist', { id: listing.id })
    const again = await cloud.order('o-buyer2', 'checkout', {
      listingId: listing.id,
      fulfilment: 'courier',
      addressId: await cloud.addressIdOf('o-buyer2'),
    })
    expect(again.ok).toBe(true)
  })

  it('cancel after paying refunds in full through the refund notification and puts the listing back on sale', async () => {
    const { listing, order } = await buyCourier()
    await cloud.buyerPays(order.id)
    const cancelled = await cloud.mustOrder('o-buyer', 'cancel', { orderId: order.id })
    expect(cancelled).toMatchObject({ state: 'refunded', money: { settling: true } })
    const relisted = (await cloud.container.store.get(Listings, listing.id))!
    expect(relisted).toMatchObject({
      status: 'active',
      heldBy: null,
      expiresAt: cloud.clock.now() + 30 * 86_400_000,
    })
    await cloud.advance(5_000) // the sandbox's refund succeeds and notifies
    const after = await cloud.mustOrder('o-buyer', 'get', { orderId: order.id })
    expect(after.money).toMatchObject({
      paidFen: 11_200,
      refundedFen: 11_200,
      inEscrowFen: 0,
      settling: false,
    })
    expect((await cloud.ledger()).balanced).toBe(true)
    expect((await books()).subMerchants[subMchid]).toMatchObject({ frozen: 0, available: 0 })
  })

  /** Paid, shipped, refused, decided by an operator: ¥30 back to the buyer, the rest released. */
  const partlyRefunded = async (beforeDecision?: (orderId: string) => Promise<void>) => {
    const { order } = await aShippedOrder(cloud, {
      ...courier(),
      parcel: { company: '中通快递', waybillNo: '78901234567890' },
    })
    await cloud.mustOrder('o-buyer', 'requestRefund', {
      orderId: order.id,
      type: 'refund_only',
      reason: '少了配件',
    })
    await cloud.mustOrder('o-seller', 'answerRefund', {
      orderId: order.id,
      answer: 'refuse',
      note: '发货时配件齐全',
    })
    await beforeDecision?.(order.id)
    await cloud.mustOrder('o-operator', 'resolve', {
      orderId: order.id,
      outcome: 'partial',
      refundFen: 3_000,
      note: '配件缺失，退 30 元',
    })
    await cloud.advance(5_000) // refund succeeds; the release follows in the outbox
    await runOrderJobs(cloud.container)
    return order
  }

  it('a refused refund is decided by an operator: part refunded, the rest released with commission on what the seller keeps', async () => {
    const order = await partlyRefunded(async (orderId) => {
      expect(
        await cloud.order('o-buyer', 'resolve', { orderId, outcome: 'refund', note: '买家自判' }),
      ).toMatchObject({ ok: false })
      const disputes = await cloud.mustOrder('o-operator', 'disputes', {})
      expect(disputes.items.map((d: { id: string }) => d.id)).toEqual([orderId])
    })
    const done = await cloud.mustOrder('o-buyer', 'get', { orderId: order.id })
    expect(done).toMatchObject({
      state: 'completed',
      money: { refundedFen: 3_000, releasedFen: 8_200, inEscrowFen: 0 },
    })
    const { balances, balanced } = await cloud.ledger()
    expect(balanced).toBe(true)
    expect(balances.get(`seller:${sellerId}`)).toBe(8_200 - 82)
  })

  /** Completed, then 先行赔付 of all ¥112 asked for by an operator, and WeChat's answer in. */
  const compensatedInFull = async () => {
    const { order } = await aCompletedOrder(cloud, courier())
    await cloud.mustOrder('o-operator', 'compensate', {
      orderId: order.id,
      amountFen: 11_200,
      note: '假货，平台先行赔付',
    })
    await cloud.advance(5_000)
    return order
  }

  it('先行赔付 after release: the platform advances the refund and a claim on the seller is recorded', async () => {
    const order = await compensatedInFull()
    const o = await cloud.mustOrder('o-buyer', 'get', { orderId: order.id })
    expect(o).toMatchObject({
      state: 'compensated',
      money: { compensatedFen: 11_200, releasedFen: 11_200 },
    })
    const { balances, balanced } = await cloud.ledger()
    expect(balanced).toBe(true)
    expect(balances.get(`claim:${sellerId}`)).toBe(11_200)
    expect(balances.get('platform:guarantee')).toBe(-11_200)
    // The seller's released money at WeChat is untouched: the advance came from the platform.
    expect((await books()).subMerchants[subMchid].available).toBe(11_088)
  })

  it('先行赔付 is capped at what was paid less what was refunded, and is final only once WeChat confirms it', async () => {
    const order = await partlyRefunded()
    const seen = await cloud.mustOrder('o-operator', 'get', { orderId: order.id })
    expect(seen).toMatchObject({
      state: 'completed',
      compensationCapFen: 8_200,
      actions: ['compensate'],
    })
    expect(
      (await cloud.mustOrder('o-buyer', 'get', { orderId: order.id })).compensationCapFen,
    ).toBeNull()
    expect(
      await cloud.order('o-operator', 'compensate', {
        orderId: order.id,
        amountFen: 11_200,
        note: '全额赔付',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'ORDER.COMPENSATION_TOO_HIGH', details: { capFen: 8_200 } },
    })
    expect((await cloud.mustOrder('o-buyer', 'get', { orderId: order.id })).state).toBe('completed')
    const asked = await cloud.mustOrder('o-operator', 'compensate', {
      orderId: order.id,
      amountFen: 8_200,
      note: '假货，赔付剩余部分',
    })
    expect(asked).toMatchObject({
      state: 'compensating',
      money: { compensatedFen: 0, settling: true },
    })
    await cloud.advance(5_000)
    expect(await cloud.mustOrder('o-buyer', 'get', { orderId: order.id })).toMatchObject({
      state: 'compensated',
      money: { refundedFen: 3_000, compensatedFen: 8_200 },
    })
    expect((await cloud.ledger()).balanced).toBe(true)
  })

  it('a 先行赔付 WeChat refuses goes back to the operator with the reason, nothing moved; a smaller one then goes through under a new key', async () => {
    await cloud.stop()
    await setup({ sandbox: { advanceDepositFen: 5_000 } })
    const order = await compensatedInFull()
    await runOrderJobs(cloud.container)
    const refused = await cloud.mustOrder('o-operator', 'get', { orderId: order.id })
    expect(refused).toMatchObject({
      state: 'completed',
      actions: ['compensate'],
      money: { compensatedFen: 0, settling: false },
    })
    expect(refused.events.at(-1)).toMatchObject({
      transition: 'compensationRefused',
      note: expect.stringContaining('NOT_ENOUGH'),
    })
    expect((await cloud.ledger()).balances.get(`claim:${sellerId}`) ?? 0).toBe(0)
    await cloud.mustOrder('o-operator', 'compensate', {
      orderId: order.id,
      amountFen: 4_000,
      note: '按保证金余额赔付',
    })
    await cloud.advance(5_000)
    expect(await cloud.mustOrder('o-buyer', 'get', { orderId: order.id })).toMatchObject({
      state: 'compensated',
      money: { compensatedFen: 4_000 },
    })
    const { balances, balanced } = await cloud.ledger()
    expect(balanced).toBe(true)
    expect(balances.get(`claim:${sellerId}`)).toBe(4_000)
  })

  it('timers: not shipped in 7 days → refund; shipped and silent for 10 days → confirmed and released', async () => {
    const a = await aPaidCourierOrder(cloud, courier())
    await cloud.advance(7 * DAY)
    await orderHousekeeping(cloud.container)
    expect((await cloud.mustOrder('o-buyer', 'get', { orderId: a.order.id })).state).toBe(
      'refunded',
    )

    const b = await aShippedOrder(cloud, {
      ...courier({ title: '九成新 Switch 游戏机' }),
      parcel: { company: '顺丰速运', waybillNo: 'SF1234567891' },
    })
    await cloud.advance(9 * DAY + 1)
    await orderHousekeeping(cloud.container) // the reminder a day before
    const notices = await invokeUser('o-buyer', 'notices', {})
    expect(notices.items.map((n: { title: string }) => n.title)).toContain('即将自动确认收货')
    await cloud.advance(DAY)
    await orderHousekeeping(cloud.container)
    expect((await cloud.mustOrder('o-buyer', 'get', { orderId: b.order.id })).state).toBe(
      'completed',
    )
  })

  it('a seller silent on a refund request for 2 days agrees by default (with a reminder a day before)', async () => {
    const { order } = await aShippedOrder(cloud, courier())
    const asked = await cloud.mustOrder('o-buyer', 'requestRefund', {
      orderId: order.id,
      type: 'refund_only',
      reason: '收到是坏的',
    })
    expect(asked.deadline.transition).toBe('autoAgreeRefund')
    await cloud.advance(DAY + 1)
    await orderHousekeeping(cloud.container)
    expect(
      (await invokeUser('o-seller', 'notices', {})).items.map((n: { title: string }) => n.title),
    ).toContain('请处理退款申请')
    await cloud.advance(DAY)
    await orderHousekeeping(cloud.container)
    await cloud.advance(5_000)
    expect(await cloud.mustOrder('o-buyer', 'get', { orderId: order.id })).toMatchObject({
      state: 'refunded',
      money: { refundedFen: 11_200 },
    })
  })

  it('a dropped payment notification is repaired by the reconciliation job', async () => {
    const { order } = await buyCourier()
    await cloud.mustOrder('o-buyer', 'pay', { orderId: order.id })
    await cloud.control('POST', 'faults', { dropNotifications: 1 })
    await cloud.buyerPays(order.id)
    expect((await cloud.mustOrder('o-buyer', 'get', { orderId: order.id })).state).toBe(
      'pending_payment',
    )
    await cloud.advance(3 * MINUTE)
    expect(await reconcileStuckPayments(cloud.container)).toBe(1)
    expect((await cloud.mustOrder('o-buyer', 'get', { orderId: order.id })).state).toBe('paid')
  })

  it('duplicate and forged notifications: one payment entry; the forged one is refused and WeChat retries', async () => {
    const { order } = await buyCourier()
    await cloud.mustOrder('o-buyer', 'pay', { orderId: order.id })
    await cloud.control('POST', 'faults', { duplicateNotifications: 1, wrongKeyNotifications: 1 })
    await cloud.buyerPays(order.id)
    expect(cloud.notifications.some((n) => n.status === 401)).toBe(true)
    await cloud.advance(15_000) // WeChat's first retry, correctly signed
    expect((await cloud.mustOrder('o-buyer', 'get', { orderId: order.id })).state).toBe('paid')
    const { entries } = await cloud.ledger()
    expect(entries.filter((e) => e.kind === 'payment')).toHaveLength(1)
    expect(orderMoney(entries, order.id).paid).toBe(11_200)
  })

  it('concurrent double pay (duplicate notifications racing a sync) has one effect', async () => {
    const { order } = await buyCourier()
    await cloud.mustOrder('o-buyer', 'pay', { orderId: order.id })
    await cloud.control('POST', 'faults', { delayNotifications: 1, delayMs: 60_000 })
    await cloud.buyerPays(order.id)
    // The held notification is delivered twice at once while the buyer's page syncs twice.
    await cloud.control('POST', 'faults', { duplicateNotifications: 1 })
    await Promise.all([
      cloud.advance(60_000),
      cloud.order('o-buyer', 'syncPayment', { orderId: order.id }),
      cloud.order('o-buyer', 'syncPayment', { orderId: order.id }),
    ])
    expect((await cloud.mustOrder('o-buyer', 'get', { orderId: order.id })).state).toBe('paid')
    const { entries, balanced } = await cloud.ledger()
    expect(entries.filter((e) => e.kind === 'payment')).toHaveLength(1)
    expect(balanced).toBe(true)
    // A second confirmation at the cashier is refused by WeChat: the order is paid once.
    expect((await cloud.control('POST', 'pay', { out_trade_no: order.id })).status).not.toBe(200)
  })

  it('concurrent double confirm and double cancel have one effect', async () => {
    const { order } = await aShippedOrder(cloud, courier())
    const results = await Promise.all(
      [1, 2, 3].map(() => cloud.order('o-buyer', 'confirm', { orderId: order.id })),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual([
      'ORDER.WRONG_STATE',
      'ORDER.WRONG_STATE',
    ])
    let { entries } = await cloud.ledger()
    expect(entries.filter((e) => e.kind === 'release')).toHaveLength(1)

    const second = await aPaidCourierOrder(cloud, courier({ title: '九成新 Switch 游戏机' }))
    const cancels = await Promise.all(
      [1, 2, 3].map(() => cloud.order('o-buyer', 'cancel', { orderId: second.order.id })),
    )
    expect(cancels.filter((r) => r.ok)).toHaveLength(1)
    await cloud.advance(5_000)
    ;({ entries } = await cloud.ledger())
    expect(
      entries.filter((e) => e.kind === 'refund' && e.orderId === second.order.id),
    ).toHaveLength(1)
  })

  it('bad input: another buyer cannot see or act on the order; the price cannot come from the client', async () => {
    const { listing, order } = await buyCourier()
    expect(await cloud.order('o-buyer2', 'get', { orderId: order.id })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.NOT_FOUND' },
    })
    expect(await cloud.order('o-buyer2', 'cancel', { orderId: order.id })).toMatchObject({
      ok: false,
    })
    expect(
      await cloud.order('o-buyer2', 'checkout', {
        listingId: listing.id,
        fulfilment: 'courier',
        addressId: await cloud.addressIdOf('o-buyer2'),
        priceFen: 1,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'COMMON.VALIDATION' },
    })
    expect(
      await cloud.order('o-seller', 'checkout', { listingId: listing.id, fulfilment: 'meetup' }),
    ).toMatchObject({ ok: false })
    const own = await cloud.publish('o-seller')
    expect(
      await cloud.order('o-seller', 'checkout', { listingId: own.id, fulfilment: 'meetup' }),
    ).toMatchObject({ ok: false, error: { code: 'ORDER.OWN_LISTING' } })
    expect(
      await cloud.order('o-buyer2', 'checkout', { listingId: own.id, fulfilment: 'courier' }),
    ).toMatchObject({ ok: false, error: { code: 'ORDER.ADDRESS_REQUIRED' } })
  })

  it('pay-notify refuses tampered, stale and unknown-serial notifications, and a replay changes nothing', async () => {
    const { order } = await buyCourier()
    await cloud.mustOrder('o-buyer', 'pay', { orderId: order.id })
    await cloud.buyerPays(order.id)
    const genuine = cloud.notifications.find((n) => n.status === 200)!.event
    const body = JSON.parse(Buffer.from(genuine.body, 'base64').toString('utf8'))

    const c: string = body.resource.ciphertext
    const tamperedBody = {
      ...body,
      resource: { ...body.resource, ciphertext: `${c[0] === 'A' ? 'B' : 'A'}${c.slice(1)}` },
    }
    const tampered = {
      ...genuine,
      body: Buffer.from(JSON.stringify(tamperedBody)).toString('base64'),
    }
    expect((await cloud.notify(tampered)).statusCode).toBe(401)
    const otherSerial = {
      ...genuine,
      headers: {
        ...genuine.headers,
        'wechatpay-serial': 'ABCDEF0123456789ABCDEF0123456789ABCDEF01',
      },
    }
    expect((await cloud.notify(otherSerial)).statusCode).toBe(401)

    // A replay inside the 5-minute window verifies, but the notification id was seen: no effect.
    expect((await cloud.notify(genuine)).statusCode).toBe(200)
    expect((await cloud.ledger()).entries.filter((e) => e.kind === 'payment')).toHaveLength(1)

    await cloud.advance(6 * MINUTE)
    expect((await cloud.notify(genuine)).statusCode).toBe(401)
    expect((await cloud.notify({ ...genuine, httpMethod: 'GET' })).statusCode).toBe(405)
  })
})
