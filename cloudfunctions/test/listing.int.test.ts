import { main as listing } from '../src/functions/listing'
import { Listings } from '../src/modules/listing/domain/listing.record'
import { XUHUI, goodsInput, publishListing } from './fixtures'
import { invoke, signUp, startTestCloud, type TestCloud } from './harness'

let cloud: TestCloud
beforeEach(async () => {
  cloud = startTestCloud()
  await signUp(cloud, 'o-seller', 'o-buyer')
})
afterEach(() => cloud.stop())

const call = (openid: string | null, action: string, input?: unknown) =>
  invoke(listing, cloud, openid, action, input)

const validInput = (over: Record<string, unknown> = {}) => goodsInput(cloud, over)
const publish = (openid = 'o-seller', over: Record<string, unknown> = {}) =>
  publishListing(cloud, openid, over)

describe('listing function', () => {
  it('publishes a listing and shows it to others without the exact point', async () => {
    const created = await publish()
    expect(created).toMatchObject({
      title: '索尼 WH-1000XM4 降噪耳机',
      priceFen: 89_900,
      isMine: true,
      area: '徐汇区',
      status: 'active',
      version: 1,
    })
    expect(created.owner?.location).toEqual(XUHUI)
    expect(created.owner?.actions).toEqual(['edit', 'markSold', 'takeDown'])
    expect(created.freeShipping).toBe(true)
    expect(created.coverUrl).toMatch(/^\/files\/listing-photos\//)

    const seen = await call('o-buyer', 'get', {
      id: created.id,
      from: { latitude: 31.2, longitude: 121.44 },
    })
    if (!seen.ok) throw new Error('get failed')
    expect(seen.data.isMine).toBe(false)
    expect(seen.data.owner).toBeNull()
    expect(JSON.stringify(seen.data)).not.toContain('121.43651')
    expect(seen.data.distanceMeters).toBeGreaterThan(500)
    expect(seen.data.distanceMeters).toBeLessThan(2500)
    expect(seen.data.seller.nickname).toMatch(/^邻居/)
  })

  it('lets anyone browse a city feed, newest first, page by page', async () => {
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      cloud.clock.advance(60_000)
      ids.push((await publish('o-seller', { title: `二手书 第${i}本` })).id)
    }
    await publish('o-seller', {
      title: '杭州的自行车',
      location: { latitude: 30.2595, longitude: 120.1302, city: '杭州', district: '西湖区' },
    })

    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page = await call(null, 'feed', {
        city: '上海',
        limit: 2,
        ...(cursor ? { cursor } : {}),
      })
      if (!page.ok) throw new Error(page.error.message)
      seen.push(...page.data.items.map((c: { id: string }) => c.id))
      cursor = page.data.nextCursor ?? undefined
    } while (cursor)
    expect(seen).toEqual([...ids].reverse())

    const hz = await call(null, 'feed', { city: '杭州' })
    expect(hz.ok && hz.data.items.map((c: { title: string }) => c.title)).toEqual(['杭州的自行车'])
  })

  it('rejects malformed input with a readable message and writes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '一' }, 'title'],
      [{ title: 'x'.repeat(31) }, 'title'],
      [{ priceFen: 12.5 }, 'priceFen'],
      [{ priceFen: -1 }, 'priceFen'],
      [{ priceFen: 0 }, 'priceFen'],
      [{ priceFen: '100' }, 'priceFen'],
      [{ category: 'weapons' }, 'category'],
      [{ condition: 'broken' }, 'condition'],
      [{ photoFileIds: [] }, 'photoFileIds'],
      [
        { photoFileIds: Array.from({ length: 10 }, (_, i) => `local://p/${i}.png`) },
        'photoFileIds',
      ],
      [{ photoFileIds: ['https://evil.example/x.png'] }, 'photoFileIds.0'],
      [{ location: { ...XUHUI, latitude: 91 } }, 'location.latitude'],
      [{ location: { ...XUHUI, city: '纽约' } }, 'location.city'],
      [{ sellerId: 'someone-else' }, ''],
      [{ condition: null }, 'condition'],
      [{ trade: null }, 'trade'],
      [{ trade: { shipping: null, meetup: false, pickup: false } }, 'trade'],
      [
        { trade: { shipping: { payer: 'buyer', feeFen: 0 }, meetup: false, pickup: false } },
        'trade.shipping.feeFen',
      ],
      [{ subcategory: 'phone.iphone' }, 'subcategory'],
      [{ category: 'services', subcategory: null }, 'category'],
      [{ kind: 'service', subcategory: null }, 'category'],
    ]
    for (const [over, path] of cases) {
      const res = await call('o-seller', 'create', await validInput(over))
      expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.VALIDATION' } })
      if (!res.ok) {
        expect(res.error.message.length).toBeGreaterThan(1)
        expect(res.error.details.path).toBe(path)
      }
    }
    expect(await cloud.container.store.count(Listings, {})).toBe(0)
  })

  it('rejects photos that were never uploaded and points outside the city', async () => {
    const ghost = await call(
      'o-seller',
      'create',
      await validInput({ photoFileIds: ['local://listing-photos/ghost.png'] }),
    )
    expect(ghost).toMatchObject({
      ok: false,
      error: { code: 'LISTING.PHOTO_MISSING', details: { path: 'photoFileIds.0' } },
    })
    const hangzhouPointInShanghai = {
      latitude: 30.2595,
      longitude: 120.1302,
      city: '上海',
      district: '徐汇区',
    }
    const outside = await call(
      'o-seller',
      'create',
      await validInput({ location: hangzhouPointInShanghai }),
    )
    expect(outside).toMatchObject({ ok: false, error: { code: 'LISTING.LOCATION_OUTSIDE_CITY' } })
    expect(await cloud.container.store.count(Listings, {})).toBe(0)
  })

  it('requires a registered caller to publish', async () => {
    expect(await call(null, 'create', await validInput())).toMatchObject({
      ok: false,
      error: { code: 'COMMON.UNAUTHENTICATED' },
    })
    expect(await call('o-stranger', 'create', await validInput())).toMatchObject({
      ok: false,
      error: { code: 'COMMON.UNAUTHENTICATED' },
    })
  })

  it('lets only the seller edit, and only from the current version', async () => {
    const created = await publish()
    const byOther = await call('o-buyer', 'update', {
      id: created.id,
      expectedVersion: 1,
      patch: { priceFen: 1 },
    })
    expect(byOther).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } })

    const edited = await call('o-seller', 'update', {
      id: created.id,
      expectedVersion: 1,
      patch: { priceFen: 79_900 },
    })
    expect(edited).toMatchObject({ ok: true, data: { priceFen: 79_900, version: 2 } })
    const stale = await call('o-seller', 'update', {
      id: created.id,
      expectedVersion: 1,
      patch: { priceFen: 1 },
    })
    expect(stale).toMatchObject({ ok: false, error: { code: 'COMMON.CONFLICT' } })
    const missing = await call('o-seller', 'update', {
      id: '01KAAAAAAAAAAAAAAAAAAAAAAA',
      expectedVersion: 1,
      patch: { priceFen: 1 },
    })
    expect(missing).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } })

    const after = await call('o-buyer', 'get', { id: created.id })
    expect(after).toMatchObject({ ok: true, data: { priceFen: 79_900 } })
  })

  it("lists the caller's own listings under 我的", async () => {
    await publish('o-seller')
    await publish('o-buyer', { title: '宜家书桌 九成新' })
    const mine = await call('o-buyer', 'mine', {})
    expect(mine.ok && mine.data.items.map((c: { title: string }) => c.title)).toEqual([
      '宜家书桌 九成新',
    ])
    expect(await call(null, 'mine', {})).toMatchObject({
      ok: false,
      error: { code: 'COMMON.UNAUTHENTICATED' },
    })
  })

  it('answers NOT_FOUND for unknown and removed listings, and VALIDATION for bad ids and cursors', async () => {
    expect(await call(null, 'get', { id: '01KAAAAAAAAAAAAAAAAAAAAAAA' })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.NOT_FOUND' },
    })
    expect(await call(null, 'get', { id: "1' OR '1'='1" })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.VALIDATION' },
    })
    expect(await call(null, 'feed', { city: '上海', cursor: 'not-a-cursor' })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.VALIDATION' },
    })
    expect(await call(null, 'feed', { city: '上海', limit: 500 })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.VALIDATION' },
    })

    const created = await publish()
    await call('o-seller', 'takeDown', { id: created.id })
    expect(await call('o-buyer', 'get', { id: created.id })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.NOT_FOUND' },
    })
    expect(await call('o-seller', 'get', { id: created.id })).toMatchObject({
      ok: true,
      data: { status: 'removed' },
    })
    const feed = await call(null, 'feed', { city: '上海' })
    expect(feed.ok && feed.data.items).toEqual([])
  })

  it('limits how fast one seller can publish', async () => {
    for (let i = 0; i < 30; i++) await publish()
    expect(await call('o-seller', 'create', await validInput())).toMatchObject({
      ok: false,
      error: { code: 'COMMON.RATE_LIMITED' },
    })
    cloud.clock.advance(3_600_001)
    expect(await call('o-seller', 'create', await validInput())).toMatchObject({ ok: true })
  })
})
