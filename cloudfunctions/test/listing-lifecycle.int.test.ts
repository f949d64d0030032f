import { main as cron } from '../src/functions/cron'
import { main as listing } from '../src/functions/listing'
import { main as user } from '../src/functions/user'
import { Listings } from '../src/modules/listing/domain/listing.record'
import { SERVICE_LISTING } from '../local/mothers/listing.mother'
import { goodsInput, publishListing } from './fixtures'
import { invoke, signUp, startTestCloud, type TestCloud } from './harness'

const DAY = 86_400_000
let cloud: TestCloud
beforeEach(async () => {
  cloud = startTestCloud()
  await signUp(cloud, 'o-seller', 'o-buyer')
})
afterEach(() => cloud.stop())

const call = (openid: string | null, action: string, input?: unknown) =>
  invoke(listing, cloud, openid, action, input)
const feedIds = async () => {
  const res = await call(null, 'feed', { city: '上海' })
  if (!res.ok) throw new Error(res.error.message)
  return res.data.items.map((c: { id: string }) => c.id)
}

describe('listing lifecycle', () => {
  it('keeps a draft private until it is published', async () => {
    const res = await call('o-seller', 'create', { ...(await goodsInput(cloud)), publish: false })
    expect(res).toMatchObject({
      ok: true,
      data: { status: 'draft', bumpedAt: null, owner: { actions: ['publish', 'edit'] } },
    })
    if (!res.ok) return
    expect(await feedIds()).toEqual([])
    expect(await call('o-buyer', 'get', { id: res.data.id })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.NOT_FOUND' },
    })
    cloud.clock.advance(60_000)
    expect(await call('o-seller', 'publish', { id: res.data.id })).toMatchObject({
      ok: true,
      data: { status: 'active' },
    })
    expect(await feedIds()).toEqual([res.data.id])
  })

  it('擦亮 moves a listing back to the top once a day', async () => {
    const older = await publishListing(cloud, 'o-seller', { title: '较早的宝贝' })
    cloud.clock.advance(60_000)
    const newer = await publishListing(cloud, 'o-seller', { title: '较新的宝贝' })
    expect(await feedIds()).toEqual([newer.id, older.id])

    expect(await call('o-seller', 'renew', { id: older.id })).toMatchObject({
      ok: false,
      error: { code: 'LISTING.ALREADY_RENEWED' },
    })
    cloud.clock.advance(DAY)
    const renewed = await call('o-seller', 'renew', { id: older.id })
    expect(renewed).toMatchObject({
      ok: true,
      data: { owner: { expiresAt: cloud.clock.now() + 30 * DAY } },
    })
    expect(await feedIds()).toEqual([older.id, newer.id])
    expect(await call('o-seller', 'renew', { id: older.id })).toMatchObject({
      ok: false,
      error: { code: 'LISTING.ALREADY_RENEWED' },
    })
    expect(await call('o-buyer', 'renew', { id: newer.id })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.FORBIDDEN' },
    })
  })

  it('takes down, relists and marks sold, allowing only the moves the graph has', async () => {
    const l = await publishListing(cloud, 'o-seller')
    expect(await call('o-seller', 'relist', { id: l.id })).toMatchObject({
      ok: false,
      error: { code: 'LISTING.WRONG_STATUS' },
    })
    expect(await call('o-seller', 'takeDown', { id: l.id })).toMatchObject({
      ok: true,
      data: { status: 'removed', owner: { actions: ['relist', 'edit'] } },
    })
    expect(await feedIds()).toEqual([])
    expect(await call('o-seller', 'relist', { id: l.id })).toMatchObject({
      ok: true,
      data: { status: 'active' },
    })
    expect(await call('o-seller', 'markSold', { id: l.id })).toMatchObject({
      ok: true,
      data: { status: 'sold', owner: { actions: [] } },
    })
    expect(await call('o-buyer', 'get', { id: l.id })).toMatchObject({
      ok: true,
      data: { status: 'sold' },
    })
    expect(
      await call('o-seller', 'update', { id: l.id, expectedVersion: 4, patch: { priceFen: 1 } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'LISTING.WRONG_STATUS' },
    })
    expect(await feedIds()).toEqual([])
  })

  it('a double tap on a status action changes it once', async () => {
    const l = await publishListing(cloud, 'o-seller')
    const results = await Promise.all([
      call('o-seller', 'markSold', { id: l.id }),
      call('o-seller', 'markSold', { id: l.id }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual([
      expect.stringMatching(/COMMON.CONFLICT|LISTING.WRONG_STATUS/),
    ])
  })

  it('edits keep the listing consistent', async () => {
    const l = await publishListing(cloud, 'o-seller')
    expect(
      await call('o-seller', 'update', {
        id: l.id,
        expectedVersion: 1,
        patch: { condition: null },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'COMMON.VALIDATION', details: { path: 'patch.condition' } },
    })
    const edited = await call('o-seller', 'update', {
      id: l.id,
      expectedVersion: 1,
      patch: {
        trade: { shipping: { payer: 'buyer', feeFen: 1200 }, meetup: false, pickup: false },
      },
    })
    expect(edited).toMatchObject({
      ok: true,
      data: { freeShipping: false, trade: { shipping: { payer: 'buyer', feeFen: 1200 } } },
    })
  })

  it('publishes services with their terms and no condition', async () => {
    const res = await call('o-seller', 'create', {
      ...(await goodsInput(cloud)),
      ...SERVICE_LISTING,
    })
    expect(res).toMatchObject({
      ok: true,
      data: { kind: 'service', serviceUnit: 'hour', condition: null, service: { radiusKm: 5 } },
    })
  })

  it('expires listings after 30 days, reminding three days before, each once', async () => {
    const l = await publishListing(cloud, 'o-seller')
    const tick = () =>
      cron(
        {
          Type: 'Timer',
          TriggerName: 'expire-listings',
          Time: new Date(cloud.clock.now()).toISOString(),
        },
        {},
      )
    cloud.clock.advance(26 * DAY)
    expect(await tick()).toMatchObject({ ok: true, data: { result: { expired: 0, reminded: 0 } } })
    cloud.clock.advance(DAY + 60_000)
    expect(await tick()).toMatchObject({ ok: true, data: { result: { expired: 0, reminded: 1 } } })
    expect(await tick()).toMatchObject({ ok: true, data: { result: { expired: 0, reminded: 0 } } })
    cloud.clock.advance(3 * DAY)
    expect(await tick()).toMatchObject({ ok: true, data: { result: { expired: 1, reminded: 0 } } })
    expect(await tick()).toMatchObject({ ok: true, data: { result: { expired: 0 } } })

    expect(await call('o-seller', 'get', { id: l.id })).toMatchObject({
      ok: true,
      data: { status: 'expired', owner: { actions: ['relist', 'edit'] } },
    })
    const notices = await invoke(user, cloud, 'o-seller', 'notices', {})
    expect(notices).toMatchObject({
      ok: true,
      data: { unread: 2, items: [{ kind: 'listing_expired' }, { kind: 'listing_expiring' }] },
    })
    expect(await invoke(user, cloud, 'o-seller', 'markNoticesRead', {})).toMatchObject({
      ok: true,
      data: { marked: 2 },
    })
    expect(await invoke(user, cloud, 'o-seller', 'notices', {})).toMatchObject({
      ok: true,
      data: { unread: 0 },
    })
    expect(await cron({ action: 'x' }, {})).toMatchObject({
      ok: false,
      error: { code: 'COMMON.UNKNOWN_ACTION' },
    })
  })

  it('does not expire goods a buyer is paying for; looks again an hour later', async () => {
    const l = await publishListing(cloud, 'o-seller')
    await cloud.container.store.update(Listings, l.id, { heldBy: '01HELDBYORDER' })
    const tick = () =>
      cron(
        {
          Type: 'Timer',
          TriggerName: 'expire-listings',
          Time: new Date(cloud.clock.now()).toISOString(),
        },
        {},
      )
    cloud.clock.advance(31 * DAY)
    expect(await tick()).toMatchObject({ ok: true, data: { result: { expired: 0 } } })
    const held = (await cloud.container.store.get(Listings, l.id))!
    expect(held).toMatchObject({ status: 'active', expiresAt: cloud.clock.now() + 3_600_000 })
    await cloud.container.store.update(Listings, l.id, { heldBy: null })
    cloud.clock.advance(3_600_000)
    expect(await tick()).toMatchObject({ ok: true, data: { result: { expired: 1 } } })
  })

  it('counts views once a day per viewer, never the seller', async () => {
    const l = await publishListing(cloud, 'o-seller')
    await call('o-seller', 'get', { id: l.id })
    await call('o-buyer', 'get', { id: l.id })
    await call('o-buyer', 'get', { id: l.id })
    expect(await call('o-buyer', 'get', { id: l.id })).toMatchObject({
      ok: true,
      data: { viewCount: 1 },
    })
    cloud.clock.advance(DAY)
    expect(await call('o-buyer', 'get', { id: l.id })).toMatchObject({
      ok: true,
      data: { viewCount: 2 },
    })
  })

  it('gives a price reference from comparable listings in the city', async () => {
    for (const price of [50_000, 60_000, 70_000, 80_000])
      await publishListing(cloud, 'o-seller', { priceFen: price, originalPriceFen: null })
    const ref = await call(null, 'priceReference', {
      city: '上海',
      category: 'digital',
      subcategory: 'digital.earphones',
      keyword: '索尼 耳机',
    })
    expect(ref).toEqual({
      ok: true,
      data: { count: 4, soldCount: 0, medianFen: 65_000, lowFen: 57_500, highFen: 72_500 },
    })
    expect(await call(null, 'priceReference', { city: '杭州', category: 'digital' })).toMatchObject(
      { ok: true, data: { count: 0, medianFen: null } },
    )
  })
})
