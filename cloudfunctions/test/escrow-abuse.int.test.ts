import { main as orderMain } from '../src/functions/order'
import { Orders } from '../src/modules/order/domain/order.record'
import { Notices } from '../src/modules/inbox/domain/notice.record'
import { Listings } from '../src/modules/listing/domain/listing.record'
import { banUser } from '../src/modules/moderation/application/ban-user.use-case'
import { Users } from '../src/modules/user/domain/user.record'
import { aMeetupOrder } from '../local/mothers/order.mother'
import { startEscrowCloud, type EscrowCloud } from './escrow-harness'

const MINUTE = 60_000
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * What a seller could compute from an order id before the fix: the 交易码 was the fold of the next
 * monotonic ULID, i.e. the order id plus one in its random part when both fell in one millisecond.
 */
const predictedFromOrderId = (orderId: string) => {
  const chars = orderId.split('')
  for (let i = chars.length - 1; i >= 0; i--) {
    const v = CROCKFORD.indexOf(chars[i]!)
    if (v < 31) {
      chars[i] = CROCKFORD[v + 1]!
      break
    }
    chars[i] = '0'
  }
  let n = 0
  for (const c of chars.join('').slice(-8)) n = (n * 32 + CROCKFORD.indexOf(c)) % 1_000_000
  return String(n).padStart(6, '0')
}

