import { main as chat } from '../src/functions/chat'
import { main as cron } from '../src/functions/cron'
import { main as listing } from '../src/functions/listing'
import { main as report } from '../src/functions/report'
import { main as user } from '../src/functions/user'
import { Listings } from '../src/modules/listing/domain/listing.record'
import { applyImageVerdict, openFlagsOn } from '../src/modules/risk'
import { ContentFlags } from '../src/modules/risk/domain/content-flag.record'
import { ImageChecks } from '../src/modules/risk/domain/image-check.record'
import { aUser } from '../local/mothers/user.mother'
import { publishListing } from './fixtures'
import { invoke, startTestCloud, type TestCloud } from './harness'

/**
 * Risk flags reach the moderation queue without anyone reporting (issue 15): the cron's
 * flag-cases sweep takes every open flag that asks for a moderator into its target's case
 * (系统标记), once; a person's report joins that case; a decision closes the flags, and one short
 * of removal releases what the risk checks held (a dismissal also gives back the photos WeChat's
 * image check hid); a removal takes the listing down; an overturned removal gives it back.
 */
let cloud: TestCloud
beforeEach(async () => {
  cloud = startTestCloud()
  for (const who of ['o-lexicon', 'o-image', 'o-new', 'o-fake', 'o-buyer', 'o-r1', 'o-r2'])
    await aUser(cloud.container, who, { nickname: who.slice(2) })
  for (const who of ['o-mod', 'o-mod2'])
    await aUser(cloud.container, who, { nickname: who, roles: ['user', 'moderator'] })
})
afterEach(() => cloud.stop())

type Envelope = Awaited<ReturnType<typeof invoke>>
const must = (res: Envelope) => {
  if (!res.ok) throw new Error(`${res.error.code} ${res.error.message}`)
  return res.data
}
const mod = async (action: string, input: unknown, who = 'o-mod') =>
  must(await invoke(report, cloud, who, action, input))
const queue = async () => (await mod('queue', { view: 'cases', limit: 50 })).items as any[]
const cardOn = async (listingId: string) => (await queue()).find((c) => c.target.id === listingId)
const sweep = async () =>
  must(
    (await cron(
      { Type: 'Timer', TriggerName: 'flag-cases', Time: new Date(cloud.clock.now()).toISOString() },
      {},
    )) as Envelope,
  ).result
const seenBy = (openid: string, id: string) => invoke(listing, cloud, openid, 'get', { id })
const feed = async () =>
  (
    must(await invoke(listing, cloud, 'o-buyer', 'feed', { city: '上海', limit: 50 }))
      .items as any[]
  ).map((x) => x.id)
const stored = async (id: string) => (await cloud.container.store.get(Listings, id))!
const moderationNotices = async (openid: string) =>
  (must(await invoke(user, cloud, openid, 'notices', {})).items as any[]).filter(
    (n) => n.kind === 'moderation',
  )

const table = (n: number) => ({
  title: `实木 餐桌 1.4米 第${n}张`,
  priceFen: 150_000,
  originalPriceFen: null,
  category: 'furniture',
  subcategory: 'furniture.table',
})

/** The four ways the risk checks hold or flag a listing, each by its own seller. */
const fourRiskyListings = async () => {
  const lexicon = await publishListing(cloud, 'o-lexicon', {
    title: '复刻 帆布托特包',
    description: '工厂货，做工不错。',
    priceFen: 8_000,
    originalPriceFen: null,
    category: 'clothing',
    subcategory: 'clothing.bags',
  })
  const image = await publishListing(cloud, 'o-image', {
    photoFileIds: [await cloud.uploadPhoto('o-image'), await cloud.uploadPhoto('o-image')],
  })
  const risky = (await stored(image.id)).photoFileIds[1]!
  // WeChat's mediaCheckAsync verdict as wechat-notify applies it: risky, so hidden and held.
  await cloud.container.store.insert(ImageChecks, {
    _id: '01JIMAGECHECK0000000000001',
    fileId: risky,
    ownerId: (await stored(image.id)).sellerId,
    openid: 'o-image',
    status: 'sent',
    traceId: 'trace-risky-1',
    suggest: null,
    label: null,
    createdAt: cloud.clock.now(),
    judgedAt: null,
  })
  await applyImageVerdict(cloud.container, {
    traceId: 'trace-risky-1',
    appid: 'wx-test',
    suggest: 'risky',
    label: 20002,
    errcode: 0,
  })
  await publishListing(cloud, 'o-new', table(1))
  await publishListing(cloud, 'o-new', table(2))
  const newAccount = await publishListing(cloud, 'o-new', table(3))
  // ¥99 for AirPods (used ones sell for ~¥500): a possible counterfeit, flagged `warn`, left up.
  const fake = await publishListing(cloud, 'o-fake', {
    title: 'AirPods Pro 2 全新未拆封',
    description: '公司年会抽到的，全新未拆。',
    priceFen: 9_900,
    originalPriceFen: null,
    category: 'digital',
    subcategory: 'digital.earphones',
  })
  return {
    lexicon: lexicon.id as string,
    image: image.id as string,
    risky,
    newAccount: newAccount.id as string,
    fake: fake.id as string,
  }
}

