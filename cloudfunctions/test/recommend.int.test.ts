import { main as cron } from '../src/functions/cron'
import { main as listing } from '../src/functions/listing'
import { main as recommend } from '../src/functions/recommend'
import { main as search } from '../src/functions/search'
import { main as social } from '../src/functions/social'
import { aPendingOrderRecord } from '../local/mothers/order-record.mother'
import { seedDemoData } from '../local/seed/seed-demo-data'
import { loadListings, viewsBy } from '../src/modules/listing'
import { Orders } from '../src/modules/order/domain/order.record'
import { gatherHistory } from '../src/modules/recommend/application/gather-history'
import { FeedSnapshots } from '../src/modules/recommend/domain/feed-snapshot.record'
import { findUserByOpenid } from '../src/modules/user/application/find-user-by-openid'
import { publishListing } from './fixtures'
import { invoke, signUp, startTestCloud, type TestCloud } from './harness'

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

interface Card {
  id: string
  title: string
  category: string
  subcategory: string | null
  seller: { id: string }
}
interface Page {
  items: Card[]
  nextCursor: string | null
  basis: 'personal' | 'popular'
}

const KINDS = {
  camera: { category: 'digital', subcategory: 'digital.camera', priceFen: 420_000 },
  book: { category: 'books', subcategory: 'books.fiction', priceFen: 3_500 },
  desk: { category: 'furniture', subcategory: 'furniture.table', priceFen: 25_000 },
  shoes: { category: 'clothing', subcategory: 'clothing.shoes', priceFen: 32_000 },
} as const
const TITLES = {
  camera: [
    '富士 X-T30 微单',
    '索尼 A7M3 相机',
    '佳能 R6 机身',
    '尼康 Z5 微单',
    '大疆 Pocket 3',
    '松下 S5 相机',
  ],
  book: ['三体 全三册', '活着 余华', '百年孤独', '围城 钱钟书', '平凡的世界', '红楼梦 四册'],
  desk: ['宜家 书桌', '实木 餐桌', '升降桌 电动', '折叠桌 小号', '电脑桌 白色', '茶几 胡桃木'],
  shoes: [
    '耐克 跑鞋 42',
    '阿迪 板鞋 41',
    '李宁 篮球鞋',
    '安踏 跑鞋 43',
    '新百伦 574',
    '匡威 帆布鞋',
  ],
} as const
type Kind = keyof typeof KINDS
/** The cameras the journey's neighbours publish (e2e/journeys/recommend.e2e.ts). */
const NEIGHBOURS_CAMERAS = [
  ['o-demo-01', '索尼 A7M3 全画幅微单 单机身', 680_000],
  ['o-demo-03', '尼康 Z5 微单 24-50 套机', 520_000],
  ['o-demo-01', '佳能 EOS R6 相机 机身', 899_900],
  ['o-demo-03', '理光 GR3 相机 街拍', 430_000],
] as const
/** Six sellers: with five or fewer, 2 of one seller in every 10 leaves no room to choose. */
const SELLERS = ['o-s1', 'o-s2', 'o-s3', 'o-s4', 'o-s5', 'o-s6']

let cloud: TestCloud
let ids: Record<string, string>
/** Listing id → kind, for reading a page. */
let kindOf: Map<string, Kind>
let byKind: Record<Kind, string[]>
/** Listing id → its seller's OPENID. */
let sellerOf: Map<string, string>

const feed = async (openid: string | null, input: Record<string, unknown> = {}) => {
  const res = await invoke(recommend, cloud, openid, 'feed', { city: '上海', ...input })
  if (!res.ok) throw new Error(`${res.error.code} ${res.error.message}`)
  return res.data as Page
}
const kinds = (page: Page) => page.items.map((c) => kindOf.get(c.id) ?? 'new')
const view = async (openid: string, id: string) => {
  const res = await invoke(listing, cloud, openid, 'get', { id })
  if (!res.ok) throw new Error(res.error.code)
}
const want = async (openid: string, id: string) => {
  const res = await invoke(social, cloud, openid, 'favorite', { listingId: id })
  if (!res.ok) throw new Error(res.error.code)
}
const publish = async (openid: string, kind: Kind, title: string) => {
  cloud.clock.advance(MINUTE)
  return (await publishListing(cloud, openid, { ...KINDS[kind], title })).id as string
}

/**
 * 24 listings in 上海 from six sellers: the six cameras first (the oldest), then books, desks and
 * shoes, so the cold start (fresh and popular first) does not put cameras on top.
 */
