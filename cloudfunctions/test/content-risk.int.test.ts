import { main as chat } from '../src/functions/chat'
import { main as listing } from '../src/functions/listing'
import { main as search } from '../src/functions/search'
import { main as social } from '../src/functions/social'
import { main as user } from '../src/functions/user'
import { Listings } from '../src/modules/listing/domain/listing.record'
import { ContentFlags } from '../src/modules/risk/domain/content-flag.record'
import { Users } from '../src/modules/user/domain/user.record'
import { startEscrowCloud, type EscrowCloud } from './escrow-harness'
import { XUHUI, goodsInput, publishListing } from './fixtures'
import { invoke, signUp, startTestCloud, type TestCloud } from './harness'

/**
 * Content risk (modules/risk) on every text people publish, through the functions: prohibited
 * goods answer CONTENT.BLOCKED and nothing is written; doubtful ones are written, held or flagged
 * for the moderation queue; sensitive ones pass with a notice. The lexicon alone decides here (no
 * WeChat sandbox in this cloud); the last block adds msgSecCheck through the WeChat API sandbox.
 */
let cloud: TestCloud
let sellerId: string
beforeEach(async () => {
  cloud = startTestCloud()
  ;[sellerId] = await signUp(cloud, 'o-seller', 'o-buyer')
})
afterEach(() => cloud.stop())

const flags = async () => (await cloud.container.store.find(ContentFlags, {}, { limit: 50 })).items
const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error!.code)

describe('listing publish and edit', () => {
  it('refuses a prohibited listing with CONTENT.BLOCKED and writes nothing', async () => {
    const before = await cloud.container.store.count(Listings, {})
    for (const title of ['出售仿真枪 全新', '槍 支 配件', 'qiangzhi 一把', '象牙手镯 老物件']) {
      const res = await invoke(
        listing,
        cloud,
        'o-seller',
        'create',
        await goodsInput(cloud, { title }),
      )
      expect(codeOf(res)).toBe('CONTENT.BLOCKED')
    }
    expect(await cloud.container.store.count(Listings, {})).toBe(before)
    expect(await flags()).toEqual([])
  })

  it('answers the error with the field and the category, in Chinese', async () => {
    const created = await publishListing(cloud, 'o-seller', { title: '九成新 索尼耳机' })
    const res = await invoke(listing, cloud, 'o-seller', 'update', {
      id: created.id,
      expectedVersion: created.version,
      patch: { description: '另有高仿A货，要的私聊' },
    })
    expect(res).toMatchObject({
      ok: false,
      error: {
        code: 'CONTENT.BLOCKED',
        message: '内容包含违禁信息，请修改后再发布',
        details: { path: 'patch.description', categories: ['假冒'] },
      },
    })
    const stored = await cloud.container.store.get(Listings, created.id)
    expect(stored!.description).not.toContain('高仿')
    expect(stored!.version).toBe(created.version)
  })

  it('publishes a doubtful listing held for review: the seller sees it, nobody else, and a flag waits', async () => {
    const held = await publishListing(cloud, 'o-seller', { title: '莆田 运动鞋 42码' })
    expect(held.status).toBe('active')
    expect(held.owner).toMatchObject({
      heldForReview: true,
      riskNotice: expect.stringContaining('审核'),
    })

    expect(await invoke(listing, cloud, 'o-buyer', 'get', { id: held.id })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.NOT_FOUND', message: '宝贝正在审核中，暂不可查看' },
    })
    const feed = await invoke(listing, cloud, 'o-buyer', 'feed', { city: '上海' })
    expect(feed.ok && feed.data.items.map((i: { id: string }) => i.id)).not.toContain(held.id)
    // The same words on a listing that is not held are found: the held one is left out of the index.
    const twin = await publishListing(cloud, 'o-seller', { title: '运动鞋 42码 九成新' })
    const found = await invoke(search, cloud, 'o-buyer', 'query', {
      city: '上海',
      keyword: '运动鞋',
    })
    expect(found.ok).toBe(true)
    const foundIds = (found as { data: { items: { id: string }[] } }).data.items.map((i) => i.id)
    expect(foundIds).toContain(twin.id)
    expect(foundIds).not.toContain(held.id)
    expect(await invoke(listing, cloud, 'o-seller', 'get', { id: held.id })).toMatchObject({
      ok: true,
      data: { owner: { heldForReview: true } },
    })

    expect(await flags()).toEqual([
      expect.objectContaining({
        kind: 'listing',
        targetId: held.id,
        userId: sellerId,
        source: 'lexicon',
        action: 'review',
        status: 'open',
        hits: [expect.objectContaining({ term: '莆田', category: 'counterfeit', path: 'title' })],
      }),
    ])
  })

  it('keeps a hold through an edit to clean text (a moderator releases it), and holds on an edit too', async () => {
    const clean = await publishListing(cloud, 'o-seller', { title: '宜家书桌' })
    expect(clean.owner.heldForReview).toBe(false)
    const edited = await invoke(listing, cloud, 'o-seller', 'update', {
      id: clean.id,
      expectedVersion: clean.version,
      patch: { description: '工厂尾单，品质不错' },
    })
    expect(edited).toMatchObject({ ok: true, data: { owner: { heldForReview: true } } })
    const again = await invoke(listing, cloud, 'o-seller', 'update', {
      id: clean.id,
      expectedVersion: (edited as { data: { version: number } }).data.version,
      patch: { description: '宜家书桌，九成新' },
    })
    expect(again).toMatchObject({
      ok: true,
      data: { owner: { heldForReview: true, riskNotice: null } },
    })
  })

  it('publishes a sensitive listing with a notice and a warn flag, visible to all', async () => {
    const warned = await publishListing(cloud, 'o-seller', { title: '海外代购 保健品 未拆' })
    expect(warned.owner).toMatchObject({
      heldForReview: false,
      riskNotice: expect.stringContaining('如实描述'),
    })
    expect(await invoke(listing, cloud, 'o-buyer', 'get', { id: warned.id })).toMatchObject({
      ok: true,
    })
    expect((await flags()).map((f) => f.action)).toEqual(['warn'])
  })

  it('lets harmless words that contain a listed term through', async () => {
    const ok = await publishListing(cloud, 'o-seller', {
      title: '象牙白 iPhone 11 手机壳',
      description: '吹气枪清灰过，21:15 后可面交',
    })
    expect(ok.owner.heldForReview).toBe(false)
    expect(await flags()).toEqual([])
  })
})

