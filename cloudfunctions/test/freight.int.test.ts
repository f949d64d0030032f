import { CITIES, RATES, priceOf } from '../local/sandboxes/kuaidi100/rates'
import { OrderLocks, Orders } from '../src/modules/order/domain/order.record'
import { startEscrowCloud, type EscrowCloud } from './escrow-harness'

/** To 深圳 from the seller's 上海 (fixtures: 徐汇区): another region, so the route's price band shows. */
const SHENZHEN = {
  name: '李四',
  phone: '13800138000',
  region: { province: '广东省', city: '深圳市', district: '' },
  detail: '科技园科苑路 1 号 2 室',
}
const QUOTE = { shipping: { payer: 'quote', weightKg: 2.5 }, meetup: false, pickup: false }

/** What the kuaidi100 sandbox charges, cheapest company, for the route and weight. */
const sandboxPrice = (from: string, to: string, weightKg: number) => {
  const city = (name: string) => CITIES.find((c) => c.city === name)!
  return Math.min(
    ...Object.keys(RATES).map(
      (company) => priceOf(company, city(from), city(to), weightKg)!.totalFen,
    ),
  )
}

describe('按实际运费: the buyer pays the courier quote for the route and the listing weight (functions → kuaidi100 + WeChat Pay sandboxes)', () => {
  let cloud: EscrowCloud
  let sellerId: string

  beforeEach(async () => {
    cloud = await startEscrowCloud({ delivery: true })
    sellerId = await cloud.signUp('o-seller')
    await cloud.signUp('o-buyer')
    await cloud.onboard(sellerId)
  })
  afterEach(() => cloud.stop())

  /** The buyer's courier checkout of a listing to an address of the book (深圳 unless given). */
  const courierCheckout = async (listingId: string, address: Record<string, unknown> = SHENZHEN) =>
    cloud.order('o-buyer', 'checkout', {
      listingId,
      fulfilment: 'courier',
      addressId: await cloud.addressIdOf('o-buyer', address),
    })
  /** The same, answering the order and failing loudly when refused. */
  const mustCourierCheckout = async (listingId: string) => {
    const res = await courierCheckout(listingId)
    if (!res.ok) throw new Error(`checkout failed: ${res.error.code} ${res.error.message}`)
    return res.data
  }

  it('checkout fixes the cheapest quote in the order; the total includes it and the seller gets it on release', async () => {
    const listing = await cloud.publish('o-seller', { priceFen: 10_000, trade: QUOTE })
    expect(listing.trade.shipping).toEqual({ payer: 'quote', weightKg: 2.5 })
    const shippingFen = sandboxPrice('上海', '深圳', 2.5)
    // The listing's own 2.5 kg (charged as 3 kg), not the 1 kg typical of its category.
    expect(shippingFen).toBeGreaterThan(sandboxPrice('上海', '深圳', 1))

    // The confirm page's quote for the address's city is the amount checkout then charges.
    const shown = await cloud.mustOrder('o-buyer', 'freightQuote', {
      listingId: listing.id,
      toCity: '深圳市',
    })
    expect(shown).toMatchObject({ fromCity: '上海', toCity: '深圳市', weightKg: 2.5 })
    expect(shown.quotes[0].priceFen).toBe(shippingFen)

    const order = await mustCourierCheckout(listing.id)
    expect(order).toMatchObject({
      priceFen: 10_000,
      shippingFen,
      totalFen: 10_000 + shippingFen,
      commissionFen: Math.floor((10_000 + shippingFen) / 100),
    })
    expect(order.sellerReceivesFen).toBe(10_000 + shippingFen - order.commissionFen) // commission on all the seller receives

    // A retried checkout does not quote again: it points at the order whose amount is fixed.
    expect(await courierCheckout(listing.id)).toMatchObject({
      ok: false,
      error: { code: 'ORDER.LISTING_RESERVED', details: { orderId: order.id } },
    })

    await cloud.mustOrder('o-buyer', 'pay', { orderId: order.id })
    await cloud.buyerPays(order.id)
    expect((await cloud.mustOrder('o-buyer', 'get', { orderId: order.id })).money).toMatchObject({
      paidFen: 10_000 + shippingFen,
    })
    await cloud.mustOrder('o-seller', 'ship', {
      orderId: order.id,
      company: '顺丰速运',
      waybillNo: 'SF1234567890123',
    })
    const done = await cloud.mustOrder('o-buyer', 'confirm', { orderId: order.id })
    expect(done).toMatchObject({
      state: 'completed',
      money: { releasedFen: 10_000 + shippingFen, inEscrowFen: 0 },
    })
    const { balances, balanced } = await cloud.ledger()
    expect(balanced).toBe(true)
    expect(balances.get(`seller:${sellerId}`)).toBe(10_000 + shippingFen - order.commissionFen)
  })

  it('a courier outage is ORDER.FREIGHT_UNAVAILABLE and writes nothing; once it answers, checkout goes through', async () => {
    const listing = await cloud.publish('o-seller', { priceFen: 10_000, trade: QUOTE })
    cloud.kuaidi100!.faults.set({ apiErrors: 1_000 })
    expect(await courierCheckout(listing.id)).toMatchObject({
      ok: false,
      error: { code: 'ORDER.FREIGHT_UNAVAILABLE' },
    })
    expect((await cloud.container.store.find(Orders, {}, { limit: 10 })).items).toEqual([])
    expect((await cloud.container.store.find(OrderLocks, {}, { limit: 10 })).items).toEqual([])

    cloud.kuaidi100!.faults.reset()
    const order = await mustCourierCheckout(listing.id)
    expect(order.shippingFen).toBe(sandboxPrice('上海', '深圳', 2.5))
  })

  it('an address no courier company serves is the same: no price, no order', async () => {
    const listing = await cloud.publish('o-seller', { priceFen: 10_000, trade: QUOTE })
    // 太原 is in the address book's table but not in the courier's rate table.
    const nowhere = {
      ...SHENZHEN,
      region: { province: '山西省', city: '太原市', district: '' },
      detail: '迎泽大街 1 号 2 室',
    }
    expect(await courierCheckout(listing.id, nowhere)).toMatchObject({
      ok: false,
      error: { code: 'ORDER.FREIGHT_UNAVAILABLE' },
    })
    expect((await cloud.container.store.find(Orders, {}, { limit: 10 })).items).toEqual([])
  })

  it('without a stated weight the reference is for what the subcategory typically weighs, not its category', async () => {
    const fixed = { shipping: { payer: 'buyer', feeFen: 1_000 }, meetup: false, pickup: false }
    const cup = await cloud.publish('o-seller', {
      title: '星巴克 马克杯',
      category: 'furniture',
      subcategory: 'furniture.decor',
      trade: fixed,
    })
    const quote = await cloud.mustOrder('o-buyer', 'freightQuote', {
      listingId: cup.id,
      toCity: '深圳市',
    })
    expect(quote.weightKg).toBe(1)
    expect(quote.quotes[0].priceFen).toBe(sandboxPrice('上海', '深圳', 1))
    // A table still goes as furniture does, and so does a listing that names no subcategory.
    for (const [subcategory, kg] of [
      ['furniture.table', 20],
      [null, 20],
    ] as const) {
      const l = await cloud.publish('o-seller', {
        category: 'furniture',
        subcategory,
        trade: fixed,
      })
      const q = await cloud.mustOrder('o-buyer', 'freightQuote', { listingId: l.id })
      expect(q.weightKg).toBe(kg)
    }
  })

  it('包邮 and fixed fees never ask the courier, so an outage does not stop them', async () => {
    cloud.kuaidi100!.faults.set({ apiErrors: 1_000 })
    const free = await cloud.publish('o-seller', {
      priceFen: 10_000,
      trade: { shipping: { payer: 'seller', weightKg: 4 }, meetup: false, pickup: false },
    })
    const order = await mustCourierCheckout(free.id)
    expect(order).toMatchObject({ shippingFen: 0, totalFen: 10_000 })
  })
})