beforeEach(async () => {
  cloud = startTestCloud()
  const users = await signUp(cloud, ...SELLERS, 'o-a', 'o-b', 'o-c', 'o-new')
  ids = Object.fromEntries([...SELLERS, 'o-a', 'o-b', 'o-c', 'o-new'].map((o, i) => [o, users[i]!]))
  // Established sellers: a week-old account publishing many cameras is not held as a new one.
  cloud.clock.advance(8 * DAY)
  kindOf = new Map()
  sellerOf = new Map()
  byKind = { camera: [], book: [], desk: [], shoes: [] }
  for (const kind of Object.keys(KINDS) as Kind[])
    for (const [i, title] of TITLES[kind].entries()) {
      const seller = SELLERS[(i + kind.length) % SELLERS.length]!
      const id = await publish(seller, kind, title)
      kindOf.set(id, kind)
      sellerOf.set(id, seller)
      byKind[kind].push(id)
    }
  cloud.clock.advance(MINUTE)
})
afterEach(() => cloud.stop())

describe('view events (listing.get)', () => {
  it('records one per signed-in user, listing and China day; never the seller’s own, and no viewer for an anonymous one', async () => {
    const [cam] = byKind.camera
    await view('o-a', cam!)
    await view('o-a', cam!)
    expect(await viewsBy(cloud.container, ids['o-a']!, 0, 10)).toEqual([
      { listingId: cam, at: cloud.clock.now() },
    ])
    cloud.clock.advance(DAY)
    await view('o-a', cam!)
    expect(await viewsBy(cloud.container, ids['o-a']!, 0, 10)).toHaveLength(2)
    const seller = sellerOf.get(cam!)!
    await view(seller, cam!)
    expect(await viewsBy(cloud.container, ids[seller]!, 0, 10)).toEqual([])
    expect(await invoke(listing, cloud, null, 'get', { id: cam })).toMatchObject({ ok: true })
    // Only o-a's own views are o-a's; nobody else's history holds them.
    expect(await viewsBy(cloud.container, ids['o-b']!, 0, 10)).toEqual([])
  })
})

describe('the cold start', () => {
  it('gives a guest and a new user what is popular and fresh nearby, the same order, said as popular', async () => {
    const popularBook = byKind.book[0]!
    for (const fan of ['o-a', 'o-b', 'o-c']) await want(fan, popularBook)
    const guest = await feed(null, { limit: 10 })
    expect(guest.basis).toBe('popular')
    expect(guest.items[0]!.id).toBe(popularBook)
    // Otherwise the newest first: the shoes were published last.
    expect(kinds(guest).slice(1, 4)).toEqual(['shoes', 'shoes', 'shoes'])
    const newcomer = await feed('o-new', { limit: 10 })
    expect(newcomer.basis).toBe('popular')
    expect(newcomer.items.map((c) => c.id)).toEqual(guest.items.map((c) => c.id))
  })

  it('shares a guest ranking for 10 minutes, then ranks again', async () => {
    const first = await feed(null, { limit: 5 })
    const late = await publish('o-s1', 'camera', '徕卡 Q2 相机')
    expect((await feed(null, { limit: 5 })).items).toEqual(first.items)
    cloud.clock.advance(10 * MINUTE)
    expect((await feed(null, { limit: 5 })).items[0]!.id).toBe(late)
  })
})