describe('chat, nickname, community name', () => {
  it('refuses a prohibited chat message, flags a doubtful one, and leaves 导流 to the off-platform guard', async () => {
    const l = await publishListing(cloud, 'o-seller', { title: '九成新 索尼耳机' })
    const opened = await invoke(chat, cloud, 'o-buyer', 'open', { listingId: l.id })
    const conversationId = (opened as { data: { id: string } }).data.id
    const send = (text: string, clientMsgId: string) =>
      invoke(chat, cloud, 'o-buyer', 'send', { conversationId, clientMsgId, kind: 'text', text })

    expect(codeOf(await send('有迷-药要吗', 'client-msg-000001'))).toBe('CONTENT.BLOCKED')
    const held = await send('你这是复刻的吗', 'client-msg-000002')
    expect(held).toMatchObject({ ok: true })
    const lure = await send('加我微信聊', 'client-msg-000003')
    expect(lure).toMatchObject({ ok: true, data: { offPlatform: true } })

    const all = await flags()
    expect(all).toEqual([
      expect.objectContaining({
        kind: 'chat-message',
        targetId: (held as { data: { id: string } }).data.id,
        action: 'review',
      }),
    ])
    const history = await invoke(chat, cloud, 'o-seller', 'history', { conversationId })
    expect(history.ok).toBe(true)
    const texts = (history as { data: { items: { text: string }[] } }).data.items.map((m) => m.text)
    expect(texts).toContain('你这是复刻的吗')
    expect(texts).not.toContain('有迷-药要吗')
  })

  it('refuses a prohibited nickname and keeps the old one', async () => {
    const res = await invoke(user, cloud, 'o-seller', 'updateProfile', { nickname: '高仿A货小店' })
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'CONTENT.BLOCKED', details: { path: 'nickname' } },
    })
    expect((await cloud.container.store.get(Users, sellerId))!.nickname).toMatch(/^邻居/)
    const ok = await invoke(user, cloud, 'o-seller', 'updateProfile', { nickname: '代购小王' })
    expect(ok).toMatchObject({ ok: true })
    expect(await flags()).toEqual([
      expect.objectContaining({ kind: 'nickname', targetId: sellerId, action: 'warn' }),
    ])
  })

  it('refuses a prohibited community name', async () => {
    const res = await invoke(social, cloud, 'o-seller', 'createCommunity', {
      name: '枪支交流群',
      type: 'residential',
      location: { ...XUHUI, latitude: 31.1901, longitude: 121.4372 },
    })
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'CONTENT.BLOCKED', details: { path: 'name' } },
    })
  })
})

describe('with WeChat msgSecCheck (the WeChat API sandbox)', () => {
  let wx: EscrowCloud
  beforeEach(async () => {
    wx = await startEscrowCloud({ delivery: true })
    await wx.signUp('o-seller')
  })
  afterEach(() => wx.stop())

  const create = async (over: Record<string, unknown>) =>
    (await listing(
      { action: 'create', input: await goodsInput(wx, over) },
      wx.contextFor('o-seller'),
    )) as Awaited<ReturnType<typeof invoke>>

  it('blocks what WeChat judges risky and holds what it sends to review, after the lexicon passed it', async () => {
    expect(await create({ title: '二手书 违规测试' })).toMatchObject({
      ok: false,
      error: { code: 'CONTENT.BLOCKED', message: '内容包含违禁信息，请修改后再发布' },
    })
    const held = await create({ title: '二手书', description: '待审测试 的一本书' })
    expect(held).toMatchObject({ ok: true, data: { owner: { heldForReview: true } } })
    const flagged = (await wx.container.store.find(ContentFlags, {}, { limit: 5 })).items
    expect(flagged).toEqual([
      expect.objectContaining({
        kind: 'listing',
        source: 'wechat-text',
        action: 'review',
        hits: [],
        wechat: expect.objectContaining({ suggest: 'review', label: 21000 }),
      }),
    ])
    expect(await create({ title: '宜家书桌', description: '九成新，桌面无划痕' })).toMatchObject({
      ok: true,
      data: { owner: { heldForReview: false } },
    })
  })
})
