import { Messages } from '../src/modules/chat/domain/chat.records'
import { HIDE_THRESHOLD, PENALTY_POINTS, REPORT_LIMITS, slaHours } from '@shared/domain/report'
import { DAY, HOUR } from '@shared/domain/time'
import { aUser } from '../local/mothers/user.mother'
import { aPendingOrderRecord } from '../local/mothers/order-record.mother'
import { main as chat } from '../src/functions/chat'
import { main as listing } from '../src/functions/listing'
import { main as merchant } from '../src/functions/merchant'
import { main as report } from '../src/functions/report'
import { main as user } from '../src/functions/user'
import { recordCreditEvent } from '../src/modules/credit'
import { creditTierOf } from '../src/modules/credit/application/credit-tier'
import { CreditEvents } from '../src/modules/credit/domain/credit.records'
import { Listings } from '../src/modules/listing/domain/listing.record'
import { Orders } from '../src/modules/order/domain/order.record'
import { ReporterStats } from '../src/modules/report/domain/report.records'
import { saveFlag } from '../src/modules/risk'
import { publishListing } from './fixtures'
import { invoke, startTestCloud, type TestCloud } from './harness'

type Envelope = Awaited<ReturnType<typeof invoke>>

let n = 0
const cid = () => `client-msg-${String(++n).padStart(6, '0')}`

