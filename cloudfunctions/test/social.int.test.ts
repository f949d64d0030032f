import { main as listing } from '../src/functions/listing'
import { main as social } from '../src/functions/social'
import { setCreditBadge } from '../src/modules/user'
import { XUHUI, publishListing } from './fixtures'
import { invoke, signUp, startTestCloud, type TestCloud } from './harness'

let cloud: TestCloud
let sellerId: string
beforeEach(async () => {
  cloud = startTestCloud()
  ;[sellerId] = await signUp(cloud, 'o-seller', 'o-buyer', 'o-other')
})
afterEach(() => cloud.stop())

const call = (openid: string | null, action: string, input?: unknown) =>
  invoke(social, cloud, openid, action, input)

describe('想要 (favourites)', () => {
  it('counts each user once, however often they tap, and lists them newest first', async () => {
    const a = await publishListing(cloud, 'o-seller', { title: '宝贝 A' })
    const b = await publishListing(cloud, 'o-seller', { title: '宝贝 B' })
    await Promise.all([
      call('o-buyer', 'favorite', { listingId: a.id }),
      call('o-buyer', 'favorite', { listingId: a.id }),
    ])
    cloud.clock.advance(1000)
    await call('o-buyer', 'favorite', { listingId: b.id })
    expect(await call('o-other', 'favorite', { listingId: a.id })).toEqual({
      ok: true,
      data: { favorited: true, favoriteCount: 2 },
    })

    const detail = await invoke(listing, cloud, 'o-buyer', 'get', { id: a.id })
    expect(detail).toMatchObject({ ok: true, data: { favoriteCount: 2, isFavorited: true } })
    const mine = await call('o-buyer', 'favorites', {})
    expect(mine.ok && mine.data.items.map((c: { title: string }) => c.title)).toEqual([
      '宝贝 B',
      '宝贝 A',
    ])

    expect(await call('o-buyer', 'unfavorite', { listingId: a.id })).toEqual({
      ok: true,
      data: { favorited: false, favoriteCount: 1 },
    })
    expect(await call('o-buyer', 'unfavorite', { listingId: a.id })).toEqual({
      ok: true,
      data: { favorited: false, favoriteCount: 1 },
    })
    expect(
      await call('o-buyer', 'favorite', { listingId: '01KAAAAAAAAAAAAAAAAAAAAAAA' }),
    ).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } })
    expect(await call(null, 'favorite', { listingId: a.id })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.UNAUTHENTICATED' },
    })
  })

  it('does not make the seller’s edit conflict', async () => {
    const a = await publishListing(cloud, 'o-seller')
    await call('o-buyer', 'favorite', { listingId: a.id })
    const edit = await invoke(listing, cloud, 'o-seller', 'update', {
      id: a.id,
      expectedVersion: 1,
      patch: { priceFen: 1000 },
    })
    expect(edit).toMatchObject({ ok: true, data: { favoriteCount: 1, priceFen: 1000 } })
  })
})

describe('following and storefronts', () => {
  it('shows the credit badge the credit module keeps on the user, on cards and the storefront', async () => {
    const l = await publishListing(cloud, 'o-seller')
    const seller = async () => {
      const card = await invoke(listing, cloud, null, 'bySeller', { sellerId })
      const front = await call(null, 'storefront', { userId: sellerId })
      return [
        card.ok && card.data.items[0].seller.creditBadge,
        front.ok && front.data.seller.creditBadge,
      ]
    }
    expect(await seller()).toEqual([null, null])
    await setCreditBadge(cloud.container.store, sellerId, '信用优秀', cloud.clock.now())
    expect(await seller()).toEqual(['信用优秀', '信用优秀'])
    const detail = await invoke(listing, cloud, 'o-buyer', 'get', { id: l.id })
    expect(detail.ok && detail.data.seller).toMatchObject({ id: sellerId, creditBadge: '信用优秀' })
  })

  it('follows a seller, shows their new listings, and counts followers', async () => {
    const l = await publishListing(cloud, 'o-seller', { title: '关注的人发布的' })
    await publishListing(cloud, 'o-other', { title: '别人发布的' })
    expect(await call('o-buyer', 'follow', { userId: sellerId })).toEqual({
      ok: true,
      data: { following: true, followerCount: 1 },
    })
    expect(await call('o-buyer', 'follow', { userId: sellerId })).toEqual({
      ok: true,
      data: { following: true, followerCount: 1 },
    })
    const feed = await call('o-buyer', 'followingFeed', {})
    expect(feed.ok && feed.data.items.map((c: { id: string }) => c.id)).toEqual([l.id])

    const front = await call('o-buyer', 'storefront', { userId: sellerId })
    expect(front).toMatchObject({
      ok: true,
      data: { activeCount: 1, soldCount: 0, followerCount: 1, isFollowing: true, isMe: false },
    })
    expect(await call('o-seller', 'follow', { userId: sellerId })).toMatchObject({
      ok: false,
      error: { code: 'SOCIAL.CANNOT_FOLLOW_SELF' },
    })
    expect(await call('o-buyer', 'following', {})).toMatchObject({
      ok: true,
      data: { items: [{ id: sellerId, followedAt: expect.any(Number) }] },
    })
    expect(await call('o-buyer', 'myCounts', {})).toMatchObject({
      ok: true,
      data: { following: 1, favorites: 0, listings: { active: 0 } },
    })
    expect(await call('o-seller', 'myCounts', {})).toMatchObject({
      ok: true,
      data: { followers: 1, listings: { active: 1, sold: 0, draft: 0 } },
    })
    expect(await call('o-buyer', 'unfollow', { userId: sellerId })).toEqual({
      ok: true,
      data: { following: false, followerCount: 0 },
    })
    const byseller = await invoke(listing, cloud, null, 'bySeller', { sellerId })
    expect(byseller.ok && byseller.data.items).toHaveLength(1)
  })
})

