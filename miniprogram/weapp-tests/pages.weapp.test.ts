/**
 * The built pages mount and show their real content: 首页's feed, 我的 for the signed-in user and
 * a listing's detail, each from contract-shaped answers. A page that fails to render shows
 * nothing, a not-found state or 加载失败, so each test looks for the page's own words.
 */
import { ChatContract } from '@shared/contracts/chat.contract'
import { ListingContract } from '@shared/contracts/listing.contract'
import { RecommendContract } from '@shared/contracts/recommend.contract'
import { UserContract } from '@shared/contracts/user.contract'
import {
  IDS,
  listingCard,
  listingDetail,
  recommendPage,
  signedInDefaults,
} from './harness/fixtures'
import { type Weapp, bootWeapp } from './harness/weapp-app'

let app: Weapp
beforeAll(async () => {
  app = await bootWeapp({ defaults: signedInDefaults() })
})
beforeEach(() => app.reset())
afterEach(() => expect(app.cloud.violations).toEqual([]))

describe('首页', () => {
  it('shows the 推荐 feed the server ranked, with prices and sellers', async () => {
    app.cloud.answer(
      RecommendContract,
      'feed',
      recommendPage([
        listingCard(),
        listingCard({
          id: IDS.listing,
          title: '宜家书桌 白色',
          priceFen: 15000,
          originalPriceFen: null,
        }),
      ]),
    )
    const home = await app.open('pages/index/index')
    await home.waitFor('宜家书桌 白色')
    const text = home.text()
    expect(text).toContain('九成新富士X100V相机')
    expect(text).toContain('¥6,800')
    expect(text).toContain('¥150')
    expect(text).toContain('卖相机的老陈')
    expect(home.textOf('recommend-note')).toBe('根据你的浏览、想要和关注推荐')
    expect(home.textOf('feed-end')).toBe('没有更多了')
    expect(app.cloud.callsTo(RecommendContract, 'feed')[0]).toMatchObject({
      city: '上海',
      limit: 20,
    })
  })

  it('says so when the city has nothing yet', async () => {
    app.cloud.answer(RecommendContract, 'feed', recommendPage([], { basis: 'popular' }))
    const home = await app.open('pages/index/index')
    await home.waitFor('上海还没有闲置')
    expect(home.has('feed-empty')).toBe(true)
  })

  it('puts unread notices and chats on the 消息 tab badge', async () => {
    app.cloud
      .answer(RecommendContract, 'feed', recommendPage([listingCard()]))
      .answer(UserContract, 'notices', { items: [], nextCursor: null, unread: 2 })
      .answer(ChatContract, 'unreadTotal', { total: 3 })
    const home = await app.open('pages/index/index')
    await home.waitFor(() => app.wx.callsTo('setTabBarBadge').length > 0)
    expect(app.wx.callsTo('setTabBarBadge')).toContainEqual({ index: 2, text: '5' })
  })
})

describe('我的', () => {
  it('shows the signed-in user, their counters and 收款账户 state', async () => {
    const me = await app.open('pages/me/index')
    await me.waitFor('审核中 ›')
    expect(me.textOf('me-nickname')).toBe('楼下的小王')
    expect(me.text()).toContain('常驻 上海')
    expect(me.textOf('me-count-listings')).toBe('3在售')
    expect(me.textOf('me-count-favorites')).toBe('9我的收藏')
    expect(me.textOf('me-orders-bought')).toContain('我买到的')
    expect(me.has('me-login')).toBe(false)
  })

  it('opens 我买到的 from its row', async () => {
    const me = await app.open('pages/me/index')
    await me.waitFor('楼下的小王')
    await me.tap('me-orders-bought')
    await me.waitFor(() => app.wx.callsTo('navigateTo').length > 0)
    expect(app.wx.callsTo('navigateTo')).toEqual([{ url: '/package-order/list/index?role=buyer' }])
  })
})

describe('闲置详情', () => {
  it('shows the listing: photos, price, title, condition, trade, description and seller', async () => {
    app.cloud.answer(ListingContract, 'get', listingDetail())
    const detail = await app.open('package-listing/detail/index', { id: IDS.listing })
    await detail.waitFor('降噪正常')
    expect(detail.textOf('detail-title')).toBe('索尼WH-1000XM4降噪耳机')
    // The price comes from the native price-tag component inside Taro's tree.
    expect(detail.text()).toContain('¥950')
    expect(detail.textOf('detail-photo-count')).toBe('1/2')
    expect(detail.textOf('detail-stats')).toBe('12人想要 · 浏览 87')
    expect(detail.text()).toContain('几乎全新')
    expect(detail.textOf('detail-trade')).toContain('同城面交')
    expect(detail.textOf('detail-seller')).toContain('卖相机的老陈')
    expect(detail.text()).toContain('立即购买')
  })

  it('shows 这件闲置不见了 when the listing is gone', async () => {
    app.cloud.fail(ListingContract, 'get', 'COMMON.NOT_FOUND')
    const detail = await app.open('package-listing/detail/index', { id: IDS.listing })
    await detail.waitFor('这件闲置不见了')
    expect(detail.has('listing-detail')).toBe(false)
  })
})