describe('the personal ranking', () => {
  it('shows cameras on top after viewing and wanting a few, and says it is personal', async () => {
    const before = await feed('o-a', { limit: 10 })
    expect(kinds(before).slice(0, 4)).not.toEqual(Array(4).fill('camera'))
    for (const id of byKind.camera.slice(0, 3)) await view('o-a', id)
    for (const id of byKind.camera.slice(0, 2)) await want('o-a', id)
    const after = await feed('o-a', { limit: 10 })
    expect(after.basis).toBe('personal')
    expect(kinds(after).slice(0, 4)).toEqual(Array(4).fill('camera'))
    // What was not opened yet comes first; the 想要 ones step back but stay in the feed.
    expect(after.items.slice(0, 3).map((c) => c.id)).toEqual(
      expect.arrayContaining(byKind.camera.slice(3)),
    )
    // At most 4 of one category in the 10.
    expect(kinds(after).filter((k) => k === 'camera')).toHaveLength(4)
  })

  it('learns from a search and from a follow', async () => {
    const res = await invoke(search, cloud, 'o-b', 'query', { city: '上海', keyword: '小说' })
    expect(res.ok).toBe(true)
    expect(kinds(await feed('o-b', { limit: 10 })).slice(0, 4)).toEqual(Array(4).fill('book'))

    expect(await invoke(social, cloud, 'o-c', 'follow', { userId: ids['o-s3'] })).toMatchObject({
      ok: true,
    })
    const followed = await feed('o-c', { limit: 10 })
    expect(followed.basis).toBe('personal')
    expect(followed.items.slice(0, 2).map((c) => c.seller.id)).toEqual([ids['o-s3'], ids['o-s3']])
  })

  it('learns from a purchase, and never recommends what was bought', async () => {
    const bought = byKind.desk[0]!
    await cloud.container.store.insert(
      Orders,
      aPendingOrderRecord(
        {
          _id: '01KBUYBUYBUYBUYBUYBUYBUYBU',
          subMchid: '1900000001',
          listingId: bought,
          buyerId: ids['o-c']!,
          sellerId: ids['o-s1']!,
          state: 'paid',
          paidAt: cloud.clock.now(),
        },
        cloud.clock.now(),
      ),
    )
    const page = await feed('o-c', { limit: 20 })
    expect(page.items.map((c) => c.id)).not.toContain(bought)
    expect(kinds(page).slice(0, 4)).toEqual(Array(4).fill('desk'))
  })

  it('keeps any seller to 2 and any category to 4 in every 10', async () => {
    const wall: string[] = []
    for (let i = 0; i < 8; i++) wall.push(await publish('o-s4', 'camera', `二手 相机 ${i + 1} 号`))
    for (const id of wall.slice(0, 3)) await want('o-a', id)
    const top = (await feed('o-a', { limit: 20 })).items
    for (let i = 0; i + 10 <= top.length; i++) {
      const window = top.slice(i, i + 10)
      const most = (key: (c: Card) => string) =>
        Math.max(
          ...[...new Set(window.map(key))].map((k) => window.filter((c) => key(c) === k).length),
        )
      expect(most((c) => c.seller.id)).toBeLessThanOrEqual(2)
      expect(most((c) => c.category)).toBeLessThanOrEqual(4)
    }
  })
})

describe('one user’s history is theirs alone', () => {
  it('never shapes another user’s profile or ranking, and a cursor never opens another’s ranking', async () => {
    await want('o-b', byKind.book[0]!)
    await view('o-b', byKind.book[1]!)
    const bBefore = await gatherHistory(cloud.container, ids['o-b']!)
    const bFeedBefore = kinds(await feed('o-b', { limit: 10 }))

    for (const id of byKind.camera) await view('o-a', id)
    for (const id of byKind.camera.slice(0, 4)) await want('o-a', id)
    const aPage = await feed('o-a', { limit: 5 })
    expect(Object.keys(aPage).sort()).toEqual(['basis', 'items', 'nextCursor'])

    expect(await gatherHistory(cloud.container, ids['o-b']!)).toEqual(bBefore)
    const bAfter = kinds(await feed('o-b', { limit: 10 }))
    expect(bAfter.slice(0, 4)).toEqual(bFeedBefore.slice(0, 4))
    expect(bAfter.slice(0, 4)).toEqual(Array(4).fill('book'))

    // o-a's cursor in o-b's hands, or a guest's: no page of o-a's ranking.
    for (const who of ['o-b', null])
      expect(
        await invoke(recommend, cloud, who, 'feed', {
          city: '上海',
          limit: 5,
          cursor: aPage.nextCursor,
        }),
      ).toMatchObject({ ok: false, error: { code: 'RECOMMEND.CURSOR_EXPIRED' } })
    // The ranking is stored under o-a's own key, and holds listing ids only.
    expect(await cloud.container.store.get(FeedSnapshots, `u:${ids['o-a']}`)).toMatchObject({
      basis: 'personal',
    })
  })
})