describe('communities', () => {
  const place = { ...XUHUI, latitude: 31.1901, longitude: 121.4372 }

  it('creates one at a map point, finds it nearby, joins by id or invite, and posts listings to it', async () => {
    const created = await call('o-seller', 'createCommunity', {
      name: '西岸公寓',
      type: 'residential',
      location: place,
    })
    expect(created).toMatchObject({
      ok: true,
      data: {
        name: '西岸公寓',
        memberCount: 1,
        isMember: true,
        inviteCode: expect.stringMatching(/^[0-9A-Z]{6}$/),
      },
    })
    if (!created.ok) return
    const dup = await call('o-buyer', 'createCommunity', {
      name: '西岸公寓',
      type: 'residential',
      location: XUHUI,
    })
    expect(dup).toMatchObject({ ok: false, error: { code: 'SOCIAL.COMMUNITY_EXISTS' } })

    const near = await call('o-buyer', 'communitiesNear', { city: '上海', point: XUHUI })
    expect(near).toMatchObject({
      ok: true,
      data: { items: [{ id: created.data.id, isMember: false, inviteCode: null }] },
    })
    expect(await call('o-buyer', 'joinCommunity', { communityId: created.data.id })).toMatchObject({
      ok: true,
      data: { memberCount: 2 },
    })
    expect(await call('o-buyer', 'joinCommunity', { communityId: created.data.id })).toMatchObject({
      ok: true,
      data: { memberCount: 2 },
    })
    expect(
      await call('o-other', 'joinCommunity', { inviteCode: created.data.inviteCode }),
    ).toMatchObject({ ok: true, data: { memberCount: 3 } })
    expect(await call('o-other', 'joinCommunity', { inviteCode: 'ZZZZZZ' })).toMatchObject({
      ok: false,
      error: { code: 'SOCIAL.BAD_INVITE' },
    })

    const posted = await publishListing(cloud, 'o-buyer', { communityIds: [created.data.id] })
    expect(posted.owner?.communityIds).toEqual([created.data.id])
    const outsider = await invoke(listing, cloud, 'o-buyer', 'create', {
      ...(await import('./fixtures').then((f) => f.goodsInput(cloud, {}, 'o-buyer'))),
      communityIds: ['01KAAAAAAAAAAAAAAAAAAAAAAA'],
    })
    expect(outsider).toMatchObject({
      ok: false,
      error: { code: 'LISTING.NOT_IN_COMMUNITY', details: { path: 'communityIds.0' } },
    })

    expect(await call('o-other', 'leaveCommunity', { communityId: created.data.id })).toEqual({
      ok: true,
      data: { left: true },
    })
    const mine = await call('o-buyer', 'myCommunities', {})
    expect(mine).toMatchObject({
      ok: true,
      data: { items: [{ id: created.data.id, memberCount: 2 }] },
    })
  })

  it('refuses a community outside its city', async () => {
    const res = await call('o-seller', 'createCommunity', {
      name: '西湖边',
      type: 'residential',
      location: { latitude: 30.2595, longitude: 120.1302, city: '上海', district: '徐汇区' },
    })
    expect(res).toMatchObject({ ok: false, error: { code: 'LISTING.LOCATION_OUTSIDE_CITY' } })
  })
})