describe('risk flags in the moderation queue', () => {
  it('each held or flagged listing reaches the queue once, as 系统标记; a report joins its case', async () => {
    const l = await fourRiskyListings()
    for (const id of [l.lexicon, l.image, l.newAccount])
      expect((await stored(id)).reviewHeldAt).not.toBeNull()
    expect((await stored(l.image)).hiddenPhotoFileIds).toEqual([l.risky])
    expect((await stored(l.fake)).reviewHeldAt ?? null).toBeNull()
    expect((await openFlagsOn(cloud.container, l.fake))[0]).toMatchObject({
      risk: 'price',
      action: 'warn',
    })
    // Nobody reported anything: before the sweep, the queue is empty.
    expect(await queue()).toEqual([])

    expect(await sweep()).toEqual({
      casesOpened: 4,
      flagsJoined: 0,
      flagsWithoutCase: 0,
      flagsFailed: 0,
    })
    const cards = await queue()
    expect(cards.map((c) => c.target.id).sort()).toEqual(
      [l.lexicon, l.image, l.newAccount, l.fake].sort(),
    )
    for (const c of cards) {
      expect(c).toMatchObject({ reporters: 0, reasons: [], riskFlags: 1, appeal: false })
      expect(c.flagLabels).toHaveLength(1)
    }
    const byId = Object.fromEntries(cards.map((c) => [c.target.id, c]))
    expect(byId[l.lexicon].flagLabels[0]).toContain('假冒')
    expect(byId[l.image].flagLabels[0]).toContain('图片')
    expect(byId[l.newAccount].flagLabels[0]).toBe('新账号短时间内发布多件高价宝贝')
    expect(byId[l.fake].flagLabels[0]).toContain('疑似假货')
    // What the risk checks hid shows as hidden; the price warning left its listing up.
    for (const id of [l.lexicon, l.image, l.newAccount]) expect(byId[id].hidden).toBe(true)
    expect(byId[l.fake].hidden).toBe(false)
    // Advice waits below what was held.
    for (const id of [l.lexicon, l.image, l.newAccount])
      expect(byId[l.fake].score).toBeLessThan(byId[id].score)
    expect(cards[cards.length - 1].target.id).toBe(l.fake)

    // Sweeping again (and again later) changes nothing.
    expect(await sweep()).toEqual({
      casesOpened: 0,
      flagsJoined: 0,
      flagsWithoutCase: 0,
      flagsFailed: 0,
    })
    cloud.clock.advance(60_000)
    await sweep()
    expect(await queue()).toEqual(cards)

    // The case a moderator opens: no reports, the flags are the evidence.
    const opened = await mod('case', { caseId: byId[l.lexicon].caseId })
    expect(opened.reports).toEqual([])
    expect(opened.flags).toEqual([
      expect.objectContaining({ source: 'lexicon', label: expect.stringContaining('假冒') }),
    ])

    // A person who saw it before it was held reports it: the same case, now with a reporter.
    must(
      await invoke(report, cloud, 'o-r1', 'create', {
        target: { kind: 'listing', id: l.lexicon },
        reason: 'counterfeit',
        text: '',
      }),
    )
    const after = await queue()
    expect(after).toHaveLength(4)
    const joined = after.find((c) => c.target.id === l.lexicon)
    expect(joined).toMatchObject({ caseId: byId[l.lexicon].caseId, reporters: 1 })
    expect(joined.score).toBeGreaterThanOrEqual(byId[l.lexicon].score)
    expect(await sweep()).toMatchObject({ casesOpened: 0, flagsJoined: 0 })
  })

  it('dismissal releases the hold, gives back hidden photos and closes the flags; removal takes down', async () => {
    const l = await fourRiskyListings()
    await sweep()
    const cards = Object.fromEntries((await queue()).map((c) => [c.target.id, c]))
    for (const id of [l.lexicon, l.image]) {
      expect((await seenBy('o-buyer', id)).ok).toBe(false)
      expect(await feed()).not.toContain(id)
    }

    // The lexicon hold: dismissed, the listing is on view again, in the feed, and the seller told.
    const dismissed = await mod('decide', {
      caseId: cards[l.lexicon].caseId,
      action: 'dismiss',
      reason: '帆布包并非仿冒品牌',
    })
    expect(dismissed.status).toBe('decided')
    expect((await stored(l.lexicon)).reviewHeldAt).toBeNull()
    expect((await seenBy('o-buyer', l.lexicon)).ok).toBe(true)
    expect(await feed()).toContain(l.lexicon)
    expect(await moderationNotices('o-lexicon')).toEqual([
      expect.objectContaining({ title: '宝贝审核通过', listingId: l.lexicon }),
    ])
    const closed = (
      await cloud.container.store.find(ContentFlags, { targetId: l.lexicon }, { limit: 10 })
    ).items
    expect(closed).toEqual([
      expect.objectContaining({
        status: 'closed',
        closedBy: dismissed.decision.id,
        closedAt: cloud.clock.now(),
      }),
    ])
    // A later report is triaged without the closed flag, and no sweep brings it back.
    expect(await sweep()).toMatchObject({ casesOpened: 0 })
    must(
      await invoke(report, cloud, 'o-r2', 'create', {
        target: { kind: 'listing', id: l.lexicon },
        reason: 'counterfeit',
        text: '',
      }),
    )
    const again = await cardOn(l.lexicon)
    expect(again).toMatchObject({ reporters: 1, riskFlags: 0, flagLabels: [] })
    expect(again.caseId).not.toBe(cards[l.lexicon].caseId)

    // The image hold: dismissed, the photo WeChat's check hid is back after the visible one.
    await mod('decide', {
      caseId: cards[l.image].caseId,
      action: 'dismiss',
      reason: '图片无违规',
    })
    const image = await stored(l.image)
    expect(image.reviewHeldAt).toBeNull()
    expect(image.photoFileIds[1]).toBe(l.risky)
    expect(image.hiddenPhotoFileIds).toEqual([])
    const shown = must(await seenBy('o-buyer', l.image))
    expect(shown.photos.map((p: { fileId: string }) => p.fileId)).toContain(l.risky)
    expect(await openFlagsOn(cloud.container, l.risky)).toEqual([])

    // The new account's hold: removed, so taken down and out of sight for good.
    await mod('decide', {
      caseId: cards[l.newAccount].caseId,
      action: 'remove',
      rule: 'R1-fraud',
      reason: '新账号批量发布高价虚假宝贝',
    })
    const removed = await stored(l.newAccount)
    expect(removed.status).toBe('removed')
    expect(removed.reviewHeldAt).not.toBeNull()
    expect((await seenBy('o-buyer', l.newAccount)).ok).toBe(false)
    expect(await openFlagsOn(cloud.container, l.newAccount)).toEqual([])
    expect((await queue()).map((c) => c.target.id).sort()).toEqual([l.lexicon, l.fake].sort())
  })

  it('an overturned removal gives the listing back; a warning releases the hold but keeps a hidden photo', async () => {
    const l = await fourRiskyListings()
    await sweep()
    const cards = Object.fromEntries((await queue()).map((c) => [c.target.id, c]))

    const removal = await mod('decide', {
      caseId: cards[l.fake].caseId,
      action: 'remove',
      rule: 'R3-counterfeit',
      reason: '价格远低于正品，疑似假货',
    })
    expect((await stored(l.fake)).status).toBe('removed')
    must(
      await invoke(report, cloud, 'o-fake', 'appeal', {
        decisionId: removal.decision.id,
        text: '年会奖品，有公司发放记录',
      }),
    )
    await mod(
      'answerAppeal',
      { caseId: cards[l.fake].caseId, outcome: 'overturned', answer: '核实为正品' },
      'o-mod2',
    )
    const back = await stored(l.fake)
    expect(back).toMatchObject({ status: 'active', reviewHeldAt: null })
    expect((await seenBy('o-buyer', l.fake)).ok).toBe(true)
    // Its flag stays closed: a moderator has looked.
    expect(await openFlagsOn(cloud.container, l.fake)).toEqual([])
    expect(await sweep()).toMatchObject({ casesOpened: 0 })

    // A warning: the listing is on view again, the risky photo stays hidden; overturned, it returns.
    const warned = await mod('decide', {
      caseId: cards[l.image].caseId,
      action: 'warn',
      rule: 'R7-sexual',
      reason: '图片低俗，已隐藏',
    })
    expect((await stored(l.image)).reviewHeldAt).toBeNull()
    expect((await stored(l.image)).hiddenPhotoFileIds).toEqual([l.risky])
    expect((await seenBy('o-buyer', l.image)).ok).toBe(true)
    must(
      await invoke(report, cloud, 'o-image', 'appeal', {
        decisionId: warned.decision.id,
        text: '这是普通的商品图片',
      }),
    )
    await mod(
      'answerAppeal',
      { caseId: cards[l.image].caseId, outcome: 'overturned', answer: '图片无违规' },
      'o-mod2',
    )
    expect((await stored(l.image)).photoFileIds).toContain(l.risky)
    expect((await stored(l.image)).hiddenPhotoFileIds).toEqual([])
  })

  it('a released risk hold passes to an open case hiding the seller’s listings, which then releases it', async () => {
    const l = await fourRiskyListings()
    const other = await publishListing(cloud, 'o-lexicon', { title: '普通的旧台灯' })
    await sweep()
    const lexiconCase = (await cardOn(l.lexicon)).caseId
    const sellerId = (await stored(l.lexicon)).sellerId
    // Four people report the seller: their listings on sale are hidden, the held one skipped.
    for (const who of ['o-buyer', 'o-r1', 'o-r2', 'o-image'])
      must(
        await invoke(report, cloud, who, 'create', {
          target: { kind: 'user', id: sellerId },
          reason: 'fraud',
          text: '',
        }),
      )
    const userCase = (await queue()).find((c) => c.target.kind === 'user')
    expect(userCase).toMatchObject({ hidden: true, reporters: 4 })
    expect((await stored(other.id)).reviewHeldAt).not.toBeNull()

    // The listing's flags are dismissed, but the seller's case still hides their listings.
    await mod('decide', { caseId: lexiconCase, action: 'dismiss', reason: '帆布包并非仿冒品牌' })
    expect((await seenBy('o-buyer', l.lexicon)).ok).toBe(false)
    expect((await stored(l.lexicon)).reviewHeldAt).toBe((await stored(other.id)).reviewHeldAt)
    expect(await moderationNotices('o-lexicon')).toEqual([])

    // That case dismissed too: both listings are on view again.
    await mod('decide', { caseId: userCase.caseId, action: 'dismiss', reason: '查无实据' })
    for (const id of [l.lexicon, other.id]) {
      expect((await stored(id)).reviewHeldAt).toBeNull()
      expect((await seenBy('o-buyer', id)).ok).toBe(true)
    }
  })

  it('a held chat message and a held nickname open cases on the message and the user', async () => {
    const seller = await aUser(cloud.container, 'o-nick', { nickname: '上门按摩小王' })
    const l = await publishListing(cloud, 'o-lexicon', { title: '旧台灯' })
    const opened = must(await invoke(chat, cloud, 'o-buyer', 'open', { listingId: l.id }))
    const sent = must(
      await invoke(chat, cloud, 'o-buyer', 'send', {
        conversationId: opened.id,
        clientMsgId: 'client-msg-000001',
        kind: 'text',
        text: '我这有莆田货要不要',
      }),
    )
    expect(await sweep()).toMatchObject({ casesOpened: 2, flagsFailed: 0 })
    const cards = await queue()
    expect(cards.map((c) => c.target).sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: 'message', id: sent.id },
      { kind: 'user', id: seller._id },
    ])
    for (const c of cards) expect(c.reporters).toBe(0)
    // Nobody reported: the message stays delivered (the chat's own policy for doubtful text).
    const history = must(
      await invoke(chat, cloud, 'o-lexicon', 'history', { conversationId: opened.id }),
    )
    expect(history.items.map((m: { text: string }) => m.text)).toContain('我这有莆田货要不要')
  })
})
