/**
 * A page opened with query parameters (a card, a link, a 小程序码) asks the right function and
 * action for what the query names: the recorded wx.cloud.callFunction calls say what it sent.
 */
import { ListingContract } from '@shared/contracts/listing.contract'
import { OrderContract } from '@shared/contracts/order.contract'
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

/** The calls a page made, as name.action, leaving out the session and badge every page makes. */
const pageCalls = () =>
  app.cloud.calls
    .map((c) => `${c.name}.${c.action}`)
    .filter((c) => !['user.login', 'user.notices', 'chat.unreadTotal'].includes(c))

it('the detail page opened from a card path loads that listing and its order state', async () => {
  app.cloud.answer(ListingContract, 'get', listingDetail())
  const detail = await app.open(`/package-listing/detail/index?id=${IDS.listing}`)
  await detail.waitFor('立即购买')
  expect(app.cloud.callsTo(ListingContract, 'get')).toEqual([{ id: IDS.listing }])
  expect(app.cloud.callsTo(OrderContract, 'forListing')).toEqual([{ listingId: IDS.listing }])
  // Then, for a signed-in viewer, the share token for 转发 and the trust signals with the seller.
  await app.settled()
  expect(pageCalls().sort()).toEqual(
    ['listing.get', 'order.forListing', 'share.create', 'share.trust'].sort(),
  )
})

it('a malformed id never reaches the function: the client’s contract check answers 不见了', async () => {
  const detail = await app.open('package-listing/detail/index', { id: 'not-a-listing' })
  await detail.waitFor('这件闲置不见了')
  expect(app.cloud.callsTo(ListingContract, 'get')).toEqual([])
})

it('the storefront loads the seller the query names and their listings', async () => {
  app.cloud
    .answer(SocialContract, 'storefront', storefront())
    .answer(ListingContract, 'bySeller', { items: [listingCard()], nextCursor: null })
  const store = await app.open('package-social/storefront/index', { id: IDS.seller })
  await store.waitFor('九成新富士X100V相机')
  expect(app.cloud.callsTo(SocialContract, 'storefront')).toEqual([{ userId: IDS.seller }])
  expect(app.cloud.callsTo(ListingContract, 'bySeller')).toEqual([
    { sellerId: IDS.seller, limit: 20 },
  ])
  expect(app.wx.callsTo('setNavigationBarTitle')).toContainEqual({ title: '卖相机的老陈的主页' })
})

it('the community page loads the community and its feed in the community’s city', async () => {
  app.cloud
    .answer(SocialContract, 'community', community())
    .answer(SearchContract, 'query', { items: [listingCard()], nextCursor: null, fallback: null })
  const page = await app.open('package-social/community/index', { id: IDS.community })
  await page.waitFor('九成新富士X100V相机')
  expect(app.cloud.callsTo(SocialContract, 'community')).toEqual([{ communityId: IDS.community }])
  expect(app.cloud.callsTo(SearchContract, 'query')).toEqual([
    { city: '上海', communityId: IDS.community, sort: 'newest', limit: 20 },
  ])
})
