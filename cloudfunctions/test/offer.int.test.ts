import { main as offerMain } from '../src/functions/offer'
import { orderHousekeeping } from '../src/modules/housekeeping'
import { Listings } from '../src/modules/listing/domain/listing.record'
import { expireOffers } from '../src/modules/offer'
import { LiveOffers, Offers, liveOfferKey } from '../src/modules/offer/domain/offer.records'
import { MAKE_PER_BUYER } from '../src/modules/offer/domain/offer.rules'
import { OrderLocks, Orders } from '../src/modules/order/domain/order.record'
import { startEscrowCloud, type EscrowCloud } from './escrow-harness'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

type Envelope =
  { ok: true; data: any } | { ok: false; error: { code: string; message: string; details?: any } }

describe('offers (议价): negotiation, floor, timers, checkout at the agreed price', () => {
  let cloud: EscrowCloud
  let sellerId: string
  let buyerId: string
  beforeEach(async () => {
    cloud = await startEscrowCloud()
    sellerId = await cloud.signUp('o-seller')
    buyerId = await cloud.signUp('o-buyer')
    await cloud.signUp('o-buyer2')
    await cloud.signUp('o-stranger')
    await cloud.makeOperator(await cloud.signUp('o-operator'))
    await cloud.onboard(sellerId)
  })
  afterEach(() => cloud.stop())

  const offer = async (openid: string | null, action: string, input: unknown = {}) =>
    (await offerMain({ action, input }, cloud.contextFor(openid))) as Envelope
  const must = async (openid: string, action: string, input: unknown = {}) => {
    const res = await offer(openid, action, input)
    if (!res.ok) throw new Error(`offer.${action} failed: ${res.error.code} ${res.error.message}`)
    return res.data
  }
  const refused = (code: string) => ({ ok: false, error: { code } })
  /** A ¥100 listing the buyer pays ¥12 to ship (or meets up for). */
  const listing = () =>
    cloud.publish('o-seller', {
      priceFen: 10_000,
      trade: { shipping: { payer: 'buyer', feeFen: 1_200 }, meetup: true, pickup: false },
    })
  const checkout = async (openid: string, listingId: string, offerId?: string) =>
    cloud.order(openid, 'checkout', {
      listingId,
      fulfilment: 'courier',
      addressId: await cloud.addressIdOf(openid),
      ...(offerId ? { offerId } : {}),
    })
  const stored = async (offerId: string) => (await cloud.container.store.get(Offers, offerId))!
  /** Make, counter, accept: the seller's ¥90 counter to the buyer's ¥80, accepted by the buyer. */
  const agreed = async (listingId: string) => {
    const made = await must('o-buyer', 'make', { listingId, priceFen: 8_000 })
    await must('o-seller', 'counter', { offerId: made.id, priceFen: 9_000 })
    return must('o-buyer', 'accept', { offerId: made.id })
  }

  it('make → counter → accept, then checkout charges the agreed price; other buyers pay the listed one', async () => {
    const l = await listing()
    const made = await must('o-buyer', 'make', { listingId: l.id, priceFen: 8_000 })
    expect(made).toMatchObject({
      state: 'awaiting_seller',
      role: 'buyer',
      priceFen: 8_000,
      proposedBy: 'buyer',
      buyer: { id: buyerId },
      actions: ['withdraw'],
      dueAt: cloud.clock.now() + DAY,
    })
    const countered = await must('o-seller', 'counter', { offerId: made.id, priceFen: 9_000 })
    expect(countered).toMatchObject({
      state: 'awaiting_buyer',
      role: 'seller',
      priceFen: 9_000,
      proposedBy: 'seller',
      actions: [],
      history: [
        { by: 'buyer', priceFen: 8_000 },
        { by: 'seller', priceFen: 9_000 },
      ],
    })
    // Not agreed yet: the price on the table cannot be checked out.
    expect(await checkout('o-buyer', l.id, made.id)).toMatchObject(refused('OFFER.STALE'))
    await cloud.advance(HOUR)
    const accepted = await must('o-buyer', 'accept', { offerId: made.id })
    expect(accepted).toMatchObject({ state: 'accepted', priceFen: 9_000, actions: [] })
    expect(accepted.dueAt).toBe(cloud.clock.now() + DAY) // the checkout window runs from acceptance

    // Another buyer cannot check out with it: refused, and nothing is written.
    expect(await checkout('o-buyer2', l.id, made.id)).toMatchObject(refused('OFFER.STALE'))
    expect(await cloud.container.store.get(OrderLocks, l.id)).toBeNull()
    expect((await cloud.container.store.get(Listings, l.id))!.heldBy ?? null).toBeNull()
    expect((await cloud.container.store.find(Orders, {}, { limit: 10 })).items).toHaveLength(0)

    // Nor on another listing of the seller's.
    const elsewhere = await listing()
    expect(await checkout('o-buyer', elsewhere.id, made.id)).toMatchObject(refused('OFFER.STALE'))

    // Without an offer the other buyer pays the listed price.
    const other = await checkout('o-buyer2', l.id)
    expect(other).toMatchObject({
      ok: true,
      data: {
        priceFen: 10_000,
        offerId: null,
        shippingFen: 1_200,
        totalFen: 11_200,
        commissionFen: 112,
      },
    })
    await cloud.mustOrder('o-buyer2', 'cancel', { orderId: (other as any).data.id })

    // The price is never the client's: a price in the input is refused, not used.
    expect(
      await cloud.order('o-buyer', 'checkout', {
        listingId: l.id,
        fulfilment: 'meetup',
        offerId: made.id,
        priceFen: 1,
      }),
    ).toMatchObject(refused('COMMON.VALIDATION'))

    // The offer's buyer pays the agreed ¥90 + ¥12 shipping; the commission follows from it.
    const res = await checkout('o-buyer', l.id, made.id)
    expect(res).toMatchObject({
      ok: true,
      data: {
        priceFen: 9_000,
        offerId: made.id,
        shippingFen: 1_200,
        totalFen: 10_200,
        commissionFen: 102,
        sellerReceivesFen: 10_098,
      },
    })
    const orderId = (res as any).data.id as string
    expect((await cloud.container.store.get(Orders, orderId))!.offerId).toBe(made.id)
    expect((await stored(made.id)).state).toBe('accepted') // checkout writes nothing to the offer

    await cloud.buyerPays(orderId)
    const paid = await cloud.mustOrder('o-buyer', 'get', { orderId })
    expect(paid).toMatchObject({ state: 'paid', money: { paidFen: 10_200, inEscrowFen: 10_200 } })
    expect(await stored(made.id)).toMatchObject({ state: 'used', orderId, dueAt: null })
    expect(await cloud.container.store.get(LiveOffers, liveOfferKey(l.id, buyerId))).toBeNull()
    const { balanced } = await cloud.ledger()
    expect(balanced).toBe(true)
  })

  it('an order closed unpaid leaves the offer usable; once paid it is spent and refused again', async () => {
    const l = await listing()
    const { id: offerId } = await agreed(l.id)
    const first = (await checkout('o-buyer', l.id, offerId)) as any
    expect(first.data.priceFen).toBe(9_000)
    await cloud.mustOrder('o-buyer', 'cancel', { orderId: first.data.id })
    expect((await stored(offerId)).state).toBe('accepted')

    // The 15 minutes to pay run out: closed by the timer, the offer still stands.
    const second = (await checkout('o-buyer', l.id, offerId)) as any
    await cloud.advance(15 * MINUTE)
    await orderHousekeeping(cloud.container)
    expect((await cloud.mustOrder('o-buyer', 'get', { orderId: second.data.id })).state).toBe(
      'closed',
    )
    expect((await stored(offerId)).state).toBe('accepted')

    const third = (await checkout('o-buyer', l.id, offerId)) as any
    expect(third.data.totalFen).toBe(10_200)
    await cloud.buyerPays(third.data.id)
    expect(await stored(offerId)).toMatchObject({ state: 'used', orderId: third.data.id })
    // Spent: even on a listing that could be bought again, the offer is refused.
    expect(await checkout('o-buyer', l.id, offerId)).toMatchObject(refused('OFFER.STALE'))
  })

  it('a listed price lowered below the agreed one since is the price charged', async () => {
    const l = await listing()
    const { id: offerId } = await agreed(l.id)
    const { version } = (await cloud.container.store.get(Listings, l.id))!
    await cloud.listing('o-seller', 'update', {
      id: l.id,
      expectedVersion: version,
      patch: { priceFen: 8_800 },
    })
    const res = (await checkout('o-buyer', l.id, offerId)) as any
    expect(res.data).toMatchObject({ priceFen: 8_800, totalFen: 10_000, commissionFen: 100 })
  })

  it('an accepted offer can be checked out for 24 hours, then it is stale and the timer lapses it', async () => {
    const l = await listing()
    const { id: offerId } = await agreed(l.id)
    await cloud.advance(DAY - MINUTE)
    const inTime = (await checkout('o-buyer', l.id, offerId)) as any
    expect(inTime.data.priceFen).toBe(9_000)
    await cloud.mustOrder('o-buyer', 'cancel', { orderId: inTime.data.id })
    expect(await expireOffers(cloud.container)).toBe(0)

    await cloud.advance(MINUTE)
    expect(await checkout('o-buyer', l.id, offerId)).toMatchObject(refused('OFFER.STALE'))
    expect((await orderHousekeeping(cloud.container)).offers).toBe(1)
    expect(await stored(offerId)).toMatchObject({ state: 'expired', dueAt: null })
    expect(await checkout('o-buyer', l.id, offerId)).toMatchObject(refused('OFFER.STALE'))
    // The slot is free: the buyer may start again.
    expect((await must('o-buyer', 'make', { listingId: l.id, priceFen: 8_500 })).state).toBe(
      'awaiting_seller',
    )
  })

  it('an order checked out just in time is paid at the agreed price even after the offer lapsed', async () => {
    const l = await listing()
    const { id: offerId } = await agreed(l.id)
    await cloud.advance(DAY - MINUTE)
    const order = (await checkout('o-buyer', l.id, offerId)) as any
    await cloud.advance(5 * MINUTE) // the buyer is still at the cashier when the deadline passes
    expect(await expireOffers(cloud.container)).toBe(1)
    expect((await stored(offerId)).state).toBe('expired')
    await cloud.buyerPays(order.data.id)
    expect(await cloud.mustOrder('o-buyer', 'get', { orderId: order.data.id })).toMatchObject({
      state: 'paid',
      priceFen: 9_000,
      money: { paidFen: 10_200 },
    })
    expect(await stored(offerId)).toMatchObject({ state: 'used', orderId: order.data.id })
  })

  it('an awaiting offer expires 24 hours after its last move', async () => {
    const l = await listing()
    const made = await must('o-buyer', 'make', { listingId: l.id, priceFen: 8_000 })
    await cloud.advance(12 * HOUR)
    const countered = await must('o-seller', 'counter', { offerId: made.id, priceFen: 9_500 })
    expect(countered.dueAt).toBe(cloud.clock.now() + DAY) // the counter restarts the clock
    await cloud.advance(DAY - MINUTE)
    expect(await expireOffers(cloud.container)).toBe(0)
    await cloud.advance(MINUTE)
    // Past the deadline before the sweep: no buttons, and a move is refused.
    expect((await must('o-buyer', 'forListing', { listingId: l.id })).items[0].actions).toEqual([])
    expect(await offer('o-buyer', 'accept', { offerId: made.id })).toMatchObject(
      refused('OFFER.EXPIRED'),
    )
    expect((await stored(made.id)).state).toBe('awaiting_buyer')
    expect((await orderHousekeeping(cloud.container)).offers).toBe(1)
    expect((await stored(made.id)).state).toBe('expired')
    expect(await cloud.container.store.get(LiveOffers, liveOfferKey(l.id, buyerId))).toBeNull()
  })

  it('a make finds an expired offer the sweep has not reached yet and takes its place', async () => {
    const l = await listing()
    const old = await must('o-buyer', 'make', { listingId: l.id, priceFen: 8_000 })
    await cloud.advance(DAY)
    const fresh = await must('o-buyer', 'make', { listingId: l.id, priceFen: 8_200 })
    expect((await stored(old.id)).state).toBe('expired')
    expect(
      (await cloud.container.store.get(LiveOffers, liveOfferKey(l.id, buyerId)))!.offerId,
    ).toBe(fresh.id)
  })

  it("declines below the seller's floor at once, politely, and never shows the floor", async () => {
    const l = await listing()
    expect(await offer('o-buyer', 'setFloor', { listingId: l.id, floorFen: 7_123 })).toMatchObject(
      refused('COMMON.FORBIDDEN'),
    )
    for (const floorFen of [0, 10_000, 12_000])
      expect(await offer('o-seller', 'setFloor', { listingId: l.id, floorFen })).toMatchObject(
        refused('OFFER.PRICE_INVALID'),
      )
    expect(await must('o-seller', 'setFloor', { listingId: l.id, floorFen: 7_123 })).toEqual({
      listingId: l.id,
      floorFen: 7_123,
    })

    const low = await must('o-buyer', 'make', { listingId: l.id, priceFen: 7_000 })
    expect(low).toMatchObject({
      state: 'declined',
      declineReason: '低于卖家可接受的价格',
      actions: [],
      dueAt: null,
    })
    // Declined at once, so nothing holds the buyer's slot: a better offer may follow right away.
    const fair = await must('o-buyer', 'make', { listingId: l.id, priceFen: 7_500 })
    expect(fair.state).toBe('awaiting_seller')
    await must('o-seller', 'counter', { offerId: fair.id, priceFen: 9_000 })
    // A buyer's counter below the floor is declined the same way.
    const back = await must('o-buyer', 'counter', { offerId: fair.id, priceFen: 7_100 })
    expect(back).toMatchObject({ state: 'declined', declineReason: '低于卖家可接受的价格' })

    const buyerView = await must('o-buyer', 'forListing', { listingId: l.id })
    expect(buyerView.items.map((o: any) => o.id)).toEqual([fair.id, low.id])
    for (const seen of [low, fair, back, buyerView])
      expect(JSON.stringify(seen)).not.toMatch(/\b7123\b/)
    expect(await offer('o-buyer2', 'make', { listingId: l.id, priceFen: 7_123 })).toMatchObject({
      ok: true,
      data: { state: 'awaiting_seller' },
    })
    // Without the floor the same low price waits for the seller.
    await must('o-seller', 'setFloor', { listingId: l.id, floorFen: null })
    expect((await must('o-buyer', 'make', { listingId: l.id, priceFen: 7_000 })).state).toBe(
      'awaiting_seller',
    )
  })

  it('the floor cannot be found by probing: after 3 declines a day, any price of that buyer is refused', async () => {
    const l = await listing()
    await must('o-seller', 'setFloor', { listingId: l.id, floorFen: 7_123 })
    expect((await must('o-buyer', 'make', { listingId: l.id, priceFen: 5_000 })).state).toBe(
      'declined',
    )
    const fair = await must('o-buyer', 'make', { listingId: l.id, priceFen: 8_000 })
    await must('o-seller', 'counter', { offerId: fair.id, priceFen: 9_500 })
    // A buyer's counter below the floor is a probe too.
    expect((await must('o-buyer', 'counter', { offerId: fair.id, priceFen: 6_000 })).state).toBe(
      'declined',
    )
    expect((await must('o-buyer', 'make', { listingId: l.id, priceFen: 7_000 })).state).toBe(
      'declined',
    )
    // Refused whatever the price, above the floor too, so the refusal says nothing about it.
    for (const priceFen of [7_100, 9_000])
      expect(await offer('o-buyer', 'make', { listingId: l.id, priceFen })).toMatchObject({
        ok: false,
        error: { code: 'COMMON.RATE_LIMITED', message: '今天对这个宝贝出价太多次了，明天再来吧' },
      })
    // Another buyer, and the same buyer on another listing, are not held back.
    expect((await must('o-buyer2', 'make', { listingId: l.id, priceFen: 9_000 })).state).toBe(
      'awaiting_seller',
    )
    const other = await listing()
    expect((await must('o-buyer', 'make', { listingId: other.id, priceFen: 9_000 })).state).toBe(
      'awaiting_seller',
    )
    await cloud.advance(DAY + MINUTE)
    expect((await must('o-buyer', 'make', { listingId: l.id, priceFen: 9_000 })).state).toBe(
      'awaiting_seller',
    )
  })

  it('probes sent at once cannot beat the count: of six low prices, three are declined, three refused', async () => {
    const l = await listing()
    await must('o-seller', 'setFloor', { listingId: l.id, floorFen: 7_123 })
    const answers = await Promise.all(
      [5_000, 5_500, 6_000, 6_500, 7_000, 7_100].map((priceFen) =>
        offer('o-buyer', 'make', { listingId: l.id, priceFen }),
      ),
    )
    const declined = answers.filter((a) => a.ok && a.data.state === 'declined')
    const refusedNow = answers.filter((a) => !a.ok && a.error.code === 'COMMON.RATE_LIMITED')
    expect([declined.length, refusedNow.length]).toEqual([3, 3])
  })

  it('one live offer per buyer per listing; a new one after a decline, a withdrawal or an expiry', async () => {
    const l = await listing()
    const first = await must('o-buyer', 'make', { listingId: l.id, priceFen: 8_000 })
    expect(await offer('o-buyer', 'make', { listingId: l.id, priceFen: 8_100 })).toMatchObject({
      ok: false,
      error: { code: 'OFFER.ALREADY_LIVE', details: { offerId: first.id } },
    })
    // Another buyer, or another listing, is another slot.
    await must('o-buyer2', 'make', { listingId: l.id, priceFen: 8_000 })
    const other = await listing()
    await must('o-buyer', 'make', { listingId: other.id, priceFen: 8_000 })

    await must('o-seller', 'decline', { offerId: first.id })
    const second = await must('o-buyer', 'make', { listingId: l.id, priceFen: 8_500 })
    await must('o-buyer', 'withdraw', { offerId: second.id })
    const third = await must('o-buyer', 'make', { listingId: l.id, priceFen: 8_600 })
    // Accepted still holds the slot until it is used or lapses.
    await must('o-seller', 'accept', { offerId: third.id })
    expect(await offer('o-buyer', 'make', { listingId: l.id, priceFen: 8_700 })).toMatchObject(
      refused('OFFER.ALREADY_LIVE'),
    )

    // A double tap: exactly one make lands.
    const racing = await listing()
    const both = await Promise.all(
      [8_000, 8_001].map((priceFen) =>
        offer('o-buyer', 'make', { listingId: racing.id, priceFen }),
      ),
    )
    expect(both.filter((r) => r.ok)).toHaveLength(1)
    expect(both.filter((r) => !r.ok)).toMatchObject([refused('OFFER.ALREADY_LIVE')])
  })

  it('refuses bad prices, own and unavailable listings, and rate-limits makes', async () => {
    const l = await listing()
    for (const priceFen of [0, -5, 10_000, 10_001])
      expect(await offer('o-buyer', 'make', { listingId: l.id, priceFen })).toMatchObject(
        refused('OFFER.PRICE_INVALID'),
      )
    expect(await offer('o-buyer', 'make', { listingId: l.id, priceFen: 80.5 })).toMatchObject(
      refused('COMMON.VALIDATION'),
    )
    expect(await offer('o-seller', 'make', { listingId: l.id, priceFen: 8_000 })).toMatchObject(
      refused('OFFER.OWN_LISTING'),
    )
    const draft = await cloud.publish('o-seller', { publish: false })
    expect(await offer('o-buyer', 'make', { listingId: draft.id, priceFen: 100 })).toMatchObject(
      refused('COMMON.NOT_FOUND'),
    )
    const made = await must('o-buyer', 'make', { listingId: l.id, priceFen: 8_000 })
    expect(await offer('o-seller', 'counter', { offerId: made.id, priceFen: 8_000 })).toMatchObject(
      refused('OFFER.SAME_PRICE'),
    )
    expect(
      await offer('o-seller', 'counter', { offerId: made.id, priceFen: 10_000 }),
    ).toMatchObject(refused('OFFER.PRICE_INVALID'))
    const gone = await listing()
    const pending = await must('o-buyer', 'make', { listingId: gone.id, priceFen: 8_000 })
    await cloud.listing('o-seller', 'takeDown', { id: gone.id })
    expect(await offer('o-buyer', 'make', { listingId: gone.id, priceFen: 8_000 })).toMatchObject(
      refused('OFFER.LISTING_UNAVAILABLE'),
    )
    expect(await offer('o-seller', 'accept', { offerId: pending.id })).toMatchObject(
      refused('OFFER.LISTING_UNAVAILABLE'),
    )

    await cloud.container.limits.reset(MAKE_PER_BUYER, buyerId)
    const probed = await listing()
    // Make and withdraw, again and again: the hourly limit stops a buyer pestering a seller.
    for (let i = 0; i < MAKE_PER_BUYER.limit; i++) {
      const made = await must('o-buyer', 'make', { listingId: probed.id, priceFen: 5_000 + i })
      await must('o-buyer', 'withdraw', { offerId: made.id })
    }
    expect(await offer('o-buyer', 'make', { listingId: probed.id, priceFen: 200 })).toMatchObject(
      refused('COMMON.RATE_LIMITED'),
    )
  })

  it('only the two parties see or move an offer, each on their own turn', async () => {
    const l = await listing()
    const made = await must('o-buyer', 'make', { listingId: l.id, priceFen: 8_000 })
    for (const who of ['o-stranger', 'o-operator', 'o-buyer2'])
      for (const action of ['accept', 'decline', 'withdraw'])
        expect(await offer(who, action, { offerId: made.id })).toMatchObject(
          refused('COMMON.NOT_FOUND'),
        )
    expect(await offer(null, 'accept', { offerId: made.id })).toMatchObject(
      refused('COMMON.UNAUTHENTICATED'),
    )
    // Identity is the session's: a buyerId in the input is refused, not used.
    expect(
      await offer('o-stranger', 'make', { listingId: l.id, priceFen: 8_000, buyerId }),
    ).toMatchObject(refused('COMMON.VALIDATION'))
    // Never the seller's to withdraw; not the buyer's turn to answer their own price.
    expect(await offer('o-seller', 'withdraw', { offerId: made.id })).toMatchObject(
      refused('COMMON.FORBIDDEN'),
    )
    expect(await offer('o-buyer', 'accept', { offerId: made.id })).toMatchObject(
      refused('OFFER.WRONG_STATE'),
    )
    expect(await offer('o-buyer', 'counter', { offerId: made.id, priceFen: 8_100 })).toMatchObject(
      refused('OFFER.WRONG_STATE'),
    )
    await must('o-seller', 'counter', { offerId: made.id, priceFen: 9_000 })
    expect(await offer('o-seller', 'accept', { offerId: made.id })).toMatchObject(
      refused('OFFER.WRONG_STATE'),
    )
    expect((await stored(made.id)).state).toBe('awaiting_buyer')

    // Lists: the seller sees every buyer's offers with the buyer; others only their own.
    const theirs = await must('o-buyer2', 'make', { listingId: l.id, priceFen: 7_000 })
    const seller = await must('o-seller', 'forListing', { listingId: l.id })
    expect(seller.items.map((o: any) => [o.id, o.buyer.id, o.role])).toEqual([
      [theirs.id, theirs.buyer.id, 'seller'],
      [made.id, buyerId, 'seller'],
    ])
    expect(seller.items[0].actions).toEqual(['accept', 'decline', 'counter'])
    expect(
      (await must('o-buyer', 'forListing', { listingId: l.id })).items.map((o: any) => o.id),
    ).toEqual([made.id])
    expect((await must('o-stranger', 'forListing', { listingId: l.id })).items).toEqual([])

    // A racing accept and withdraw: exactly one lands.
    const race = await Promise.all([
      offer('o-buyer', 'accept', { offerId: made.id }),
      offer('o-buyer', 'withdraw', { offerId: made.id }),
    ])
    expect(race.filter((r) => r.ok)).toHaveLength(1)
    expect(race.filter((r) => !r.ok)).toMatchObject([refused('OFFER.WRONG_STATE')])
  })
})
