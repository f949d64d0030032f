import { verifyEvidence } from '@shared/domain/credit/credit-evidence'
import { tierByKey, type CreditTierKey } from '@shared/domain/credit/credit-tiers'
import { main as creditMain } from '../src/functions/credit'
import { main as reviewMain } from '../src/functions/review'
import { aMeetupOrder } from '../local/mothers/order.mother'
import { anchorCreditDay, recomputeCredit, recordCreditEvent } from '../src/modules/credit'
import { CreditAccounts, CreditEvents } from '../src/modules/credit/domain/credit.records'
import { moduleHooks } from '../src/modules/hooks'
import { runOrderJobs } from '../src/modules/order'
import { Orders } from '../src/modules/order/domain/order.record'
import { OutboxJobs } from '../src/modules/outbox/domain/outbox-job.record'
import { startEscrowCloud, type EscrowCloud } from './escrow-harness'

const DAY = 86_400_000

type Envelope =
  { ok: true; data: any } | { ok: false; error: { code: string; message: string; details?: any } }

/**
 * Credit end to end: orders completed through the real order function (WeChat Pay sandbox),
 * reviews through the review function, credit through its own main; the tier port as listings,
 * checkout and payouts read it; the chain, the day's Merkle root and a tampered history.
 */
describe('credit: events, the credit function, tiers that change what a user may do', () => {
  let cloud: EscrowCloud
  let ids: Record<string, string>

  beforeEach(async () => {
    cloud = await startEscrowCloud()
    ids = {}
    for (const who of ['o-seller', 'o-buyer', 'o-stranger']) ids[who] = await cloud.signUp(who)
    await cloud.onboard(ids['o-seller']!)
  })
  afterEach(() => cloud.stop())

  const call = async (openid: string | null, action: string, input: unknown = {}) =>
    (await creditMain({ action, input }, cloud.contextFor(openid))) as Envelope
  const must = async (openid: string, action: string, input: unknown = {}) => {
    const res = await call(openid, action, input)
    if (!res.ok) throw new Error(`credit.${action}: ${res.error.code} ${res.error.message}`)
    return res.data
  }
  const review = async (openid: string, input: unknown) => {
    const res = (await reviewMain(
      { action: 'submit', input },
      cloud.contextFor(openid),
    )) as Envelope
    if (!res.ok) throw new Error(`review.submit: ${res.error.code}`)
  }

  /** A ¥50 同城面交, paid and handed over. */
  const handedOver = async () => {
    const { order } = await aMeetupOrder(cloud, { listing: { priceFen: 5_000 } })
    await cloud.buyerPays(order.id)
    const { handoverCode } = await cloud.mustOrder('o-buyer', 'get', { orderId: order.id })
    return cloud.mustOrder('o-seller', 'handOver', { orderId: order.id, code: handoverCode })
  }

  /** Replaces the CreditTiers port's answer for one user during `run`. */
  const withTier = async (userId: string, key: CreditTierKey, run: () => Promise<void>) => {
    const before = moduleHooks.creditTier
    moduleHooks.creditTier = async (deps, id) => (id === userId ? tierByKey(key) : before(deps, id))
    try {
      await run()
    } finally {
      moduleHooks.creditTier = before
    }
  }

  it('a new account is 中等 with ways up; anonymous callers must sign in; payloads cannot pick a tier', async () => {
    const mine = await must('o-stranger', 'mine')
    expect(mine).toMatchObject({
      tier: { key: 'fair', label: '中等' },
      badge: null,
      history: { items: [] },
    })
    expect(mine.score).toBeGreaterThanOrEqual(520)
    expect(mine.base + mine.factors.reduce((s: number, f: any) => s + f.points, 0)).toBe(mine.score)
    expect(mine.improve.length).toBeGreaterThan(0)
    expect(mine.privileges[0]).toContain('最多同时在售 50 件')
    expect(mine.evidence).toEqual({ day: null, anchored: false })
    expect((await call(null, 'mine')).ok).toBe(false)
    const forged = await call('o-stranger', 'mine', { tier: 'excellent', score: 950 })
    expect(forged.ok ? 'ok' : forged.error.code).toBe('COMMON.VALIDATION')
  })

  it('a completed order and its published reviews become events of both chains; strangers see summaries only', async () => {
    const done = await handedOver()
    expect(done.state).toBe('completed')
    await review('o-buyer', { orderId: done.id, stars: 5, tags: ['描述相符'] })
    await review('o-seller', { orderId: done.id, stars: 5 })

    const seller = await must('o-seller', 'mine')
    const labels = seller.history.items.map((i: any) => i.label)
    expect(labels).toEqual(
      expect.arrayContaining([
        '完成一笔卖出 · ¥50',
        '收到 5 星评价',
        '完成微信支付实名',
        '开通收款',
      ]),
    )
    expect(seller.factors.find((f: any) => f.key === 'identity').points).toBe(40)
    const buyer = await must('o-buyer', 'mine')
    expect(buyer.history.items.map((i: any) => i.label)).toEqual(
      expect.arrayContaining(['完成一笔买入 · ¥50', '收到 5 星评价']),
    )

    const seen = await must('o-stranger', 'forUser', { userId: ids['o-seller'] })
    expect(seen).toMatchObject({ userId: ids['o-seller'], tier: { key: 'fair' } })
    expect(seen.summaries).toEqual(
      expect.arrayContaining([
        { key: 'trades', label: '成交', value: '1 笔' },
        { key: 'goodRate', label: '好评率', value: '100%' },
      ]),
    )
    expect(seen).not.toHaveProperty('history')

    // A replayed move records nothing twice; the full run folds the same state from the chain.
    const before = await cloud.container.store.count(CreditEvents, { userId: ids['o-seller'] })
    await moduleHooks.orderMoved.at(-1)!.inTx!(
      cloud.container.store,
      (await cloud.container.store.get(Orders, done.id))!,
      cloud.clock.now(),
    )
    expect(await cloud.container.store.count(CreditEvents, { userId: ids['o-seller'] })).toBe(
      before,
    )
    expect(await recomputeCredit(cloud.container)).toMatchObject({ drifted: 0 })
  })

  it('the day’s Merkle root proves the chain head; a rewritten past event is detected', async () => {
    await handedOver()
    await must('o-seller', 'mine')
    const anchored = await anchorCreditDay(cloud.container)
    expect(anchored.anchored).toBeGreaterThanOrEqual(2)
    const status = await must('o-seller', 'mine')
    expect(status.evidence).toEqual({ day: anchored.day, anchored: true })

    const evidence = await must('o-seller', 'evidence', {})
    expect(evidence.day).toBe(anchored.day)
    expect(verifyEvidence({ ...evidence, expectedRoot: anchored.root })).toEqual({
      ok: true,
      anchored: true,
    })
    expect((await must('o-seller', 'evidence', { day: anchored.day })).proof.root).toBe(
      anchored.root,
    )

    // Someone with database access lowers the first sale's amount and rehashes the whole chain.
    const links = await cloud.container.store.find(
      CreditEvents,
      { userId: ids['o-seller'] },
      { orderBy: { field: 'seq', direction: 'asc' }, limit: 50 },
    )
    const sale = links.items.find((l) => l.event.kind === 'trade_sold')!
    await cloud.container.store.update(CreditEvents, sale._id, {
      event: { ...sale.event, amountFen: 1 },
    })
    const tampered = await must('o-seller', 'evidence', {})
    expect(verifyEvidence({ ...tampered, expectedRoot: anchored.root }).ok).toBe(false)
  })

  it('listing publish reads the tier: a 较差 seller may keep 10 listings on sale, not 11', async () => {
    const sellerId = ids['o-seller']!
    // Moderation's penalty (issue 15's input) takes the seller to 较差.
    await cloud.container.store.transaction((tx) =>
      recordCreditEvent(
        tx,
        sellerId,
        {
          kind: 'penalty',
          sourceId: 'MOD1',
          at: cloud.clock.now(),
          points: 250,
          reason: '发布违禁商品',
        },
        cloud.clock.now(),
      ),
    )
    expect((await must('o-seller', 'mine')).tier.key).toBe('poor')
    for (let i = 0; i < 10; i++) await cloud.publish('o-seller', { title: `闲置好物第${i + 1}件` })
    const eleventh = await cloud.listing(
      'o-seller',
      'create',
      await cloud.listingInput({ title: '第十一件闲置' }),
    )
    expect(eleventh.ok ? 'ok' : eleventh.error.code).toBe('LISTING.TOO_MANY_LIVE')
    // A draft is fine: the cap is on what is on sale.
    const draft = await cloud.listing(
      'o-seller',
      'create',
      await cloud.listingInput({ title: '草稿', publish: false }),
    )
    expect(draft.ok).toBe(true)
  })

  it('checkout reads the tier: a 极好 seller’s commission is halved and fixed on the order', async () => {
    await withTier(ids['o-seller']!, 'excellent', async () => {
      const { order } = await aMeetupOrder(cloud, { listing: { priceFen: 100_000 } })
      const stored = (await cloud.container.store.get(Orders, order.id))!
      expect(stored.commissionFen).toBe(500) // 1% halved of ¥1000
      expect(stored.commissionPolicy).toEqual({ rateBps: 50, capFen: 3_000 })
    })
    // The same seller at 中等 pays the full rate.
    const { order } = await aMeetupOrder(cloud, {
      listing: { priceFen: 100_000, title: '另一件宝贝' },
    })
    expect((await cloud.container.store.get(Orders, order.id))!.commissionFen).toBe(1_000)
  })

  it('release reads the tier: a 较差 seller’s money waits 7 more days after the handover', async () => {
    await withTier(ids['o-seller']!, 'poor', async () => {
      const received = await handedOver()
      expect(received.state).toBe('received')
      const order = (await cloud.container.store.get(Orders, received.id))!
      expect(order.settlement!.releaseNotBefore).toBe(cloud.clock.now() + 7 * DAY)
      const job = (
        await cloud.container.store.find(
          OutboxJobs,
          { orderId: received.id, kind: 'release' },
          { limit: 1 },
        )
      ).items[0]!
      expect(job.nextAt).toBe(order.settlement!.releaseNotBefore)
      await cloud.advance(6 * DAY)
      await runOrderJobs(cloud.container)
      expect((await cloud.container.store.get(Orders, received.id))!.state).toBe('received')
      await cloud.advance(DAY + 60_000)
      await runOrderJobs(cloud.container)
      expect((await cloud.container.store.get(Orders, received.id))!.state).toBe('completed')
    })
    // 中等: released at once.
    expect((await handedOver()).state).toBe('completed')
  })

  it('the stored tier is what the port answers', async () => {
    expect((await moduleHooks.creditTier(cloud.container, ids['o-stranger']!)).key).toBe('fair')
    await cloud.container.store.transaction((tx) =>
      recordCreditEvent(
        tx,
        ids['o-stranger']!,
        { kind: 'dispute_lost', sourceId: 'O1', at: cloud.clock.now(), share: 1 },
        cloud.clock.now(),
      ),
    )
    const account = (await cloud.container.store.get(CreditAccounts, ids['o-stranger']!))!
    expect((await moduleHooks.creditTier(cloud.container, ids['o-stranger']!)).key).toBe(
      account.breakdown.tier,
    )
    expect(account.breakdown.score).toBeLessThan((await must('o-buyer', 'mine')).score)
  })
})
