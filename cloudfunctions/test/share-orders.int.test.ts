import { runOrderJobs } from '../src/modules/order'
import { OutboxJobs } from '../src/modules/outbox/domain/outbox-job.record'
import { Attributions, ShareActivities } from '../src/modules/share/domain/share.records'
import { startEscrowCloud, type EscrowCloud } from './escrow-harness'
import { PEOPLE, shareWorld, type Who } from './share-harness'

const DAY = 86_400_000

describe('sharing follows the order process: attribution and updatable cards', () => {
  let cloud: EscrowCloud
  let w: Awaited<ReturnType<typeof shareWorld>>
  let listingId: string
  beforeEach(async () => {
    cloud = await startEscrowCloud()
    w = await shareWorld(cloud)
    await cloud.onboard(w.ids.seller)
    listingId = (await cloud.publish(PEOPLE.seller.openid, { priceFen: 5_000 })).id as string
  })
  afterEach(() => cloud.stop())

  const share = (who: Who, parentToken?: string, targetId = listingId) =>
    w.must(who, 'create', { kind: 'listing', targetId, parentToken })
  const open = (who: Who, token: string) => w.must(who, 'open', { token, via: 'card' })
  const checkout = async (who: Who) =>
    (await cloud.mustOrder(PEOPLE[who].openid, 'checkout', { listingId, fulfilment: 'meetup' }))
      .id as string
  const buy = async (who: Who) => {
    const orderId = await checkout(who)
    await cloud.buyerPays(orderId)
    await runOrderJobs(cloud.container)
    return orderId
  }
  const handOver = async (buyer: Who, orderId: string) => {
    const { handoverCode } = await cloud.mustOrder(PEOPLE[buyer].openid, 'get', { orderId })
    await cloud.mustOrder(PEOPLE.seller.openid, 'handOver', { orderId, code: handoverCode })
    await runOrderJobs(cloud.container)
  }
  const attribution = (orderId: string) => cloud.container.store.get(Attributions, orderId)
  const ordersOf = async () =>
    (
      (await w.must('seller', 'stats', { listingId })).shares as {
        sharerNickname: string
        orders: number
      }[]
    ).map((s) => [s.sharerNickname, s.orders])

  describe('referral attribution', () => {
    it("records the chain of the buyer's latest open when the order is paid, and follows it to completion", async () => {
      const a = await share('alice')
      await open('bob', a.token)
      const b = await share('bob', a.token)
      await open('carol', b.token)
      const orderId = await checkout('carol')
      expect(await attribution(orderId)).toBeNull() // an unpaid order is no sale yet
      await cloud.buyerPays(orderId)
      expect(await attribution(orderId)).toMatchObject({
        token: b.token,
        chain: [
          { token: a.token, sharerId: w.ids.alice },
          { token: b.token, sharerId: w.ids.bob },
        ],
        referrers: [w.ids.alice, w.ids.bob],
        voided: null,
        outcome: 'paid',
      })
      await handOver('carol', orderId)
      expect(await attribution(orderId)).toMatchObject({ outcome: 'completed' })
      expect(await ordersOf()).toEqual([
        ['小李', 1],
        ['小王', 0],
      ])
    })

    it('a loop through the buyer counts for nobody: A shares to B, B shares back to A, A buys', async () => {
      const a = await share('alice')
      await open('bob', a.token)
      const b = await share('bob', a.token)
      await open('alice', b.token)
      const orderId = await buy('alice')
      expect(await attribution(orderId)).toMatchObject({
        token: b.token,
        referrers: [],
        voided: 'loop',
      })
      expect((await ordersOf()).every(([, n]) => n === 0)).toBe(true)
    })

    it("the seller's own share is no referral, but counts in the seller's stats", async () => {
      const s = await share('seller')
      await open('bob', s.token)
      const orderId = await buy('bob')
      expect(await attribution(orderId)).toMatchObject({ referrers: [], voided: 'seller' })
      expect(await ordersOf()).toEqual([['卖家老王', 1]])
    })

    it('tokens of another target, and opens older than 7 days, attribute nothing', async () => {
      const store = await w.must('alice', 'create', { kind: 'storefront', targetId: w.ids.seller })
      await open('bob', store.token)
      const other = (await cloud.publish(PEOPLE.seller.openid, { title: '另一件宝贝' }))
        .id as string
      await open('bob', (await share('alice', undefined, other)).token)
      expect(await attribution(await buy('bob'))).toBeNull()

      const second = (await cloud.publish(PEOPLE.seller.openid, { title: '第三件' })).id as string
      await open('carol', (await share('alice', undefined, second)).token)
      await cloud.advance(8 * DAY)
      listingId = second
      expect(await attribution(await buy('carol'))).toBeNull()
    })
  })

  describe('updatable cards', () => {
    const shown = (activityId: string) => w.wx.shown(activityId)
    const sent = (activityId: string) => w.wx.cards.get(activityId)!.sent

    it('paid → 已预订, completed → 已售出, and a card made while reserved starts reserved', async () => {
      const first = await share('alice')
      const orderId = await buy('bob')
      expect(shown(first.activityId)).toBe('reserved')
      const second = await share('carol')
      expect(second).toMatchObject({
        card: { status: 'reserved' },
        templateInfo: {
          parameterList: [
            { name: 'member_count', value: '1' },
            { name: 'room_limit', value: '1' },
          ],
        },
      })
      await handOver('bob', orderId)
      expect(shown(first.activityId)).toBe('sold')
      expect(shown(second.activityId)).toBe('sold')
      expect(sent(first.activityId).map((m) => m.targetState)).toEqual([0, 1])
      expect(sent(second.activityId)).toEqual([
        {
          activityId: second.activityId,
          targetState: 1,
          parameters: [
            { name: 'path', value: `/package-listing/detail/index?id=${listingId}` },
            { name: 'version_type', value: 'release' },
          ],
        },
      ])
      // Sold is final: a new share is an ordinary card.
      expect(await share('dave')).toMatchObject({ activityId: null, card: { status: 'sold' } })
    })

    it('cancelled after paying → back to 在售', async () => {
      const first = await share('alice')
      const orderId = await buy('bob')
      await cloud.mustOrder(PEOPLE.bob.openid, 'cancel', { orderId })
      await runOrderJobs(cloud.container)
      expect(sent(first.activityId).map((m) => [m.targetState, m.parameters[0]!.value])).toEqual([
        [0, '1'],
        [0, '0'],
      ])
      expect(shown(first.activityId)).toBe('on_sale')
    })

    it('a seller marking it sold elsewhere turns the cards 已售出; taking it down and relisting sends nothing', async () => {
      const first = await share('alice')
      const seller = (action: string) =>
        cloud.listing(PEOPLE.seller.openid, action, { id: listingId })
      expect((await seller('takeDown')).ok).toBe(true)
      expect((await seller('relist')).ok).toBe(true)
      await runOrderJobs(cloud.container)
      expect(sent(first.activityId)).toEqual([])
      expect((await seller('markSold')).ok).toBe(true)
      await runOrderJobs(cloud.container)
      expect(shown(first.activityId)).toBe('sold')
      expect(sent(first.activityId).map((m) => m.targetState)).toEqual([1])
    })

    it('an unpaid order that closes sends nothing; a card nobody shared queues nothing', async () => {
      const first = await share('alice')
      const orderId = await checkout('bob')
      await cloud.mustOrder(PEOPLE.bob.openid, 'cancel', { orderId })
      await runOrderJobs(cloud.container)
      expect(sent(first.activityId)).toEqual([])
      const unshared = (await cloud.publish(PEOPLE.seller.openid, { title: '没人分享' }))
        .id as string
      listingId = unshared
      await buy('carol')
      const jobs = await cloud.container.store.find(
        OutboxJobs,
        { kind: 'share-card' },
        { limit: 50 },
      )
      expect(jobs.items.filter((j) => j._id.includes(unshared))).toEqual([])
    })

    it('a retry sends only what is left, and expired cards are left alone', async () => {
      const first = await share('alice')
      const second = await share('bob')
      const stale = await share('carol')
      // Carol's card lapses at WeChat: it is never sent again.
      w.wx.cards.get(stale.activityId)!.expiresAt = cloud.clock.now()
      await cloud.container.store.update(ShareActivities, stale.activityId, {
        expiresAt: cloud.clock.now(),
      })
      w.wx.failNext('sendUpdatableMessage', 'busy')
      const orderId = await buy('dave')
      const job = (
        await cloud.container.store.find(OutboxJobs, { kind: 'share-card' }, { limit: 5 })
      ).items[0]!
      expect(job).toMatchObject({ status: 'pending', lastError: expect.stringContaining('busy') })
      await cloud.advance(60_000)
      await runOrderJobs(cloud.container)
      expect(sent(first.activityId)).toHaveLength(1)
      expect(sent(second.activityId)).toHaveLength(1)
      expect(sent(stale.activityId)).toEqual([])
      expect((await cloud.container.store.get(OutboxJobs, job._id))!.status).toBe('done')
      await handOver('dave', orderId)
      expect([shown(first.activityId), shown(second.activityId)]).toEqual(['sold', 'sold'])
    })
  })
})