describe('report: 举报, triage, the moderation queue, decisions and appeals', () => {
  let cloud: TestCloud
  const id: Record<string, string> = {}

  beforeEach(async () => {
    cloud = startTestCloud()
    for (const who of ['o-seller', 'o-buyer', 'o-r1', 'o-r2', 'o-r3', 'o-r4', 'o-liar'])
      id[who] = (await aUser(cloud.container, who, { nickname: who.slice(2) }))._id
    id['o-mod'] = (
      await aUser(cloud.container, 'o-mod', { nickname: '审核员甲', roles: ['user', 'moderator'] })
    )._id
    id['o-mod2'] = (
      await aUser(cloud.container, 'o-mod2', { nickname: '审核员乙', roles: ['user', 'moderator'] })
    )._id
  })
  afterEach(() => cloud.stop())

  const call = (openid: string | null, action: string, input?: unknown) =>
    invoke(report, cloud, openid, action, input)
  const must = async (openid: string, action: string, input?: unknown) => {
    const res = await call(openid, action, input)
    if (!res.ok) throw new Error(`report.${action}: ${res.error.code} ${res.error.message}`)
    return res.data
  }
  const codeOf = (res: Envelope) => (res.ok ? 'ok' : res.error.code)
  const reportOn = (
    openid: string,
    target: { kind: string; id: string },
    reason = 'fraud',
    over: Record<string, unknown> = {},
  ) => call(openid, 'create', { target, reason, text: '', ...over })
  const listingTarget = (listingId: string) => ({ kind: 'listing', id: listingId })
  const queue = async (view: 'cases' | 'appeals' = 'cases') =>
    (await must('o-mod', 'queue', { view })).items as any[]
  const caseOf = async (targetId: string) => {
    const card = (await queue()).find((c) => c.target.id === targetId)
    if (!card) throw new Error(`no open case on ${targetId}`)
    return must('o-mod', 'case', { caseId: card.caseId })
  }
  const notices = async (openid: string) =>
    (
      (await invoke(user, cloud, openid, 'notices', {})) as { ok: true; data: any }
    ).data.items.filter((x: any) => x.kind === 'moderation')
  /** The buyer's conversation with the seller about a listing, with one message from each. */
  const conversation = async () => {
    const l = await publishListing(cloud, 'o-seller', { title: '聊天用的旧台灯' })
    const opened = await invoke(chat, cloud, 'o-buyer', 'open', { listingId: l.id })
    if (!opened.ok) throw new Error(opened.error.code)
    const send = async (openid: string, text: string) => {
      const res = await invoke(chat, cloud, openid, 'send', {
        conversationId: opened.data.id,
        clientMsgId: cid(),
        kind: 'text',
        text,
      })
      if (!res.ok) throw new Error(`${res.error.code} ${res.error.message}`)
      return res.data
    }
    const fromBuyer = await send('o-buyer', '你好，还在吗？')
    const fromSeller = await send('o-seller', '在的，你这个傻子')
    return { conversationId: opened.data.id as string, fromBuyer, fromSeller, send }
  }
  const messagesSeenBy = async (openid: string, conversationId: string) => {
    const res = await invoke(chat, cloud, openid, 'history', { conversationId })
    if (!res.ok) throw new Error(res.error.code)
    return res.data.items.map((m: any) => m.text)
  }
  const decide = (caseId: string, over: Record<string, unknown>, by = 'o-mod') =>
    call(by, 'decide', { caseId, rule: 'R1-fraud', reason: '核实为虚假宝贝', ...over })
  const lowerCredit = (userId: string, points = 400) =>
    cloud.container.store.transaction((tx) =>
      recordCreditEvent(
        tx,
        userId,
        { kind: 'penalty', sourceId: `test-${points}`, at: cloud.clock.now(), points },
        cloud.clock.now(),
      ),
    )

  describe('create', () => {
    it('reports a listing, a user, a chat message and an order', async () => {
      const l = await publishListing(cloud, 'o-seller')
      expect(await reportOn('o-buyer', listingTarget(l.id), 'counterfeit')).toMatchObject({
        ok: true,
        data: { duplicate: false },
      })
      expect(codeOf(await reportOn('o-buyer', { kind: 'user', id: id['o-seller']! }, 'spam'))).toBe(
        'ok',
      )
      const { fromSeller } = await conversation()
      const onMessage = await reportOn(
        'o-buyer',
        { kind: 'message', id: fromSeller.id },
        'harassment',
        { text: '对方骂人', messageRefs: [fromSeller.id] },
      )
      expect(codeOf(onMessage)).toBe('ok')
      const order = aPendingOrderRecord({
        _id: '01JORDERREPORT000000000001',
        subMchid: '1900000001',
        buyerId: id['o-buyer']!,
        sellerId: id['o-seller']!,
        title: '被举报的订单宝贝',
      })
      await cloud.container.store.insert(Orders, order)
      expect(
        codeOf(await reportOn('o-buyer', { kind: 'order', id: order._id }, 'not_as_described')),
      ).toBe('ok')
      // A stranger to the order cannot report it (nor learn it exists).
      expect(codeOf(await reportOn('o-r1', { kind: 'order', id: order._id }))).toBe(
        'COMMON.NOT_FOUND',
      )

      const cards = await queue()
      expect(cards.map((c) => c.target.kind).sort()).toEqual([
        'listing',
        'message',
        'order',
        'user',
      ])
      const messageCase = await caseOf(fromSeller.id)
      expect(messageCase.target.owner.id).toBe(id['o-seller'])
      expect(messageCase.reports[0].messages).toEqual([
        expect.objectContaining({ from: 'reported', text: '在的，你这个傻子' }),
      ])
      const orderCase = await caseOf(order._id)
      expect(orderCase.target.owner.id).toBe(id['o-seller'])
      const mine = await must('o-buyer', 'mine', {})
      expect(mine.items).toHaveLength(4)
      expect(mine.items.every((r: any) => r.status === 'pending')).toBe(true)
    })

    it('refuses reporting oneself, a reason that does not fit, a missing or hidden target', async () => {
      const l = await publishListing(cloud, 'o-seller')
      expect(codeOf(await reportOn('o-seller', listingTarget(l.id)))).toBe('REPORT.SELF')
      expect(codeOf(await reportOn('o-buyer', { kind: 'user', id: id['o-buyer']! }))).toBe(
        'REPORT.SELF',
      )
      expect(codeOf(await reportOn('o-buyer', listingTarget(l.id), 'harassment'))).toBe(
        'REPORT.REASON_MISMATCH',
      )
      expect(codeOf(await reportOn('o-buyer', { kind: 'message', id: 'x' }, 'counterfeit'))).toBe(
        'REPORT.REASON_MISMATCH',
      )
      expect(codeOf(await reportOn('o-buyer', listingTarget('01JNOSUCHLISTING0000000000')))).toBe(
        'COMMON.NOT_FOUND',
      )
      const draft = await publishListing(cloud, 'o-seller', { publish: false })
      expect(codeOf(await reportOn('o-buyer', listingTarget(draft.id)))).toBe('COMMON.NOT_FOUND')
    })

    it('takes chat messages only from conversations the reporter is in, photos only of their own', async () => {
      const { fromSeller, fromBuyer } = await conversation()
      // A stranger can neither report the message nor quote it.
      expect(
        codeOf(await reportOn('o-r1', { kind: 'message', id: fromSeller.id }, 'harassment')),
      ).toBe('COMMON.NOT_FOUND')
      expect(
        codeOf(
          await reportOn('o-r1', { kind: 'user', id: id['o-seller']! }, 'harassment', {
            messageRefs: [fromBuyer.id],
          }),
        ),
      ).toBe('REPORT.MESSAGE_NOT_YOURS')
      const others = await cloud.uploadPhoto('o-r2', 'evidence')
      const notEvidence = await cloud.uploadPhoto('o-r1', 'listing-photos')
      for (const fileId of [others, notEvidence])
        expect(
          codeOf(
            await reportOn('o-r1', { kind: 'user', id: id['o-seller']! }, 'fraud', {
              photoFileIds: [fileId],
            }),
          ),
        ).toBe('FILE.NOT_OWNED')
      const mine = await cloud.uploadPhoto('o-r1', 'evidence')
      expect(
        codeOf(
          await reportOn('o-r1', { kind: 'user', id: id['o-seller']! }, 'fraud', {
            photoFileIds: [mine],
          }),
        ),
      ).toBe('ok')
      expect((await caseOf(id['o-seller']!)).reports[0].photoUrls).toHaveLength(1)
    })

    it('screens the text like reviews and disputes', async () => {
      const l = await publishListing(cloud, 'o-seller')
      expect(
        codeOf(
          await reportOn('o-buyer', listingTarget(l.id), 'fraud', { text: '出售冰毒 海洛因' }),
        ),
      ).toBe('CONTENT.BLOCKED')
      expect(await queue()).toEqual([])
      // What it reports it may name: counterfeit goods, a move off the platform.
      expect(
        codeOf(
          await reportOn('o-buyer', listingTarget(l.id), 'counterfeit', {
            text: '卖假货，还让我加微信私下转账',
          }),
        ),
      ).toBe('ok')
    })

    it('counts a second report by the same person on the same open target once', async () => {
      const l = await publishListing(cloud, 'o-seller')
      const first = await must('o-buyer', 'create', {
        target: listingTarget(l.id),
        reason: 'spam',
        text: '',
      })
      const before = (await queue())[0]
      const again = await must('o-buyer', 'create', {
        target: listingTarget(l.id),
        reason: 'fraud',
        text: '再举报一次',
      })
      expect(again).toEqual({ id: first.id, duplicate: true })
      const after = (await queue())[0]
      expect(after).toEqual(before)
      expect(after.reporters).toBe(1)
      expect((await must('o-buyer', 'mine', {})).items).toHaveLength(1)
    })

    it('limits reports per reporter per day, every attempt counting', async () => {
      const l = await publishListing(cloud, 'o-seller')
      for (let i = 0; i < REPORT_LIMITS.perDay; i++)
        expect(
          codeOf(await reportOn('o-buyer', listingTarget(l.id), i % 2 ? 'harassment' : 'spam')),
        ).not.toBe('COMMON.RATE_LIMITED')
      expect(codeOf(await reportOn('o-buyer', listingTarget(l.id)))).toBe('COMMON.RATE_LIMITED')
      cloud.clock.advance(DAY)
      expect(codeOf(await reportOn('o-buyer', { kind: 'user', id: id['o-seller']! }))).toBe('ok')
    })
  })

  describe('triage and the queue', () => {
    it('orders by severity, independent reporters, credibility, flags and low credit, then age', async () => {
      const spam = await publishListing(cloud, 'o-seller', { title: '刷屏宝贝' })
      const fraud = await publishListing(cloud, 'o-seller', { title: '诈骗宝贝' })
      const crowd = await publishListing(cloud, 'o-seller', { title: '多人举报宝贝' })
      const liar = await publishListing(cloud, 'o-seller', { title: '被惯犯举报的宝贝' })
      const flagged = await publishListing(cloud, 'o-seller', { title: '有风险标记的宝贝' })
      await cloud.container.store.insert(ReporterStats, {
        _id: id['o-liar']!,
        upheld: 0,
        dismissed: 12,
        version: 1,
      })
      await saveFlag(cloud.container.store, {
        _id: '01JFLAG0000000000000000001',
        kind: 'listing',
        targetId: flagged.id,
        userId: id['o-seller']!,
        source: 'lexicon',
        action: 'review',
        hits: [],
        wechat: null,
        status: 'open',
        createdAt: cloud.clock.now(),
      })
      await reportOn('o-r1', listingTarget(spam.id), 'spam')
      cloud.clock.advance(HOUR)
      await reportOn('o-r1', listingTarget(fraud.id), 'counterfeit')
      await reportOn('o-r1', listingTarget(crowd.id), 'counterfeit')
      await reportOn('o-r2', listingTarget(crowd.id), 'counterfeit')
      await reportOn('o-liar', listingTarget(liar.id), 'counterfeit')
      await reportOn('o-r1', listingTarget(flagged.id), 'counterfeit')
      const score = Object.fromEntries((await queue()).map((c) => [c.targetLabel, c.score]))
      expect(score['多人举报宝贝']).toBeGreaterThan(score['诈骗宝贝'])
      expect(score['有风险标记的宝贝']).toBeGreaterThan(score['诈骗宝贝'])
      expect(score['诈骗宝贝']).toBeGreaterThan(score['被惯犯举报的宝贝'])
      expect(score['诈骗宝贝']).toBeGreaterThan(score['刷屏宝贝'])
      // The same report on a low-credit owner scores higher.
      const other = await aUser(cloud.container, 'o-lowcredit')
      await lowerCredit(other._id)
      expect((await creditTierOf(cloud.container, other._id)).key).toBe('poor')
      const low = await publishListing(cloud, 'o-lowcredit', { title: '低信用卖家的宝贝' })
      await reportOn('o-r1', listingTarget(low.id), 'counterfeit')
      const cards = await queue()
      const lowCard = cards.find((c) => c.targetLabel === '低信用卖家的宝贝')
      expect(lowCard.score).toBeGreaterThan(score['诈骗宝贝'])
      // Score descending, and within a score the oldest first.
      for (let i = 1; i < cards.length; i++) {
        expect(cards[i].score).toBeLessThanOrEqual(cards[i - 1].score)
        if (cards[i].score === cards[i - 1].score)
          expect(cards[i].openedAt).toBeGreaterThanOrEqual(cards[i - 1].openedAt)
      }
      for (const c of cards) expect(c.slaDueAt).toBe(c.openedAt + slaHours(c.score) * HOUR)
      // Paged, the same order.
      const first = await must('o-mod', 'queue', { limit: 4 })
      const rest = await must('o-mod', 'queue', { limit: 4, cursor: first.nextCursor })
      expect([...first.items, ...rest.items]).toEqual(cards)
      expect(rest.nextCursor).toBeNull()
      expect(cards.find((c) => c.targetLabel === '有风险标记的宝贝').riskFlags).toBe(1)
    })

    it('hides a listing pending review once the score reaches the threshold, and shows it again on dismissal', async () => {
      const l = await publishListing(cloud, 'o-seller', { title: '可疑的名牌包' })
      const feed = async () =>
        (
          (await invoke(listing, cloud, 'o-buyer', 'feed', { city: '上海', limit: 50 })) as any
        ).data.items.map((x: any) => x.id)
      expect(await feed()).toContain(l.id)
      for (const who of ['o-r1', 'o-r2', 'o-r3']) await reportOn(who, listingTarget(l.id), 'fraud')
      let card = (await queue())[0]
      expect(card.score).toBeLessThan(HIDE_THRESHOLD)
      expect(card.hidden).toBe(false)
      expect(await feed()).toContain(l.id)
      await reportOn('o-r4', listingTarget(l.id), 'fraud')
      card = (await queue())[0]
      expect(card.score).toBeGreaterThanOrEqual(HIDE_THRESHOLD)
      expect(card.hidden).toBe(true)
      expect(card.slaDueAt - card.openedAt).toBe(4 * HOUR)
      expect(await feed()).not.toContain(l.id)
      expect(codeOf(await invoke(listing, cloud, 'o-buyer', 'get', { id: l.id }))).toBe(
        'COMMON.NOT_FOUND',
      )
      // Someone who saw it before may still report the hidden listing.
      expect(codeOf(await reportOn('o-buyer', listingTarget(l.id), 'fraud'))).toBe('ok')
      await must('o-mod', 'decide', {
        caseId: card.caseId,
        action: 'dismiss',
        reason: '核实为正品，举报不成立',
      })
      expect(await feed()).toContain(l.id)
      const reports = (await must('o-r1', 'mine', {})).items
      expect(reports[0]).toMatchObject({ status: 'dismissed', decidedAt: cloud.clock.now() })
      expect((await cloud.container.store.get(ReporterStats, id['o-r1']!))?.dismissed).toBe(1)
    })

    it('hides a reported user’s listings on sale above the threshold, and only those it held', async () => {
      const onSale = await publishListing(cloud, 'o-seller', { title: '在售的宝贝' })
      const heldByRisk = await publishListing(cloud, 'o-seller', { title: '风控审核中的宝贝' })
      const riskHold = cloud.clock.now() - 1
      const stored = (await cloud.container.store.get(Listings, heldByRisk.id))!
      await cloud.container.store.update(Listings, heldByRisk.id, {
        reviewHeldAt: riskHold,
        version: stored.version + 1,
      })
      for (const who of ['o-r1', 'o-r2', 'o-r3', 'o-r4'])
        await reportOn(who, { kind: 'user', id: id['o-seller']! }, 'fraud')
      const card = (await queue())[0]
      expect(card).toMatchObject({ hidden: true, reporters: 4 })
      expect((await cloud.container.store.get(Listings, onSale.id))!.reviewHeldAt).not.toBeNull()
      await must('o-mod', 'decide', { caseId: card.caseId, action: 'dismiss', reason: '查无实据' })
      expect((await cloud.container.store.get(Listings, onSale.id))!.reviewHeldAt).toBeNull()
      // The risk checks' own hold is theirs to release.
      expect((await cloud.container.store.get(Listings, heldByRisk.id))!.reviewHeldAt).toBe(
        riskHold,
      )
    })

    it('hides a reported message from the other party, not from its sender', async () => {
      const { conversationId, fromSeller } = await conversation()
      await lowerCredit(id['o-seller']!)
      await saveFlag(cloud.container.store, {
        _id: '01JFLAG0000000000000000002',
        kind: 'chat-message',
        targetId: fromSeller.id,
        userId: id['o-seller']!,
        source: 'lexicon',
        action: 'warn',
        hits: [],
        wechat: null,
        status: 'open',
        createdAt: cloud.clock.now(),
      })
      await reportOn('o-buyer', { kind: 'message', id: fromSeller.id }, 'fraud')
      expect((await queue())[0].hidden).toBe(true)
      expect(await messagesSeenBy('o-buyer', conversationId)).toContain('[该消息被举报，正在审核]')
      expect(await messagesSeenBy('o-seller', conversationId)).toContain('在的，你这个傻子')
      // Nor does the conversation list preview it.
      const list = await invoke(chat, cloud, 'o-buyer', 'list', {})
      if (!list.ok) throw new Error(list.error.code)
      expect(JSON.stringify(list.data)).not.toContain('傻子')
      expect(JSON.stringify(list.data)).toContain('[消息审核中]')
    })

    it('answers COMMON.FORBIDDEN to non-moderators on every moderator action', async () => {
      const l = await publishListing(cloud, 'o-seller')
      await reportOn('o-buyer', listingTarget(l.id))
      const caseId = (await queue())[0].caseId
      for (const who of ['o-buyer', 'o-seller', 'o-r1']) {
        expect(codeOf(await call(who, 'queue', {}))).toBe('COMMON.FORBIDDEN')
        expect(codeOf(await call(who, 'queue', { view: 'appeals' }))).toBe('COMMON.FORBIDDEN')
        expect(codeOf(await call(who, 'case', { caseId }))).toBe('COMMON.FORBIDDEN')
        expect(codeOf(await decide(caseId, { action: 'warn' }, who))).toBe('COMMON.FORBIDDEN')
        expect(
          codeOf(
            await call(who, 'answerAppeal', { caseId, outcome: 'upheld', answer: '维持原判' }),
          ),
        ).toBe('COMMON.FORBIDDEN')
      }
      expect((await queue())[0].caseId).toBe(caseId)
    })
  })

  describe('decisions', () => {
    const openCase = async (kind = 'listing', over: Record<string, unknown> = {}) => {
      const l = await publishListing(cloud, 'o-seller', { title: '被举报的宝贝', ...over })
      await reportOn(
        'o-r1',
        kind === 'listing' ? listingTarget(l.id) : { kind: 'user', id: id['o-seller']! },
      )
      await reportOn(
        'o-r2',
        kind === 'listing' ? listingTarget(l.id) : { kind: 'user', id: id['o-seller']! },
      )
      return { listingId: l.id as string, caseId: (await queue())[0].caseId as string }
    }

    it('records the decision with moderator, rule, reason and evidence; closes the case', async () => {
      const { caseId } = await openCase()
      const decided = await must('o-mod', 'decide', {
        caseId,
        action: 'warn',
        rule: 'R3-counterfeit',
        reason: '图片与描述不符，疑似假货',
      })
      expect(decided.status).toBe('decided')
      expect(decided.decision).toMatchObject({
        action: 'warn',
        rule: 'R3-counterfeit',
        reason: '图片与描述不符，疑似假货',
        moderator: '审核员甲',
        at: cloud.clock.now(),
        appeal: null,
      })
      expect(await queue()).toEqual([])
      expect(codeOf(await decide(caseId, { action: 'warn' }))).toBe('MODERATION.CASE_CLOSED')
      // A new report on the same target opens a new case.
      const l = (await cloud.container.store.find(Listings, {}, { limit: 1 })).items[0]!
      await reportOn('o-r3', listingTarget(l._id))
      expect((await queue())[0].caseId).not.toBe(caseId)
    })

    it('asks for a rule, restrictions and days where the action needs them', async () => {
      const { caseId } = await openCase()
      expect(codeOf(await decide(caseId, { action: 'warn', rule: null }))).toBe('COMMON.VALIDATION')
      expect(codeOf(await decide(caseId, { action: 'restrict', days: 7 }))).toBe(
        'COMMON.VALIDATION',
      )
      expect(codeOf(await decide(caseId, { action: 'suspend' }))).toBe('COMMON.VALIDATION')
    })

    it('removes a listing: taken down, hidden, and the seller cannot bring it back', async () => {
      const { caseId, listingId } = await openCase()
      expect(codeOf(await decide(caseId, { action: 'remove' }))).toBe('ok')
      const l = (await cloud.container.store.get(Listings, listingId))!
      expect(l.status).toBe('removed')
      expect(l.reviewHeldAt).not.toBeNull()
      await invoke(listing, cloud, 'o-seller', 'relist', { id: listingId })
      expect(codeOf(await invoke(listing, cloud, 'o-buyer', 'get', { id: listingId }))).toBe(
        'COMMON.NOT_FOUND',
      )
    })

    it('removes a chat message for both parties', async () => {
      const { conversationId, fromSeller } = await conversation()
      await reportOn('o-buyer', { kind: 'message', id: fromSeller.id }, 'harassment')
      const caseId = (await queue())[0].caseId
      expect(codeOf(await decide(caseId, { action: 'remove', rule: 'R6-harassment' }))).toBe('ok')
      for (const who of ['o-buyer', 'o-seller'])
        expect(await messagesSeenBy(who, conversationId)).toContain(
          '[该消息违反平台规则，已被删除]',
        )
      // The words leave the stored message too: the weapp build's database watch hands message
      // documents to both phones.
      const stored = (await cloud.container.store.get(Messages, fromSeller.id))!
      expect(stored).toMatchObject({ moderation: 'removed', text: null, fileId: null })

      // Overturned on appeal, the message says what it said again.
      const { decisionId } = (await must('o-seller', 'myPenalties', {})).items[0]
      await must('o-seller', 'appeal', { decisionId, text: '只是开玩笑，没有恶意' })
      await must('o-mod2', 'answerAppeal', { caseId, outcome: 'overturned', answer: '复核后恢复' })
      expect((await cloud.container.store.get(Messages, fromSeller.id))!).toMatchObject({
        moderation: null,
        text: expect.any(String),
      })
      expect(await messagesSeenBy('o-buyer', conversationId)).not.toContain(
        '[该消息违反平台规则，已被删除]',
      )
    })

    it('restricts publishing, chat and withdrawals for the days given, then lets them again', async () => {
      const { conversationId, send } = await conversation()
      const { caseId } = await openCase('user')
      expect(
        codeOf(
          await decide(caseId, {
            action: 'restrict',
            restrictions: ['publish', 'chat', 'withdraw'],
            days: 7,
          }),
        ),
      ).toBe('ok')
      const input = { title: '限制期间发布', priceFen: 1000 }
      await expect(publishListing(cloud, 'o-seller', input)).rejects.toThrow('USER.RESTRICTED')
      const draft = await publishListing(cloud, 'o-seller', { ...input, publish: false })
      expect(codeOf(await invoke(listing, cloud, 'o-seller', 'publish', { id: draft.id }))).toBe(
        'USER.RESTRICTED',
      )
      await expect(send('o-seller', '还能说话吗')).rejects.toThrow('USER.RESTRICTED')
      expect(
        codeOf(
          await invoke(chat, cloud, 'o-buyer', 'send', {
            conversationId,
            clientMsgId: cid(),
            kind: 'text',
            text: '买家不受影响',
          }),
        ),
      ).toBe('ok')
      const withdraw = () =>
        invoke(merchant, cloud, 'o-seller', 'withdraw', {
          amountFen: 100,
          requestKey: 'TAP00000001',
        })
      expect(codeOf(await withdraw())).toBe('USER.RESTRICTED')
      // Other people are not restricted: the buyer's withdrawal fails only for want of 收款.
      expect(
        codeOf(
          await invoke(merchant, cloud, 'o-buyer', 'withdraw', {
            amountFen: 100,
            requestKey: 'TAP00000002',
          }),
        ),
      ).toBe('MERCHANT.NOT_ONBOARDED')
      cloud.clock.advance(7 * DAY)
      expect(codeOf(await withdraw())).toBe('MERCHANT.NOT_ONBOARDED')
      expect(codeOf(await invoke(listing, cloud, 'o-seller', 'publish', { id: draft.id }))).toBe(
        'ok',
      )
      await expect(send('o-seller', '恢复了')).resolves.toBeTruthy()
    })

    it('suspends for N days and bans for good through banUser; the penalty is a credit event', async () => {
      const { caseId } = await openCase()
      const before = (await invoke(user, cloud, 'o-seller', 'me', {})) as any
      expect(before.ok).toBe(true)
      const suspended = await must('o-mod', 'decide', {
        caseId,
        action: 'suspend',
        days: 3,
        rule: 'R1-fraud',
        reason: '多次虚假发货',
      })
      expect(suspended.decision.until).toBe(cloud.clock.now() + 3 * DAY)
      expect(codeOf(await invoke(user, cloud, 'o-seller', 'me', {}))).toBe('USER.BANNED')
      const penalty = (
        await cloud.container.store.find(CreditEvents, { userId: id['o-seller']! }, { limit: 10 })
      ).items.find((e) => (e.event as any).kind === 'penalty')!
      expect(penalty.event).toMatchObject({
        kind: 'penalty',
        sourceId: suspended.decision.id,
        points: PENALTY_POINTS.suspend,
      })
      expect(penalty.delta).toBeLessThan(0)
      cloud.clock.advance(3 * DAY + 1)
      expect(codeOf(await invoke(user, cloud, 'o-seller', 'me', {}))).toBe('ok')

      const again = await openCase('user')
      expect(codeOf(await decide(again.caseId, { action: 'ban' }))).toBe('ok')
      cloud.clock.advance(3650 * DAY)
      expect(codeOf(await invoke(user, cloud, 'o-seller', 'me', {}))).toBe('USER.BANNED')
    })

    it('suggests the next step of the ladder from earlier penalties, overturned ones excluded', async () => {
      const steps: unknown[] = []
      for (let i = 0; i < 3; i++) {
        const { caseId } = await openCase()
        const c = await must('o-mod', 'case', { caseId })
        steps.push(c.suggested)
        expect(c.priorOffences).toBe(i)
        await must('o-mod', 'decide', {
          caseId,
          action: 'warn',
          rule: 'R8-spam',
          reason: '广告刷屏',
        })
      }
      expect(steps).toEqual([
        { action: 'warn', days: null },
        { action: 'restrict', days: 7 },
        { action: 'suspend', days: 7 },
      ])
      // Overturning the latest takes it off the count.
      const latest = (await must('o-seller', 'myPenalties', {})).items[0]
      await must('o-seller', 'appeal', {
        decisionId: latest.decisionId,
        text: '我没有刷屏，请复核',
      })
      const appealCase = (await queue('appeals'))[0].caseId
      await must('o-mod2', 'answerAppeal', {
        caseId: appealCase,
        outcome: 'overturned',
        answer: '复核后撤销',
      })
      const { caseId } = await openCase()
      expect((await must('o-mod', 'case', { caseId })).suggested).toEqual({
        action: 'suspend',
        days: 7,
      })
      // Past the window, earlier offences no longer count.
      cloud.clock.advance(366 * DAY)
      expect((await must('o-mod', 'case', { caseId })).priorOffences).toBe(0)
    })

    it('notifies the owner (what, rule, reason, until, how to appeal) and each reporter (only the outcome)', async () => {
      const { caseId } = await openCase()
      await must('o-mod', 'decide', {
        caseId,
        action: 'restrict',
        restrictions: ['publish'],
        days: 7,
        rule: 'R3-counterfeit',
        reason: '疑似假冒品牌',
      })
      const [owner] = await notices('o-seller')
      expect(owner.body).toContain('禁止售卖假冒商品')
      expect(owner.body).toContain('疑似假冒品牌')
      expect(owner.body).toContain('禁止发布')
      expect(owner.body).toContain('申诉')
      for (const who of ['o-r1', 'o-r2']) {
        const [n] = await notices(who)
        expect(n.body).toContain('存在违规')
        expect(n.body).not.toContain('禁止发布')
        expect(n.body).not.toContain('疑似假冒品牌')
      }
      expect((await must('o-r1', 'mine', {})).items[0].status).toBe('upheld')
      expect((await cloud.container.store.get(ReporterStats, id['o-r1']!))?.upheld).toBe(1)
    })

    it('never lets a moderator decide a case about themselves', async () => {
      const l = await publishListing(cloud, 'o-mod')
      await reportOn('o-r1', listingTarget(l.id))
      const caseId = (await must('o-mod2', 'queue', {})).items[0].caseId
      expect(codeOf(await decide(caseId, { action: 'warn' }, 'o-mod'))).toBe('COMMON.FORBIDDEN')
      expect(codeOf(await decide(caseId, { action: 'warn' }, 'o-mod2'))).toBe('ok')
    })
  })

  describe('appeals', () => {
    const decided = async (action: Record<string, unknown>) => {
      const l = await publishListing(cloud, 'o-seller', { title: '申诉的宝贝' })
      await reportOn('o-r1', listingTarget(l.id))
      await reportOn('o-r2', listingTarget(l.id))
      const caseId = (await queue())[0].caseId
      const res = await must('o-mod', 'decide', {
        caseId,
        rule: 'R1-fraud',
        reason: '核实为虚假宝贝',
        ...action,
      })
      return { caseId, listingId: l.id as string, decisionId: res.decision.id as string }
    }
    const appeal = (decisionId: string, who = 'o-seller') =>
      call(who, 'appeal', { decisionId, text: '我的宝贝是正品，有购买凭证' })

    it('is the owner’s, once, within 7 days', async () => {
      const { decisionId } = await decided({ action: 'warn' })
      const penalties = (await must('o-seller', 'myPenalties', {})).items
      expect(penalties).toEqual([
        expect.objectContaining({
          decisionId,
          action: 'warn',
          rule: 'R1-fraud',
          appeal: null,
          appealableUntil: cloud.clock.now() + 7 * DAY,
        }),
      ])
      expect(codeOf(await appeal(decisionId, 'o-r1'))).toBe('COMMON.NOT_FOUND')
      expect((await must('o-r1', 'myPenalties', {})).items).toEqual([])
      cloud.clock.advance(7 * DAY - 1)
      const filed = await appeal(decisionId)
      expect(filed).toMatchObject({
        ok: true,
        data: { appeal: { status: 'pending' }, appealableUntil: null },
      })
      expect(codeOf(await appeal(decisionId))).toBe('APPEAL.CLOSED')
      expect((await queue('appeals')).map((c) => c.appeal)).toEqual([true])
    })

    it('closes after 7 days', async () => {
      const { decisionId } = await decided({ action: 'warn' })
      cloud.clock.advance(7 * DAY)
      expect(codeOf(await appeal(decisionId))).toBe('APPEAL.CLOSED')
      expect((await must('o-seller', 'myPenalties', {})).items[0].appealableUntil).toBeNull()
    })

    it('goes to a different moderator; upheld leaves the penalty', async () => {
      const { caseId, decisionId } = await decided({ action: 'suspend', days: 3 })
      // Suspended, the seller can do nothing else, but still reads the decision and appeals it.
      expect(codeOf(await invoke(user, cloud, 'o-seller', 'me', {}))).toBe('USER.BANNED')
      expect((await must('o-seller', 'myPenalties', {})).items[0]).toMatchObject({
        action: 'suspend',
      })
      expect(codeOf(await appeal(decisionId))).toBe('ok')
      const answer = { caseId, outcome: 'upheld', answer: '证据充分，维持原判' }
      expect(codeOf(await call('o-mod', 'answerAppeal', answer))).toBe('MODERATION.SAME_MODERATOR')
      const done = await must('o-mod2', 'answerAppeal', answer)
      expect(done.decision.appeal).toMatchObject({ status: 'upheld', moderator: '审核员乙' })
      expect(codeOf(await call('o-mod2', 'answerAppeal', answer))).toBe('APPEAL.CLOSED')
      expect(await queue('appeals')).toEqual([])
      expect((await must('o-seller', 'myPenalties', {})).items[0].appeal).toMatchObject({
        status: 'upheld',
      })
      // Its notice waits under 消息 for when the suspension has run out.
      cloud.clock.advance(3 * DAY + 1)
      expect((await notices('o-seller')).map((x: any) => x.title)).toContain('申诉未通过')
    })

    it('overturned undoes the penalty: restrictions lifted, credit given back, reporters not counted as upheld', async () => {
      const { caseId, decisionId } = await decided({
        action: 'restrict',
        restrictions: ['publish'],
        days: 30,
      })
      await expect(publishListing(cloud, 'o-seller')).rejects.toThrow('USER.RESTRICTED')
      expect((await cloud.container.store.get(ReporterStats, id['o-r1']!))?.upheld).toBe(1)
      await must('o-seller', 'appeal', { decisionId, text: '我的宝贝是正品，有购买凭证' })
      await must('o-mod2', 'answerAppeal', {
        caseId,
        outcome: 'overturned',
        answer: '凭证属实，撤销处罚',
      })
      await expect(publishListing(cloud, 'o-seller')).resolves.toBeTruthy()
      const events = (
        await cloud.container.store.find(CreditEvents, { userId: id['o-seller']! }, { limit: 20 })
      ).items.filter((e) => (e.event as any).kind === 'penalty')
      expect(events.map((e) => (e.event as any).points).sort()).toEqual([
        -PENALTY_POINTS.restrict,
        PENALTY_POINTS.restrict,
      ])
      expect(events.find((e) => (e.event as any).points < 0)!.event).toMatchObject({
        sourceId: `${decisionId}:overturned`,
      })
      expect(events.reduce((s, e) => s + e.delta, 0)).toBe(0)
      expect(await cloud.container.store.get(ReporterStats, id['o-r1']!)).toMatchObject({
        upheld: 0,
        dismissed: 0,
      })
      expect((await must('o-seller', 'myPenalties', {})).items[0].appeal.status).toBe('overturned')
      expect((await notices('o-seller')).map((x: any) => x.title)).toContain('申诉成功')
    })

    it('overturning a removal or a ban gives back the listing and the account', async () => {
      const removed = await decided({ action: 'remove' })
      await must('o-seller', 'appeal', {
        decisionId: removed.decisionId,
        text: '宝贝描述属实，请恢复',
      })
      await must('o-mod2', 'answerAppeal', {
        caseId: removed.caseId,
        outcome: 'overturned',
        answer: '复核后恢复',
      })
      const l = (await cloud.container.store.get(Listings, removed.listingId))!
      expect(l).toMatchObject({ status: 'active', reviewHeldAt: null })
      expect(
        codeOf(await invoke(listing, cloud, 'o-buyer', 'get', { id: removed.listingId })),
      ).toBe('ok')

      const banned = await decided({ action: 'ban' })
      expect(codeOf(await invoke(user, cloud, 'o-seller', 'me', {}))).toBe('USER.BANNED')
      // Banned, the seller still reaches 我的处罚 and its appeal (auth 'account').
      await must('o-seller', 'appeal', {
        decisionId: banned.decisionId,
        text: '账号被盗用，并非本人',
      })
      await must('o-mod2', 'answerAppeal', {
        caseId: banned.caseId,
        outcome: 'overturned',
        answer: '核实被盗，解除封禁',
      })
      expect(codeOf(await invoke(user, cloud, 'o-seller', 'me', {}))).toBe('ok')
      expect(codeOf(await invoke(listing, cloud, 'o-buyer', 'get', { id: banned.listingId }))).toBe(
        'ok',
      )
    })
  })
})