describe('paging', () => {
  it('continues one ranking: no repeats or skips while listings are published between pages', async () => {
    for (const id of byKind.camera.slice(0, 2)) await want('o-a', id)
    const seen: string[] = []
    let page = await feed('o-a', { limit: 5 })
    const fresh: string[] = []
    for (;;) {
      seen.push(...page.items.map((c) => c.id))
      if (!page.nextCursor) break
      // A fresh camera, which would rank near the top of any new ranking.
      fresh.push(await publish('o-s2', 'camera', `新到 相机 ${fresh.length + 1}`))
      page = await feed('o-a', { limit: 5, cursor: page.nextCursor })
    }
    expect(seen).toHaveLength(24)
    expect(new Set(seen)).toEqual(new Set(kindOf.keys()))
    // Pulling down to refresh ranks again, new listings included.
    const again = (await feed('o-a', { limit: 10 })).items.map((c) => c.id)
    expect(again.filter((id) => fresh.includes(id)).length).toBeGreaterThan(0)
  })

  it('drops a listing sold meanwhile without shifting the rest, and starts over on another chip', async () => {
    const first = await feed('o-b', { limit: 5 })
    const snapshot = await cloud.container.store.get(FeedSnapshots, `u:${ids['o-b']}`)
    const sold = snapshot!.ids[6]!
    expect(
      await invoke(listing, cloud, sellerOf.get(sold)!, 'markSold', { id: sold }),
    ).toMatchObject({
      ok: true,
    })
    const second = await feed('o-b', { limit: 5, cursor: first.nextCursor })
    expect(second.items.map((c) => c.id)).toEqual(
      snapshot!.ids.slice(5, 10).filter((id) => id !== sold),
    )
    expect(
      await invoke(recommend, cloud, 'o-b', 'feed', {
        city: '上海',
        category: 'books',
        limit: 5,
        cursor: second.nextCursor,
      }),
    ).toMatchObject({ ok: false, error: { code: 'RECOMMEND.CURSOR_EXPIRED' } })
    expect(
      await invoke(recommend, cloud, 'o-b', 'feed', { city: '上海', limit: 5, cursor: 'nope' }),
    ).toMatchObject({ ok: false, error: { code: 'COMMON.VALIDATION' } })
  })

  it('ranks one category under a chip', async () => {
    const page = await feed('o-a', { category: 'books', limit: 20 })
    expect(kinds(page)).toEqual(Array(6).fill('book'))
  })
})

describe('limits and the sweep', () => {
  it('refuses a 31st ranking in a minute, but never a later page', async () => {
    let last: Page | null = null
    for (let i = 0; i < 30; i++) last = await feed('o-a', { limit: 5 })
    expect(await invoke(recommend, cloud, 'o-a', 'feed', { city: '上海' })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.RATE_LIMITED' },
    })
    expect((await feed('o-a', { limit: 5, cursor: last!.nextCursor })).items).toHaveLength(5)
  })

  it('sweeps views after 30 days and rankings after a day (sweep-counters)', async () => {
    await view('o-a', byKind.camera[0]!)
    await feed('o-a')
    await feed(null)
    const sweep = async () =>
      (await cron(
        {
          Type: 'Timer',
          TriggerName: 'sweep-counters',
          Time: new Date(cloud.clock.now()).toISOString(),
        },
        {},
      )) as { ok: true; data: { result: { views: number; feedSnapshots: number } } }
    cloud.clock.advance(DAY + MINUTE)
    expect((await sweep()).data.result).toMatchObject({ views: 0, feedSnapshots: 2 })
    cloud.clock.advance(30 * DAY)
    expect((await sweep()).data.result).toMatchObject({ views: 1, feedSnapshots: 0 })
    expect(await viewsBy(cloud.container, ids['o-a']!, 0, 10)).toEqual([])
  })
})

describe('on the demo seed (what the journey shows)', () => {
  it('turns the top of 杨浦读书人’s 推荐 to cameras after four views and three 想要', async () => {
    cloud.stop()
    cloud = startTestCloud()
    await seedDemoData(cloud.container, { photoVariants: 1, photoSize: 32 })
    // As in the journey: two neighbours have just put up two cameras each.
    for (const [openid, title, priceFen] of NEIGHBOURS_CAMERAS) {
      cloud.clock.advance(MINUTE)
      await publishListing(cloud, openid, { ...KINDS.camera, title, priceFen })
    }
    cloud.clock.advance(MINUTE)
    const me = (await findUserByOpenid(cloud.container, 'o-demo-04'))!
    const cameras = (
      await cloud.container.search.query({
        city: '上海',
        category: 'digital.camera',
        sort: 'newest',
        limit: 50,
      })
    ).items.map((h) => h.id)
    const others = (await loadListings(cloud.container, cameras)).filter(
      (l) => l.sellerId !== me._id,
    )
    const isCamera = (page: Page) => page.items.slice(0, 4).map((c) => cameras.includes(c.id))
    const before = await feed('o-demo-04', { limit: 10 })
    expect(before.basis).toBe('personal')
    expect(isCamera(before)).not.toEqual([true, true, true, true])
    for (const l of others.slice(0, 4)) await view('o-demo-04', l._id)
    for (const l of others.slice(0, 3)) await want('o-demo-04', l._id)
    expect(isCamera(await feed('o-demo-04', { limit: 10 }))).toEqual([true, true, true, true])
  }, 30_000)
})
