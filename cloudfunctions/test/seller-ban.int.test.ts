import { main as cron } from '../src/functions/cron'
import { main as listing } from '../src/functions/listing'
import { main as search } from '../src/functions/search'
import { main as social } from '../src/functions/social'
import { isListingBuyable } from '../src/modules/listing/application/seller-ban.use-case'
import { updateListingRecord } from '../src/modules/listing/application/save-listing'
import { Listings } from '../src/modules/listing/domain/listing.record'
import { banUser, liftBan } from '../src/modules/moderation/application/ban-user.use-case'
import { type UserRecord, Users } from '../src/modules/user/domain/user.record'
import { XUHUI, publishListing } from './fixtures'
import { invoke, signUp, startTestCloud, type TestCloud } from './harness'

const HOUR = 3_600_000

let cloud: TestCloud
let sellerId: string
let buyerId: string
let modId: string
let other: { id: string }
let community: string
let listingId: string

const user = async (id: string) => (await cloud.container.store.get(Users, id)) as UserRecord
const data = async <T = any>(p: Promise<{ ok: boolean; data?: any; error?: any }>): Promise<T> => {
  const res = await p
  if (!res.ok) throw new Error(`${res.error.code} ${res.error.message}`)
  return res.data as T
}
const ids = (page: { items: { id: string }[] }) => page.items.map((c) => c.id)

/** Everywhere others find listings, as lists of the seller's listing ids. */
const seen = async () => {
  const all = {
    cityFeed: ids(
      await data(invoke(listing, cloud, 'o-buyer', 'feed', { city: '上海', limit: 50 })),
    ),
    nearby: ids(
      await data(
        invoke(search, cloud, 'o-buyer', 'query', {
          city: '上海',
          near: { latitude: XUHUI.latitude, longitude: XUHUI.longitude },
          radiusKm: 5,
          sort: 'distance',
        }),
      ),
    ),
    keyword: ids(
      await data(invoke(search, cloud, 'o-buyer', 'query', { city: '上海', keyword: '降噪耳机' })),
    ),
    community: ids(
      await data(
        invoke(search, cloud, 'o-buyer', 'query', { city: '上海', communityId: community }),
      ),
    ),
    storefront: ids(
      await data(invoke(listing, cloud, 'o-buyer', 'bySeller', { sellerId, limit: 50 })),
    ),
    storefrontCount: (
      await data(invoke(social, cloud, 'o-buyer', 'storefront', { userId: sellerId }))
    ).activeCount,
    following: ids(await data(invoke(social, cloud, 'o-buyer', 'followingFeed', {}))),
    favorites: ids(await data(invoke(social, cloud, 'o-buyer', 'favorites', {}))),
  }
  return Object.fromEntries(
    Object.entries(all).map(([k, v]) => [
      k,
      Array.isArray(v) ? v.filter((id) => id !== other.id) : v,
    ]),
  )
}

const everywhere = (listed: string[], count: number) => ({
  cityFeed: listed,
  nearby: listed,
  keyword: listed,
  community: listed,
  storefront: listed,
  storefrontCount: count,
  following: listed,
  favorites: listed,
})

beforeEach(async () => {
  cloud = startTestCloud()
  ;[sellerId, buyerId, modId] = await signUp(cloud, 'o-seller', 'o-buyer', 'o-mod', 'o-other')
  await cloud.container.store.update(Users, modId, { roles: ['user', 'moderator'] })
  const created = await data(
    invoke(social, cloud, 'o-seller', 'createCommunity', {
      name: '西岸公寓',
      type: 'residential',
      location: XUHUI,
    }),
  )
  community = created.id
  listingId = (
    await publishListing(cloud, 'o-seller', {
      title: '索尼 降噪耳机 WH-1000XM4',
      communityIds: [community],
    })
  ).id
  // Someone else's listing stays put throughout: the ban hides one seller, not the feed.
  other = await publishListing(cloud, 'o-other', { title: '另一副降噪耳机' })
  await data(invoke(social, cloud, 'o-buyer', 'follow', { userId: sellerId }))
  await data(invoke(social, cloud, 'o-buyer', 'favorite', { listingId }))
})
afterEach(() => cloud.stop())

