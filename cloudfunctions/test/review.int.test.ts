import { main as reviewMain } from '../src/functions/review'
import { main as userMain } from '../src/functions/user'
import { SANDBOX_TEMPLATES } from '../local/sandboxes/wechat-api'
import { aMeetupOrder, aShippedOrder } from '../local/mothers/order.mother'
import { orderHousekeeping } from '../src/modules/housekeeping'
import { moduleHooks } from '../src/modules/hooks'
import type { ReviewPublishedReaction } from '../src/modules/deps'
import { Reviews, ReviewWindows } from '../src/modules/review/domain/review.records'
import { ContentFlags } from '../src/modules/risk/domain/content-flag.record'
import { startEscrowCloud, type EscrowCloud } from './escrow-harness'

const MINUTE = 60_000
const DAY = 86_400_000

type Envelope =
  { ok: true; data: any } | { ok: false; error: { code: string; message: string; details?: any } }

/**
 * Reviews end to end: orders completed through the real order function (WeChat Pay sandbox), the
 * review function's main, the cron's order job on a fake clock, the WeChat API sandbox's inbox.
 */
describe('reviews: double-blind, after completed escrow orders', () => {
  let cloud: EscrowCloud
  let ids: Record<string, string>
  let waybills = 0

  beforeEach(async () => {
    cloud = await startEscrowCloud({ delivery: true })
    ids = {}
    for (const who of ['o-seller', 'o-buyer', 'o-stranger', 'o-operator'])
      ids[who] = await cloud.signUp(who)
    await cloud.makeOperator(ids['o-operator']!)
    await cloud.onboard(ids['o-seller']!)
  })
  afterEach(() => cloud.stop())

  const call = async (openid: string | null, action: string, input: unknown) =>
    (await reviewMain({ action, input }, cloud.contextFor(openid))) as Envelope
  const must = async (openid: string, action: string, input: unknown) => {
    const res = await call(openid, action, input)
    if (!res.ok) throw new Error(`review.${action}: ${res.error.code} ${res.error.message}`)
    return res.data
  }
  const codeOf = (res: Envelope) => (res.ok ? 'ok' : res.error.code)

  /** A ¥50 同城面交 the buyer paid and the seller handed over: released, completed. */
  const completedOrder = async (title = '九成新 索尼降噪耳机') => {
    const { order } = await aMeetupOrder(cloud, { listing: { title, priceFen: 5_000 } })
    await cloud.buyerPays(order.id)
    const { handoverCode } = await cloud.mustOrder('o-buyer', 'get', { orderId: order.id })
    const done = await cloud.mustOrder('o-seller', 'handOver', {
      orderId: order.id,
      code: handoverCode,
    })
    expect(done.state).toBe('completed')
    return order.id as string
  }

  const good = (over: Record<string, unknown> = {}) => ({
    stars: 5,
    tags: ['描述相符', '沟通愉快'],
    text: '耳机和描述一致，卖家很爽快',
    ...over,
  })
  const fromSeller = (over: Record<string, unknown> = {}) => ({
    stars: 4,
    tags: ['付款爽快', '守时'],
    text: '买家准时到，交易顺利',
    ...over,
  })

  /** Replaces the reviewPublished reactions for one test (moduleHooks is what the container holds). */
  const withReactions = async (reactions: ReviewPublishedReaction[], run: () => Promise<void>) => {
    const before = moduleHooks.reviewPublished
    moduleHooks.reviewPublished = reactions
    try {
      await run()
    } finally {
      moduleHooks.reviewPublished = before
    }
  }

  it('completing an order opens a 7-day window: both parties see it 待评价 with its deadline', async () => {
    const orderId = await completedOrder()
    const completedAt = cloud.clock.now()
    for (const who of ['o-buyer', 'o-seller']) {
      const mine = await must(who, 'mine', { box: 'pending' })
      expect(mine).toMatchObject({
        pendingCount: 1,
        pending: [
          {
            orderId,
            role: who === 'o-buyer' ? 'buyer' : 'seller',
            item: { title: '九成新 索尼降噪耳机' },
            closesAt: completedAt + 7 * DAY,
          },
        ],
      })
      expect(await must(who, 'forOrder', { orderId })).toMatchObject({
        state: 'blind',
        closesAt: completedAt + 7 * DAY,
        followUpUntil: completedAt + 30 * DAY,
        mine: { status: 'due', review: null },
        theirs: { status: 'due', review: null },
        actions: ['submit'],
      })
    }
    expect((await must('o-buyer', 'mine', { box: 'pending' })).pending[0].counterpart).toEqual({
      nickname: expect.any(String),
      avatarUrl: null,
    })
  })

  it('both in: neither sees the other’s until the second arrives, then both are published at once', async () => {
    const orderId = await completedOrder()
    const published: { by: string; stars: number | null; state: string }[] = []
    await withReactions(
      [async (_tx, r) => void published.push({ by: r.by, stars: r.stars, state: r.state })],
      async () => {
        const afterBuyer = await must('o-buyer', 'submit', { orderId, ...good() })
        expect(afterBuyer).toMatchObject({
          state: 'blind',
          mine: { status: 'submitted', review: { stars: 5, state: 'submitted' } },
          theirs: { status: 'due', review: null },
          actions: [],
        })
        // The seller learns that the buyer's review is in, and nothing of what it says.
        const sellerSees = await must('o-seller', 'forOrder', { orderId })
        expect(sellerSees).toMatchObject({
          theirs: { status: 'submitted', review: null },
          mine: { status: 'due' },
        })
        expect(JSON.stringify(sellerSees)).not.toContain('卖家很爽快')
        expect(JSON.stringify(await must('o-seller', 'mine', { box: 'received' }))).not.toContain(
          '卖家很爽快',
        )
        expect((await must('o-stranger', 'forUser', { userId: ids['o-seller'] })).items).toEqual([])
        expect(published).toEqual([])

        await cloud.advance(MINUTE)
        const afterSeller = await must('o-seller', 'submit', { orderId, ...fromSeller() })
        expect(afterSeller).toMatchObject({
          state: 'revealed',
          mine: { status: 'published', review: { stars: 4, tags: ['付款爽快', '守时'] } },
          theirs: { status: 'published', review: { stars: 5, text: '耳机和描述一致，卖家很爽快' } },
          actions: ['followUp', 'reply'],
        })
        expect(afterSeller.mine.review.publishedAt).toBe(afterSeller.theirs.review.publishedAt)
      },
    )
    // The hook ran once per review, in the publishing transaction, on the published record.
    expect(published.sort((a, b) => a.by.localeCompare(b.by))).toEqual([
      { by: 'buyer', stars: 5, state: 'published' },
      { by: 'seller', stars: 4, state: 'published' },
    ])
    const ofSeller = await must('o-stranger', 'forUser', { userId: ids['o-seller'] })
    expect(ofSeller).toMatchObject({
      summary: { count: 1, goodCount: 1 },
      items: [{ by: 'buyer', stars: 5, reviewer: { nickname: expect.any(String) } }],
    })
    // Public: no order id, no user ids.
    const json = JSON.stringify(ofSeller)
    expect(json).not.toContain(orderId)
    for (const id of Object.values(ids)) expect(json).not.toContain(id)
    expect(
      (await must('o-stranger', 'forUser', { userId: ids['o-buyer'], role: 'buyer' })).items,
    ).toMatchObject([{ by: 'seller', stars: 4 }])
    expect(
      (await must('o-stranger', 'forUser', { userId: ids['o-buyer'], role: 'seller' })).items,
    ).toEqual([])
    // The reviewee hears of it under 消息.
    const notices = (await userMain(
      { action: 'notices', input: {} },
      cloud.contextFor('o-seller'),
    )) as Envelope
    expect(notices.ok && notices.data.items).toContainEqual(
      expect.objectContaining({ kind: 'review', title: '收到新评价', orderId }),
    )
  })

  it('a reaction that throws rolls the publication back: nothing is half-published', async () => {
    const orderId = await completedOrder()
    await must('o-buyer', 'submit', { orderId, ...good() })
    // The handler logs the unexpected error for operators; the test needs no console noise.
    jest.spyOn(console, 'error').mockImplementationOnce(() => undefined)
    await withReactions(
      [
        async () => {
          throw new Error('credit is down')
        },
      ],
      async () => {
        expect(codeOf(await call('o-seller', 'submit', { orderId, ...fromSeller() }))).toBe(
          'COMMON.INTERNAL',
        )
      },
    )
    expect(await must('o-seller', 'forOrder', { orderId })).toMatchObject({
      state: 'blind',
      mine: { status: 'due' },
      theirs: { status: 'submitted', review: null },
    })
  })

  it('one in: published at the window’s close by the cron, not a minute before; the other lapses', async () => {
    const orderId = await completedOrder()
    const closesAt = cloud.clock.now() + 7 * DAY
    await must('o-buyer', 'submit', { orderId, ...good() })
    const published: string[] = []
    await withReactions([async (_tx, r) => void published.push(r.by)], async () => {
      await cloud.advance(7 * DAY - 2 * MINUTE)
      await orderHousekeeping(cloud.container)
      expect((await must('o-seller', 'forOrder', { orderId })).theirs.review).toBeNull()
      expect(published).toEqual([])

      await cloud.advance(2 * MINUTE)
      expect(cloud.clock.now()).toBeGreaterThanOrEqual(closesAt)
      expect((await orderHousekeeping(cloud.container)).reviews).toMatchObject({ published: 1 })
    })
    expect(published).toEqual(['buyer'])
    expect(await must('o-seller', 'forOrder', { orderId })).toMatchObject({
      state: 'revealed',
      mine: { status: 'lapsed', review: null },
      theirs: { status: 'published', review: { stars: 5 } },
      actions: ['reply'],
    })
    expect(codeOf(await call('o-seller', 'submit', { orderId, ...fromSeller() }))).toBe(
      'REVIEW.WINDOW_CLOSED',
    )
    expect((await must('o-seller', 'mine', { box: 'pending' })).pendingCount).toBe(0)
    expect((await must('o-stranger', 'forUser', { userId: ids['o-seller'] })).summary).toEqual({
      count: 1,
      goodCount: 1,
    })
    // A second sweep publishes nothing again.
    expect((await orderHousekeeping(cloud.container)).reviews).toEqual({
      published: 0,
      reminded: 0,
    })
  })

  it('none in: nothing is published at the close, and both lapse', async () => {
    const orderId = await completedOrder()
    const published: string[] = []
    await withReactions([async (_tx, r) => void published.push(r.by)], async () => {
      await cloud.advance(7 * DAY)
      await orderHousekeeping(cloud.container)
    })
    expect(published).toEqual([])
    expect(await must('o-buyer', 'forOrder', { orderId })).toMatchObject({
      state: 'revealed',
      mine: { status: 'lapsed' },
      theirs: { status: 'lapsed' },
      actions: [],
    })
    for (const who of ['o-seller', 'o-buyer'])
      expect((await must('o-stranger', 'forUser', { userId: ids[who] })).summary.count).toBe(0)
  })

  it('a closed window refuses a review even before the cron has swept it', async () => {
    const orderId = await completedOrder()
    await cloud.advance(7 * DAY)
    expect(codeOf(await call('o-buyer', 'submit', { orderId, ...good() }))).toBe(
      'REVIEW.WINDOW_CLOSED',
    )
    expect((await must('o-buyer', 'mine', { box: 'pending' })).pending).toEqual([])
    expect((await cloud.container.store.get(Reviews, `${orderId}:buyer`))!.state).toBe('due')
  })

  it('one review per party and order: a second submit is refused and changes nothing', async () => {
    const orderId = await completedOrder()
    await must('o-buyer', 'submit', { orderId, ...good() })
    expect(
      codeOf(await call('o-buyer', 'submit', { orderId, ...good({ stars: 1, text: '改差评' }) })),
    ).toBe('REVIEW.ALREADY_SUBMITTED')
    const mine = await must('o-buyer', 'forOrder', { orderId })
    expect(mine.mine.review).toMatchObject({ stars: 5, text: '耳机和描述一致，卖家很爽快' })
  })

  it('two parties submitting at once: the window is written by both, so the pair is published', async () => {
    const orderId = await completedOrder()
    const [a, b] = await Promise.all([
      call('o-buyer', 'submit', { orderId, ...good() }),
      call('o-seller', 'submit', { orderId, ...fromSeller() }),
    ])
    expect([codeOf(a), codeOf(b)]).toEqual(['ok', 'ok'])
    expect(await must('o-buyer', 'forOrder', { orderId })).toMatchObject({
      state: 'revealed',
      theirs: { status: 'published' },
      mine: { status: 'published' },
    })
  })

  it('only parties of completed orders: unfinished and refunded orders give none, strangers and operators are told nothing', async () => {
    const { order: unpaid } = await aMeetupOrder(cloud, { listing: { title: '未付款的台灯' } })
    const { order: paid } = await aMeetupOrder(cloud, { listing: { title: '已付款的台灯' } })
    await cloud.buyerPays(paid.id)
    const { order: cancelled } = await aMeetupOrder(cloud, { listing: { title: '取消的台灯' } })
    await cloud.buyerPays(cancelled.id)
    await cloud.mustOrder('o-buyer', 'cancel', { orderId: cancelled.id })
    expect((await cloud.mustOrder('o-buyer', 'get', { orderId: cancelled.id })).state).toBe(
      'refunded',
    )
    for (const orderId of [unpaid.id, paid.id, cancelled.id]) {
      for (const party of ['o-buyer', 'o-seller']) {
        expect(await must(party, 'forOrder', { orderId })).toBeNull()
        expect(codeOf(await call(party, 'submit', { orderId, ...good() }))).toBe(
          'REVIEW.NOT_REVIEWABLE',
        )
      }
    }
    const completed = await completedOrder()
    for (const orderId of [completed, paid.id])
      for (const outsider of ['o-stranger', 'o-operator']) {
        expect(codeOf(await call(outsider, 'forOrder', { orderId }))).toBe('COMMON.NOT_FOUND')
        expect(codeOf(await call(outsider, 'submit', { orderId, ...good() }))).toBe(
          'COMMON.NOT_FOUND',
        )
        expect(codeOf(await call(outsider, 'reply', { orderId, text: '冒名回复' }))).toBe(
          'COMMON.NOT_FOUND',
        )
      }
    expect(codeOf(await call(null, 'submit', { orderId: completed, ...good() }))).toBe(
      'COMMON.UNAUTHENTICATED',
    )
  })

  it('identity comes from the session: a reviewer, reviewee or party in the payload is refused', async () => {
    const orderId = await completedOrder()
    for (const forged of [
      { reviewerId: ids['o-seller'] },
      { by: 'seller' },
      { revieweeId: ids['o-buyer'] },
      { userId: ids['o-seller'] },
      { state: 'published' },
    ])
      expect(codeOf(await call('o-buyer', 'submit', { orderId, ...good(), ...forged }))).toBe(
        'COMMON.VALIDATION',
      )
    // A stranger naming the buyer's order cannot rate the seller, whatever the payload says.
    expect(codeOf(await call('o-stranger', 'submit', { orderId, ...good() }))).toBe(
      'COMMON.NOT_FOUND',
    )
    expect((await must('o-buyer', 'forOrder', { orderId })).mine.status).toBe('due')
  })

  describe('after a dispute, as its outcome allows', () => {
    /** A shipped ¥100 courier order, 仅退款 refused by the seller: an operator decides. */
    const disputed = async () => {
      const { order } = await aShippedOrder(cloud, {
        listing: { title: '有争议的相机', priceFen: 10_000 },
        parcel: { company: '顺丰速运', waybillNo: `SF${1_234_567_800_000 + ++waybills}` },
      })
      await cloud.mustOrder('o-buyer', 'requestRefund', {
        orderId: order.id,
        type: 'refund_only',
        reason: '镜头有霉斑',
      })
      await cloud.mustOrder('o-seller', 'answerRefund', {
        orderId: order.id,
        answer: 'refuse',
        note: '发货时镜头完好',
      })
      return order.id as string
    }

    it('found for the buyer (refunded): the buyer alone may review, and it is published at once', async () => {
      const orderId = await disputed()
      await cloud.mustOrder('o-operator', 'resolve', {
        orderId,
        outcome: 'refund',
        note: '霉斑属实',
      })
      await cloud.advance(5_000)
      expect(codeOf(await call('o-seller', 'submit', { orderId, ...fromSeller() }))).toBe(
        'REVIEW.NOT_REVIEWABLE',
      )
      expect((await must('o-seller', 'mine', { box: 'pending' })).pendingCount).toBe(0)
      expect((await must('o-buyer', 'mine', { box: 'pending' })).pendingCount).toBe(1)
      const after = await must('o-buyer', 'submit', {
        orderId,
        ...good({ stars: 1, tags: ['与描述不符'], text: '镜头有霉斑，描述没写' }),
      })
      expect(after).toMatchObject({
        state: 'revealed',
        mine: { status: 'published' },
        theirs: { status: 'none', review: null },
      })
      expect(
        (await must('o-stranger', 'forUser', { userId: ids['o-seller'], role: 'seller' })).summary,
      ).toEqual({ count: 1, goodCount: 0 })
    })

    it('found for the seller (released, completed): both may review', async () => {
      const orderId = await disputed()
      await cloud.mustOrder('o-operator', 'resolve', {
        orderId,
        outcome: 'release',
        note: '镜头完好',
      })
      await cloud.advance(5_000)
      expect((await cloud.mustOrder('o-buyer', 'get', { orderId })).state).toBe('completed')
      for (const who of ['o-buyer', 'o-seller'])
        expect((await must(who, 'forOrder', { orderId })).actions).toEqual(['submit'])
    })
  })

  it('追评: once, on a published review, within 30 days of completion', async () => {
    const orderId = await completedOrder()
    await must('o-buyer', 'submit', { orderId, ...good() })
    expect(codeOf(await call('o-buyer', 'followUp', { orderId, text: '用了一周还不错' }))).toBe(
      'REVIEW.NOT_PUBLISHED',
    )
    await must('o-seller', 'submit', { orderId, ...fromSeller() })
    expect(codeOf(await call('o-seller', 'followUp', { orderId, text: '' }))).toBe(
      'COMMON.VALIDATION',
    )
    const after = await must('o-buyer', 'followUp', { orderId, text: '用了一周还不错' })
    expect(after.mine.review.followUp).toMatchObject({ text: '用了一周还不错', photoUrls: [] })
    expect(after.actions).toEqual(['reply'])
    expect(codeOf(await call('o-buyer', 'followUp', { orderId, text: '再追一次' }))).toBe(
      'REVIEW.FOLLOW_UP_USED',
    )
    // The seller sees the follow-up on the buyer's review.
    expect((await must('o-seller', 'forOrder', { orderId })).theirs.review.followUp.text).toBe(
      '用了一周还不错',
    )
    await cloud.advance(30 * DAY)
    expect(codeOf(await call('o-seller', 'followUp', { orderId, text: '买家人很好' }))).toBe(
      'REVIEW.FOLLOW_UP_CLOSED',
    )
    // Someone who never rated has nothing to follow up.
    const other = await completedOrder('没人评价的台灯')
    await cloud.advance(7 * DAY)
    await orderHousekeeping(cloud.container)
    expect(codeOf(await call('o-buyer', 'followUp', { orderId: other, text: '补一句' }))).toBe(
      'REVIEW.NOT_REVIEWABLE',
    )
  })

  it('a reply: by the reviewee, once, to a published review', async () => {
    const orderId = await completedOrder()
    await must('o-buyer', 'submit', { orderId, ...good({ stars: 2, text: '回复很慢' }) })
    expect(codeOf(await call('o-seller', 'reply', { orderId, text: '抱歉那几天在外地' }))).toBe(
      'REVIEW.NOTHING_TO_REPLY',
    )
    await cloud.advance(7 * DAY)
    await orderHousekeeping(cloud.container)
    const after = await must('o-seller', 'reply', { orderId, text: '抱歉那几天在外地' })
    expect(after.theirs.review.reply).toMatchObject({ text: '抱歉那几天在外地' })
    expect(codeOf(await call('o-seller', 'reply', { orderId, text: '再解释一下' }))).toBe(
      'REVIEW.ALREADY_REPLIED',
    )
    // The buyer's own review has no reply of the buyer's to give; the seller's lapsed one none.
    expect(codeOf(await call('o-buyer', 'reply', { orderId, text: '好的' }))).toBe(
      'REVIEW.NOTHING_TO_REPLY',
    )
    const publicView = await must('o-stranger', 'forUser', { userId: ids['o-seller'] })
    expect(publicView.items[0]).toMatchObject({ stars: 2, reply: { text: '抱歉那几天在外地' } })
  })

  it('text passes the chat’s content guard: contacts and lures are refused and nothing is written', async () => {
    const orderId = await completedOrder()
    for (const text of [
      '人不错，加我微信 abc_12345 下次直接交易',
      '有事打 138 0013 8000',
      '下次私下转账更便宜',
      '更多好货看 t.cn/abcd',
    ]) {
      const res = await call('o-buyer', 'submit', { orderId, ...good({ text }) })
      expect(res).toMatchObject({
        ok: false,
        error: { code: 'REVIEW.OFF_PLATFORM', details: { path: ['text'] } },
      })
    }
    expect((await must('o-buyer', 'forOrder', { orderId })).mine.status).toBe('due')
    // A harmless number (a date, a price) is fine.
    await must('o-buyer', 'submit', { orderId, ...good({ text: '2026-12-01 面交，¥50 很值' }) })
    await must('o-seller', 'submit', { orderId, ...fromSeller() })
    expect(
      codeOf(await call('o-seller', 'reply', { orderId, text: '谢谢，有需要加v: lq_seller88' })),
    ).toBe('REVIEW.OFF_PLATFORM')
    expect(
      codeOf(await call('o-buyer', 'followUp', { orderId, text: '卖家QQ 12345678 可以问' })),
    ).toBe('REVIEW.OFF_PLATFORM')
    const seen = await must('o-buyer', 'forOrder', { orderId })
    expect(seen.mine.review.followUp).toBeNull()
    expect(seen.theirs.review.reply).toBeNull()
  })

  it('text passes the content checks: prohibited goods are refused, doubtful text is written and flagged', async () => {
    const orderId = await completedOrder()
    expect(
      codeOf(
        await call('o-buyer', 'submit', { orderId, ...good({ text: '卖家还有仿真 枪，别买' }) }),
      ),
    ).toBe('CONTENT.BLOCKED')
    expect((await must('o-buyer', 'forOrder', { orderId })).mine.status).toBe('due')
    await must('o-buyer', 'submit', { orderId, ...good({ text: '鞋子是莆田的，但和描述一致' }) })
    await must('o-seller', 'submit', { orderId, ...fromSeller() })
    expect(codeOf(await call('o-seller', 'reply', { orderId, text: '下次给你带 a货' }))).toBe(
      'CONTENT.BLOCKED',
    )
    const flags = (
      await cloud.container.store.find(ContentFlags, { kind: 'review' }, { limit: 10 })
    ).items
    expect(flags).toEqual([
      expect.objectContaining({
        kind: 'review',
        userId: ids['o-buyer'],
        action: 'review',
        hits: [expect.objectContaining({ term: '莆田', path: 'text' })],
      }),
    ])
    expect((await cloud.container.store.get(Reviews, flags[0]!.targetId))!.text).toContain('莆田')
  })

  it('tags come from the rated party’s list, photos from the caller’s own review uploads (at most 6)', async () => {
    const orderId = await completedOrder()
    expect(
      codeOf(await call('o-buyer', 'submit', { orderId, ...good({ tags: ['付款爽快'] }) })),
    ).toBe('REVIEW.TAG_INVALID')
    expect(
      codeOf(await call('o-buyer', 'submit', { orderId, ...good({ tags: ['超级好'] }) })),
    ).toBe('COMMON.VALIDATION')
    expect(
      codeOf(await call('o-buyer', 'submit', { orderId, ...good({ tags: ['发货快', '发货快'] }) })),
    ).toBe('COMMON.VALIDATION')
    expect(codeOf(await call('o-buyer', 'submit', { orderId, ...good({ stars: 0 }) }))).toBe(
      'COMMON.VALIDATION',
    )
    const theirs = await cloud.uploadPhoto('o-seller', 'review-photos')
    const listingPhoto = await cloud.uploadPhoto('o-buyer', 'listing-photos')
    for (const fileId of [theirs, listingPhoto])
      expect(
        codeOf(await call('o-buyer', 'submit', { orderId, ...good({ photoFileIds: [fileId] }) })),
      ).toBe('FILE.NOT_OWNED')
    const mine = await Promise.all(
      Array.from({ length: 7 }, () => cloud.uploadPhoto('o-buyer', 'review-photos')),
    )
    expect(
      codeOf(await call('o-buyer', 'submit', { orderId, ...good({ photoFileIds: mine }) })),
    ).toBe('COMMON.VALIDATION')
    expect((await must('o-buyer', 'forOrder', { orderId })).mine.status).toBe('due')
    const done = await must('o-buyer', 'submit', {
      orderId,
      ...good({ photoFileIds: mine.slice(0, 2) }),
    })
    expect(done.mine.review.photoUrls).toHaveLength(2)
  })

  it('a day before the close, whoever has not rated gets a notice and the 评价提醒 subscribe message, once', async () => {
    const orderId = await completedOrder('提醒测试 台灯')
    cloud.wechatApi!.engine.subscribe('o-seller', [SANDBOX_TEMPLATES.reviewReminder.id])
    cloud.wechatApi!.engine.subscribe('o-buyer', [SANDBOX_TEMPLATES.reviewReminder.id])
    await must('o-buyer', 'submit', { orderId, ...good() })
    await cloud.advance(6 * DAY - MINUTE)
    expect((await orderHousekeeping(cloud.container)).reviews.reminded).toBe(0)
    await cloud.advance(MINUTE)
    expect((await orderHousekeeping(cloud.container)).reviews.reminded).toBe(1)
    await cloud.advance(MINUTE)
    expect((await orderHousekeeping(cloud.container)).reviews.reminded).toBe(0)

    const noticesOf = async (openid: string) => {
      const res = (await userMain(
        { action: 'notices', input: {} },
        cloud.contextFor(openid),
      )) as Envelope
      return res.ok ? (res.data.items as { kind: string; title: string; orderId: string }[]) : []
    }
    expect((await noticesOf('o-seller')).filter((n) => n.title === '评价即将截止')).toEqual([
      expect.objectContaining({ kind: 'review', orderId }),
    ])
    expect((await noticesOf('o-buyer')).filter((n) => n.title === '评价即将截止')).toEqual([])
    const reminders = (openid: string) =>
      cloud
        .wechatApi!.engine.inboxOf(openid)
        .filter((m) => m.template_id === SANDBOX_TEMPLATES.reviewReminder.id)
    const sent = reminders('o-seller')
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({
      title: '评价提醒',
      page: `package-order/review/index?orderId=${orderId}`,
    })
    const rows = Object.fromEntries(sent[0]!.rows.map((r) => [r.name, r.value]))
    expect(rows).toMatchObject({
      thing1: '提醒测试 台灯',
      time3: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
    })
    expect(reminders('o-buyer')).toHaveLength(0)
    const window = (await cloud.container.store.get(ReviewWindows, orderId))!
    expect(window.remindAt).toBeNull()
  })
})