describe('escrow abuse: guessable codes, reservations, commission base, addresses', () => {
  let cloud: EscrowCloud

  beforeEach(async () => {
    cloud = await startEscrowCloud()
    await cloud.onboard(await cloud.signUp('o-seller'))
    await cloud.signUp('o-buyer')
    await cloud.signUp('o-stranger')
  })
  afterEach(() => cloud.stop())

  const meetupOrder = async (buyer = 'o-buyer', seller = 'o-seller') =>
    (await aMeetupOrder(cloud, { buyer, seller, listing: { priceFen: 5_000 } })).order

  it('交易码 come from a CSPRNG: orders made within one millisecond give codes unrelated to their ids', async () => {
    // The sandbox clock stands still, so every id below is minted in the same millisecond.
    const buyers = ['o-b0', 'o-b1', 'o-b2', 'o-b3', 'o-b4', 'o-b5', 'o-b6', 'o-b7']
    for (const b of buyers) await cloud.signUp(b)
    const codes: string[] = []
    const predicted: string[] = []
    for (const b of buyers) {
      for (let i = 0; i < 3; i++) {
        const order = await meetupOrder(b)
        const raw = (await cloud.container.store.get(Orders, order.id))!
        codes.push(raw.handoverCode!)
        predicted.push(predictedFromOrderId(order.id))
      }
    }
    expect(new Set(codes.map((c) => c.length))).toEqual(new Set([6]))
    // Before the fix every prediction was right; by chance one in a million is.
    expect(codes.filter((c, i) => c === predicted[i]).length).toBeLessThanOrEqual(1)
    // No arithmetic relation between consecutive codes (the ids differ by one each time).
    const steps = new Set(
      codes.slice(1).map((c, i) => (Number(c) - Number(codes[i]) + 1_000_000) % 1_000_000),
    )
    expect(steps.size).toBeGreaterThan(codes.length - 3)
  })

  it('at most 5 交易码 tries per order an hour: then ORDER.HANDOVER_LOCKED with the reopening time, the buyer told', async () => {
    const order = await meetupOrder()
    await cloud.buyerPays(order.id)
    const code = (await cloud.mustOrder('o-buyer', 'get', { orderId: order.id }))
      .handoverCode as string
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    // Nobody but the seller can spend the order's tries.
    expect(
      await cloud.order('o-stranger', 'handOver', { orderId: order.id, code: wrong }),
    ).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } })
    expect(
      await cloud.order('o-buyer', 'handOver', { orderId: order.id, code: wrong }),
    ).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } })
    expect(
      (await cloud.mustOrder('o-seller', 'get', { orderId: order.id })).handoverTriesLeft,
    ).toBe(5)

    const left: number[] = []
    for (let i = 0; i < 5; i++) {
      const res = await cloud.order('o-seller', 'handOver', { orderId: order.id, code: wrong })
      expect(res).toMatchObject({ ok: false, error: { code: 'ORDER.BAD_HANDOVER_CODE' } })
      left.push((res as { error: { details: { triesLeft: number } } }).error.details.triesLeft)
    }
    expect(left).toEqual([4, 3, 2, 1, 0])
    // Locked now, even for the right code; the order is as it was.
    const locked = await cloud.order('o-seller', 'handOver', { orderId: order.id, code })
    expect(locked).toMatchObject({
      ok: false,
      error: { code: 'ORDER.HANDOVER_LOCKED', details: { reopensAt: expect.any(Number) } },
    })
    expect(
      (await cloud.mustOrder('o-seller', 'get', { orderId: order.id })).handoverTriesLeft,
    ).toBe(0)
    expect((await cloud.container.store.get(Orders, order.id))!.state).toBe('paid')
    const notices = await cloud.container.store.find(
      Notices,
      { userId: (await cloud.container.store.get(Orders, order.id))!.buyerId },
      { limit: 50 },
    )
    expect(notices.items.map((n) => n.title)).toContain('交易码已锁定')

    // Once it reopens (the sliding hour has passed), the right code goes through.
    const reopensAt = (locked as { error: { details: { reopensAt: number } } }).error.details
      .reopensAt
    expect(reopensAt - cloud.clock.now()).toBeGreaterThan(0)
    expect(reopensAt - cloud.clock.now()).toBeLessThanOrEqual(120 * MINUTE)
    expect(await cloud.order('o-seller', 'handOver', { orderId: order.id, code })).toMatchObject({
      ok: false,
      error: { code: 'ORDER.HANDOVER_LOCKED' },
    })
    await cloud.advance(reopensAt - cloud.clock.now() + 1)
    expect(
      await cloud.mustOrder('o-seller', 'handOver', { orderId: order.id, code }),
    ).toMatchObject({ state: 'completed' })
  })

  it('concurrent guesses cannot pass the count: 20 at once, at most 5 are compared', async () => {
    const order = await meetupOrder()
    await cloud.buyerPays(order.id)
    const code = (await cloud.mustOrder('o-buyer', 'get', { orderId: order.id }))
      .handoverCode as string
    const guesses = Array.from({ length: 20 }, (_, i) =>
      String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'),
    )
    const answers = await Promise.all(
      guesses.map((g) => cloud.order('o-seller', 'handOver', { orderId: order.id, code: g })),
    )
    const codes = answers.map((a) => (a.ok ? 'ok' : a.error.code))
    // Only 5 codes are ever compared; the rest meet the order's lock or the seller's own limit.
    expect(codes.filter((c) => c === 'ORDER.BAD_HANDOVER_CODE')).toHaveLength(5)
    expect(
      codes.filter((c) => c === 'ORDER.HANDOVER_LOCKED' || c === 'COMMON.RATE_LIMITED'),
    ).toHaveLength(15)
  })

  it('at most 3 unpaid orders per buyer: the 4th is ORDER.TOO_MANY_UNPAID and writes nothing; paying or cancelling frees a slot', async () => {
    const listings = []
    for (let i = 0; i < 5; i++)
      listings.push(await cloud.publish('o-seller', { priceFen: 1_000 + i }))
    const orders = []
    for (let i = 0; i < 3; i++)
      orders.push(
        await cloud.mustOrder('o-buyer', 'checkout', {
          listingId: listings[i].id,
          fulfilment: 'meetup',
        }),
      )
    const before = await cloud.container.store.count(Orders, {})
    const prepays = (await cloud.control('GET', 'state')).body
    expect(
      await cloud.order('o-buyer', 'checkout', { listingId: listings[3].id, fulfilment: 'meetup' }),
    ).toMatchObject({ ok: false, error: { code: 'ORDER.TOO_MANY_UNPAID' } })
    expect(await cloud.container.store.count(Orders, {})).toBe(before)
    expect((await cloud.control('GET', 'state')).body).toEqual(prepays)
    // The listing stays free for others.
    expect(
      (await cloud.mustOrder('o-stranger', 'forListing', { listingId: listings[3].id })).reserved,
    ).toBe(false)

    await cloud.mustOrder('o-buyer', 'cancel', { orderId: orders[0].id })
    await cloud.mustOrder('o-buyer', 'checkout', {
      listingId: listings[3].id,
      fulfilment: 'meetup',
    })
    await cloud.buyerPays(orders[1].id)
    await cloud.mustOrder('o-buyer', 'checkout', {
      listingId: listings[4].id,
      fulfilment: 'meetup',
    })
  })

  it('racing checkouts by one buyer still leave at most 3 unpaid orders', async () => {
    const listings = []
    for (let i = 0; i < 6; i++)
      listings.push(await cloud.publish('o-seller', { priceFen: 2_000 + i }))
    const answers = await Promise.all(
      listings.map((l) =>
        cloud.order('o-buyer', 'checkout', { listingId: l.id, fulfilment: 'meetup' }),
      ),
    )
    expect(answers.filter((a) => a.ok)).toHaveLength(3)
    expect(answers.filter((a) => !a.ok).map((a) => (a.ok ? '' : a.error.code))).toEqual(
      Array(3).fill('ORDER.TOO_MANY_UNPAID'),
    )
  })

  it('checkout is limited per buyer (20 an hour): the 21st creates no order and no prepay', async () => {
    const listing = await cloud.publish('o-seller', { priceFen: 1_500 })
    for (let i = 0; i < 20; i++) {
      const order = await cloud.mustOrder('o-buyer', 'checkout', {
        listingId: listing.id,
        fulfilment: 'meetup',
      })
      await cloud.mustOrder('o-buyer', 'cancel', { orderId: order.id })
    }
    const before = await cloud.container.store.count(Orders, {})
    const prepays = (await cloud.control('GET', 'state')).body
    const limited = await cloud.order('o-buyer', 'checkout', {
      listingId: listing.id,
      fulfilment: 'meetup',
    })
    expect(limited).toMatchObject({
      ok: false,
      error: { code: 'COMMON.RATE_LIMITED', details: { retryAfterMs: expect.any(Number) } },
    })
    expect(await cloud.container.store.count(Orders, {})).toBe(before)
    expect((await cloud.control('GET', 'state')).body).toEqual(prepays)
  })

  it('the public freight quote (a kuaidi100 request each) is limited per client address when anonymous', async () => {
    const listing = await cloud.publish('o-seller', { priceFen: 1_500 })
    const quote = (ip: string) =>
      orderMain(
        { action: 'freightQuote', input: { listingId: listing.id, toCity: '杭州' } },
        cloud.contextFor(null, ip),
      ) as Promise<{ ok: boolean; error?: { code: string } }>
    for (let i = 0; i < 60; i++) expect((await quote('203.0.113.7')).ok).toBe(true)
    expect(await quote('203.0.113.7')).toMatchObject({
      ok: false,
      error: { code: 'COMMON.RATE_LIMITED' },
    })
    expect((await quote('203.0.113.8')).ok).toBe(true)
  })

  it('the commission is on all the seller receives, and a fixed shipping fee above ¥200 is refused', async () => {
    const tooHigh = await cloud.listing('o-seller', 'create', {
      ...(await cloud.listingInput({
        priceFen: 99,
        trade: { shipping: { payer: 'buyer', feeFen: 20_001 }, meetup: false, pickup: false },
      })),
    })
    expect(tooHigh).toMatchObject({
      ok: false,
      error: { code: 'COMMON.VALIDATION', details: { path: 'trade.shipping.feeFen' } },
    })
    const listing = await cloud.publish('o-seller', {
      priceFen: 99,
      trade: { shipping: { payer: 'buyer', feeFen: 20_000 }, meetup: false, pickup: false },
    })
    const order = await cloud.mustOrder('o-buyer', 'checkout', {
      listingId: listing.id,
      fulfilment: 'courier',
      addressId: await cloud.addressIdOf('o-buyer'),
    })
    // ¥0.99 + ¥200 shipping is a ¥200.99 sale: 1% is ¥2.00 (rounded down), not ¥0.00.
    expect(order).toMatchObject({ totalFen: 20_099, commissionFen: 200, sellerReceivesFen: 19_899 })
  })

  it('a banned seller’s listing cannot be bought: ORDER.LISTING_UNAVAILABLE, nothing written', async () => {
    const listing = await cloud.publish('o-seller', { priceFen: 4_000 })
    const operatorId = await cloud.signUp('o-operator')
    await cloud.makeOperator(operatorId)
    const sellerId = (await cloud.container.store.get(Listings, listing.id))!.sellerId
    await banUser(cloud.container, (await cloud.container.store.get(Users, operatorId))!, {
      userId: sellerId,
      until: cloud.clock.now() + 86_400_000,
    })
    expect(
      await cloud.order('o-buyer', 'checkout', { listingId: listing.id, fulfilment: 'meetup' }),
    ).toMatchObject({ ok: false, error: { code: 'ORDER.LISTING_UNAVAILABLE' } })
    expect(await cloud.container.store.count(Orders, {})).toBe(0)
  })

  it('courier checkout takes an address from the buyer’s own book: free text is refused, another’s id is not found', async () => {
    const listing = await cloud.publish('o-seller', { priceFen: 3_000 })
    const typed = {
      name: '李四',
      phone: '13800138000',
      region: '上海市徐汇区',
      detail: '漕溪北路 1 号 2 室',
    }
    expect(
      await cloud.order('o-buyer', 'checkout', {
        listingId: listing.id,
        fulfilment: 'courier',
        address: typed,
      }),
    ).toMatchObject({ ok: false, error: { code: 'COMMON.VALIDATION' } })
    expect(
      await cloud.order('o-buyer', 'checkout', { listingId: listing.id, fulfilment: 'courier' }),
    ).toMatchObject({ ok: false, error: { code: 'ORDER.ADDRESS_REQUIRED' } })
    const others = await cloud.addressIdOf('o-stranger')
    expect(
      await cloud.order('o-buyer', 'checkout', {
        listingId: listing.id,
        fulfilment: 'courier',
        addressId: others,
      }),
    ).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } })
    expect(await cloud.container.store.count(Orders, {})).toBe(0)
  })
})