describe("a banned seller's listings", () => {
  it('show everywhere before the ban (the baseline the other tests compare to)', async () => {
    expect(await seen()).toEqual(everywhere([listingId], 1))
    expect(
      await isListingBuyable(
        cloud.container,
        (await cloud.container.store.get(Listings, listingId))!,
      ),
    ).toBe(true)
  })

  it('leave feeds, nearby, search, the community, the storefront, following and favourites, and cannot be bought, until the ban is lifted', async () => {
    const banned = await banUser(cloud.container, await user(modId), {
      userId: sellerId,
      until: cloud.clock.now() + 7 * 24 * HOUR,
    })
    expect(banned).toMatchObject({ listingsHidden: 1 })
    expect(await seen()).toEqual(everywhere([], 0))
    const record = (await cloud.container.store.get(Listings, listingId))!
    expect(record.status).toBe('active')
    expect(await isListingBuyable(cloud.container, record)).toBe(false)
    // A buyer with the link is told it is unavailable; the seller still sees their own.
    expect(await invoke(listing, cloud, 'o-buyer', 'get', { id: listingId })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.NOT_FOUND', message: '卖家账号受限，宝贝暂不可查看' },
    })
    expect(await invoke(listing, cloud, null, 'get', { id: listingId })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.NOT_FOUND' },
    })
    expect(await invoke(listing, cloud, 'o-seller', 'get', { id: listingId })).toMatchObject({
      ok: true,
      data: { id: listingId, status: 'active' },
    })
    expect(await invoke(social, cloud, 'o-buyer', 'favorite', { listingId })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.NOT_FOUND' },
    })
    // A write during the ban (an order putting it back on sale, say) keeps it out of search.
    await updateListingRecord(cloud.container, record, { priceFen: 80_000 })
    expect((await seen()).keyword).toEqual([])

    expect(await liftBan(cloud.container, await user(modId), sellerId)).toEqual({
      listingsShown: 1,
    })
    expect(await seen()).toEqual(everywhere([listingId], 1))
    expect(await invoke(listing, cloud, 'o-buyer', 'get', { id: listingId })).toMatchObject({
      ok: true,
      data: { priceFen: 80_000, status: 'active' },
    })
    expect(
      await isListingBuyable(
        cloud.container,
        (await cloud.container.store.get(Listings, listingId))!,
      ),
    ).toBe(true)
  })

  it('come back when a ban runs out: the link and buying at once, feeds and search with the next expire-listings run', async () => {
    await banUser(cloud.container, await user(modId), {
      userId: sellerId,
      until: cloud.clock.now() + 2 * HOUR,
    })
    const tick = () =>
      cron(
        {
          Type: 'Timer',
          TriggerName: 'expire-listings',
          Time: new Date(cloud.clock.now()).toISOString(),
        },
        {},
      )
    expect(await tick()).toMatchObject({
      ok: true,
      data: { result: { bansLifted: 0, listingsShown: 0 } },
    })
    expect(await seen()).toEqual(everywhere([], 0))

    cloud.clock.advance(2 * HOUR)
    expect(await invoke(listing, cloud, 'o-buyer', 'get', { id: listingId })).toMatchObject({
      ok: true,
      data: { id: listingId },
    })
    expect(
      await isListingBuyable(
        cloud.container,
        (await cloud.container.store.get(Listings, listingId))!,
      ),
    ).toBe(true)
    expect(await tick()).toMatchObject({
      ok: true,
      data: { result: { bansLifted: 1, listingsShown: 1 } },
    })
    expect(await seen()).toEqual(everywhere([listingId], 1))
    expect((await user(sellerId)).bannedUntil).toBeNull()
    expect(await tick()).toMatchObject({
      ok: true,
      data: { result: { bansLifted: 0, listingsShown: 0 } },
    })
  })

  it('stay hidden when the ban is renewed before the cron lifts the old one', async () => {
    const start = cloud.clock.now()
    await banUser(cloud.container, await user(modId), { userId: sellerId, until: start + HOUR })
    cloud.clock.advance(HOUR)
    await banUser(cloud.container, await user(modId), {
      userId: sellerId,
      until: start + 10 * HOUR,
    })
    expect(
      await cron({ Type: 'Timer', TriggerName: 'expire-listings', Time: 'now' }, {}),
    ).toMatchObject({ ok: true, data: { result: { bansLifted: 0 } } })
    expect(await seen()).toEqual(everywhere([], 0))
  })

  it('can only be hidden by an operator, for a time still to come', async () => {
    const until = cloud.clock.now() + HOUR
    await expect(
      banUser(cloud.container, await user(buyerId), { userId: sellerId, until }),
    ).rejects.toMatchObject({ code: 'COMMON.FORBIDDEN' })
    await expect(
      banUser(cloud.container, await user(modId), { userId: modId, until }),
    ).rejects.toMatchObject({ code: 'COMMON.FORBIDDEN' })
    await expect(
      banUser(cloud.container, await user(modId), { userId: sellerId, until: cloud.clock.now() }),
    ).rejects.toMatchObject({ code: 'COMMON.VALIDATION' })
    await expect(liftBan(cloud.container, await user(buyerId), sellerId)).rejects.toMatchObject({
      code: 'COMMON.FORBIDDEN',
    })
    expect((await user(sellerId)).bannedUntil).toBeNull()
    expect(await seen()).toEqual(everywhere([listingId], 1))
  })
})
