import { main as listingMain } from '../src/functions/listing'
import { sweepShareActivities } from '../src/modules/share'
import { ShareActivities, ShareOpens, Shares } from '../src/modules/share/domain/share.records'
import { CREATE_PER_USER } from '../src/modules/share/domain/share.limits'
import { publishListing } from './fixtures'
import { invoke, startTestCloud, type TestCloud } from './harness'
import { PEOPLE, shareWorld } from './share-harness'

const HOUR = 3_600_000

describe('share tokens: made, reused, chained, opened', () => {
  let cloud: TestCloud
  let w: Awaited<ReturnType<typeof shareWorld>>
  let listingId: string
  beforeEach(async () => {
    cloud = startTestCloud()
    w = await shareWorld(cloud)
    listingId = (await publishListing(cloud, PEOPLE.seller.openid, { priceFen: 12_300 })).id
  })
  afterEach(() => cloud.stop())

  const create = (who: Parameters<typeof w.must>[0], over: Record<string, unknown> = {}) =>
    w.must(who, 'create', { kind: 'listing', targetId: listingId, ...over })
  const opens = async (token: string) =>
    (await cloud.container.store.find(ShareOpens, { token }, { limit: 100 })).items

  it('answers a random short token, the card and an updatable activity for a listing', async () => {
    const made = await create('alice')
    expect(made).toMatchObject({
      token: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{10}$/),
      kind: 'listing',
      targetId: listingId,
      depth: 1,
      reused: false,
      activityId: expect.any(String),
      templateInfo: {
        parameterList: [
          { name: 'member_count', value: '0' },
          { name: 'room_limit', value: '1' },
        ],
      },
      card: { title: '索尼 WH-1000XM4 降噪耳机', priceFen: 12_300, status: 'on_sale' },
    })
    expect(made.path).toBe(`/package-listing/detail/index?id=${listingId}&st=${made.token}`)
    expect(made.timelineQuery).toBe(`id=${listingId}&st=${made.token}`)
    expect(made.card.imageUrl).toMatch(/^\/files\//)
    expect(w.wx.cards.has(made.activityId)).toBe(true)
    // Not derived from ids or time: another sharer of the same listing at the same moment gets an unrelated token.
    const other = await create('bob')
    expect(other.token).not.toBe(made.token)
    expect(made.token).not.toContain(listingId.slice(0, 6))
  })

  it('reuses the sharer’s token for 24 hours instead of minting one per tap', async () => {
    const first = await create('alice')
    const again = await create('alice', { fromGroup: true })
    expect(again).toMatchObject({ token: first.token, reused: true, activityId: first.activityId })
    expect(w.wx.cards.size).toBe(1)
    expect((await cloud.container.store.get(Shares, first.token))!.fromGroup).toBe(true)
    cloud.clock.advance(24 * HOUR + 1)
    const later = await create('alice')
    expect(later).toMatchObject({ reused: false })
    expect(later.token).not.toBe(first.token)
  })

  it('keeps an updatable card until WeChat lets it lapse, then the hourly sweep drops it', async () => {
    const made = await create('alice')
    expect(await sweepShareActivities(cloud.container)).toBe(0)
    cloud.clock.advance(24 * HOUR)
    expect(await sweepShareActivities(cloud.container)).toBe(1)
    expect(await cloud.container.store.get(ShareActivities, made.activityId)).toBeNull()
  })

  it('a card WeChat cannot make updatable is shared as an ordinary one', async () => {
    w.wx.failNext('createActivityId')
    const made = await create('alice')
    expect(made).toMatchObject({
      activityId: null,
      templateInfo: null,
      card: { status: 'on_sale' },
    })
    // The next tap tries again for the same token.
    const again = await create('alice')
    expect(again).toMatchObject({ token: made.token, activityId: expect.any(String) })
  })

  it('depth follows the chain: a parent counts only when the sharer opened it and it is of the same listing', async () => {
    const a = await create('alice')
    await w.must('bob', 'open', { token: a.token, via: 'card' })
    const b = await create('bob', { parentToken: a.token })
    expect(b.depth).toBe(2)
    await w.must('carol', 'open', { token: b.token, via: 'timeline' })
    const c = await create('carol', { parentToken: b.token.toLowerCase() })
    expect(c.depth).toBe(3)
    expect((await cloud.container.store.get(Shares, c.token))!.chain.map((l) => l.token)).toEqual([
      a.token,
      b.token,
      c.token,
    ])
    // Dave never opened Bob's card: naming it as parent grafts him onto nothing.
    expect((await create('dave', { parentToken: b.token })).depth).toBe(1)
    // A parent of another listing, or a forged one, makes a first-hand share.
    const other = await publishListing(cloud, PEOPLE.seller.openid, { title: '九成新 台灯' })
    const o = await w.must('alice', 'create', { kind: 'listing', targetId: other.id })
    await w.must('stranger', 'open', { token: o.token, via: 'card' })
    expect((await create('stranger', { parentToken: o.token })).depth).toBe(1)
    expect(
      (
        await w.must('stranger', 'create', {
          kind: 'listing',
          targetId: other.id,
          parentToken: 'NOPE',
        })
      ).depth,
    ).toBe(1)
  })

  it('counts a viewer once per token; the sharer and the seller opening it are no views', async () => {
    const a = await create('alice')
    await w.must('bob', 'open', { token: a.token, via: 'card' })
    await w.must('bob', 'open', { token: a.token, via: 'card' })
    await w.must('alice', 'open', { token: a.token, via: 'card' })
    await w.must('seller', 'open', { token: a.token, via: 'card' })
    expect((await opens(a.token)).map((o) => o.viewerId)).toEqual([w.ids.bob])
  })

  it('ignores forged tokens and guests without an error', async () => {
    expect(await w.call('bob', 'open', { token: 'FORGED0000', via: 'card' })).toEqual({
      ok: true,
      data: { group: null },
    })
    expect(await w.call('bob', 'open', { token: '!!', via: 'card', groupCloudId: 'x' })).toEqual({
      ok: true,
      data: { group: null },
    })
    const a = await create('alice')
    expect(await w.call(null, 'open', { token: a.token, via: 'card' })).toEqual({
      ok: true,
      data: { group: null },
    })
    expect(await opens(a.token)).toEqual([])
  })

  it('a poster scene resolves to its target and counts as an open via qrcode; an unknown one is null', async () => {
    const a = await create('alice')
    expect(await w.must('bob', 'scene', { scene: a.token })).toEqual({
      kind: 'listing',
      targetId: listingId,
      token: a.token,
    })
    expect((await opens(a.token))[0]).toMatchObject({ viewerId: w.ids.bob, via: 'qrcode' })
    expect(await w.call(null, 'scene', { scene: a.token })).toMatchObject({ ok: true })
    expect(await w.call('bob', 'scene', { scene: 'NOSUCHTOKN' })).toEqual({ ok: true, data: null })
  })

  it('storefronts and communities get tokens too, with their own pages', async () => {
    const store = await w.must('alice', 'create', { kind: 'storefront', targetId: w.ids.seller })
    expect(store).toMatchObject({
      path: `/package-social/storefront/index?id=${w.ids.seller}&st=${store.token}`,
      activityId: null,
      card: { title: '卖家老王的闲置', priceFen: null, status: null },
    })
    expect(
      await w.call('alice', 'create', { kind: 'community', targetId: listingId }),
    ).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } })
  })

  it('a listing nobody may see cannot be shared', async () => {
    const draft = await publishListing(cloud, PEOPLE.seller.openid, { publish: false })
    expect(await w.call('alice', 'create', { kind: 'listing', targetId: draft.id })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.NOT_FOUND' },
    })
    await invoke(listingMain, cloud, PEOPLE.seller.openid, 'takeDown', { id: listingId })
    expect(await w.call('alice', 'create', { kind: 'listing', targetId: listingId })).toMatchObject(
      {
        ok: false,
        error: { code: 'SHARE.TARGET_UNAVAILABLE' },
      },
    )
  })

  it('limits share taps per user', async () => {
    for (let i = 0; i < CREATE_PER_USER.limit; i++) await create('alice')
    expect(await w.call('alice', 'create', { kind: 'listing', targetId: listingId })).toMatchObject(
      {
        ok: false,
        error: { code: 'COMMON.RATE_LIMITED', details: { retryAfterMs: expect.any(Number) } },
      },
    )
  })
})
