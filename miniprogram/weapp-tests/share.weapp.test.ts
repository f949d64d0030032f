/**
 * Share handlers called as the WeChat client calls them: 转发 from the ··· menu ({ from: 'menu' })
 * and from a `<button open-type="share">` ({ from: 'button', target }). The card's path is read
 * as WeChat reads it (page + query), so later tests can assert a share token, the card image and
 * the 朋友圈 query with the same helpers (readShareCard / readTimelineCard).
 */
import { ListingContract } from '@shared/contracts/listing.contract'
import { SearchContract } from '@shared/contracts/search.contract'
import { SocialContract } from '@shared/contracts/social.contract'
import {
  IDS,
  community,
  listingCard,
  listingDetail,
  signedInDefaults,
  storefront,
} from './harness/fixtures'
import { type Weapp, bootWeapp } from './harness/weapp-app'

let app: Weapp
beforeAll(async () => {
  app = await bootWeapp({ defaults: signedInDefaults() })
})
beforeEach(() => app.reset())
afterEach(() => expect(app.cloud.violations).toEqual([]))

const FROM = [{ from: 'menu' }, { from: 'button', target: { id: 'share-button' } }] as const

describe('闲置详情', () => {
  const open = async () => {
    app.cloud.answer(ListingContract, 'get', listingDetail())
    const detail = await app.open('package-listing/detail/index', { id: IDS.listing })
    await detail.waitFor('降噪正常')
    return detail
  }

  it.each(FROM)('shares the listing’s title and its detail page (%o)', async (from) => {
    const detail = await open()
    const card = await detail.shareAppMessage(from)
    expect(card.title).toBe('索尼WH-1000XM4降噪耳机')
    expect(card.route).toBe('package-listing/detail/index')
    expect(card.params).toEqual({ id: IDS.listing })
    expect(card.path).toBe(`/package-listing/detail/index?id=${IDS.listing}`)
  })

  it('registers onShareAppMessage, which is what makes WeChat offer 转发', async () => {
    const detail = await open()
    expect(detail.canShare().appMessage).toBe(true)
  })
})

describe('卖家主页', () => {
  it.each(FROM)('shares the seller’s page with their nickname (%o)', async (from) => {
    app.cloud
      .answer(SocialContract, 'storefront', storefront())
      .answer(ListingContract, 'bySeller', { items: [listingCard()], nextCursor: null })
    const store = await app.open('package-social/storefront/index', { id: IDS.seller })
    await store.waitFor('九成新富士X100V相机')
    expect(store.textOf('storefront-nickname')).toBe('卖相机的老陈')
    const card = await store.shareAppMessage(from)
    expect(card.title).toBe('卖相机的老陈在邻圈的闲置')
    expect(card.route).toBe('package-social/storefront/index')
    expect(card.params).toEqual({ id: IDS.seller })
  })
})

describe('圈子', () => {
  const open = async (answer: ReturnType<typeof community>) => {
    app.cloud
      .answer(SocialContract, 'community', answer)
      .answer(SearchContract, 'query', { items: [listingCard()], nextCursor: null, fallback: null })
    const page = await app.open('package-social/community/index', { id: IDS.community })
    await page.waitFor('九成新富士X100V相机')
    expect(page.textOf('community-name-title')).toBe('徐汇苑')
    return page
  }

  it.each(FROM)('a member’s card opens the join page with the invite code (%o)', async (from) => {
    const page = await open(community())
    const card = await page.shareAppMessage(from)
    expect(card.title).toBe('邀请你加入「徐汇苑」，看看邻居在卖什么')
    expect(card.route).toBe('package-social/community-join/index')
    expect(card.params).toEqual({ code: 'K7Q2MX' })
  })

  it('a visitor’s card (no invite code) opens the community itself', async () => {
    const page = await open(community({ isMember: false, inviteCode: null }))
    const card = await page.shareAppMessage()
    expect(card.route).toBe('package-social/community/index')
    expect(card.params).toEqual({ id: IDS.community })
  })
})

it('a page without a share hook offers no 转发 (我的)', async () => {
  const me = await app.open('pages/me/index')
  await me.waitFor('楼下的小王')
  expect(me.canShare()).toEqual({ appMessage: false, timeline: false })
  await expect(me.shareAppMessage()).rejects.toThrow('WeChat would not offer 转发')
  await expect(me.shareTimeline()).rejects.toThrow('WeChat would not offer 朋友圈')
})
