import assert from 'node:assert/strict'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import type { Page } from 'playwright-core'
import {
  buyAndPay,
  fillSheet,
  findListing,
  on,
  openOrder,
  openidOf,
  secondPhone,
  shot,
  signIn,
  tapAction,
  waitForState,
} from '../support/escrow'
import { SCREENSHOT_DIR } from '../support/browser'
import { type Journey, openJourney } from '../support/journey'

/**
 * 分享 through a neighbourhood group: the seller copies the listing's link (the H5 build's 分享:
 * the link carries the share token, and the WeChat API sandbox hears that the updatable card was
 * sent), opens it "from" 阳光花园业主群 with the dev control 从群聊打开 (as a sharer tapping their
 * own card in the group), names the group and posts the listing to its 群闲置. A neighbour opens
 * the same link from the same group: 来自群聊「阳光花园业主群」, the 群闲置 page, the trust signal
 * (同在 1 个群, who shared it). They buy it (同城面交); the card in the sandbox inbox goes 在售 →
 * 已预订 on payment → 已售出 once the seller enters the handover code, and 分享数据 counts the
 * view and the order.
 */
let j: Journey
let seller: Page
let buyer: Page
let sellerOpenid = ''
let listingId = ''
let link = ''
let token = ''
let orderId = ''
const BUYER = 'o-demo-01'
const GROUP = 'g-sunshine-garden'
const GROUP_LABEL = '阳光花园业主群'

before(async () => {
  j = await openJourney({ wechatPay: true, wechatApi: true })
  seller = j.page
  const listing = await findListing(j, BUYER, (l) => !!l.trade?.meetup && l.photoFileIds.length > 0)
  listingId = listing._id
  sellerOpenid = await openidOf(j, listing.sellerId)
})

after(() => j?.close())

const sandbox = async (path: string) =>
  (await fetch(`${j.cloud.url}/sandbox/wechat-api${path}`)).json()

/** The seller's updatable card for this listing, as the sandbox holds it. */
const sellerCard = async () => {
  const { cards } = (await sandbox(`/control/cards?openid=${sellerOpenid}`)) as {
    cards: { activity_id: string; label: string; parameters: Record<string, string> }[]
  }
  return cards.find((c) => c.label !== '未分享') ?? null
}

/**
 * Waits until the sandbox's card says `label`. The update goes through the outbox: an order
 * action drains its own jobs at once, a payment's wait for the 'orders' timer (every minute in
 * CloudBase), which the journey fires instead of waiting for the minute.
 */
const cardSays = async (label: string) => {
  for (let i = 0; i < 50; i++) {
    const card = await sellerCard()
    if (card?.label === label) return card
    await j.cloud.scheduler.runNow('cron', 'orders')
  }
  assert.fail(`the card never showed ${label}: ${JSON.stringify(await sellerCard())}`)
}

/** A copied link as the journey's browser opens it (same app, the cloud's own origin). */
const routeOf = (url: string) => `/${url.slice(url.indexOf('#'))}`

/** 从群聊打开 → a sandbox group: what tapping the card in that group chat does. */
const openFromGroup = async (page: Page) => {
  await on(page)('#group-enter-open').click()
  await on(page)(`#group-enter-${GROUP}`).click()
  await on(page)('#group-banner').waitFor()
}

test('the seller’s 分享 copies a link that carries the share token', async () => {
  await signIn(seller, sellerOpenid)
  await seller.goto(`/#/package-listing/detail/index?id=${listingId}`)
  await on(seller)(`#listing-detail[data-id="${listingId}"]`).waitFor()
  await seller.waitForFunction(
    () => !!document.querySelector('#listing-detail:not([data-share-token=""])'),
  )
  token = (await on(seller)('#listing-detail').getAttribute('data-share-token')) ?? ''
  assert.match(token, /^[0-9A-Z]{10}$/)
  await on(seller)('#detail-share').click()
  await seller.getByText('链接已复制，发给朋友或群聊吧').first().waitFor()
  // Taro's H5 clipboard keeps what it copied in storage too.
  link = await seller.evaluate(() => JSON.parse(localStorage.getItem('taro_clipboard')!).data)
  assert.match(link, new RegExp(`#/package-listing/detail/index\\?id=${listingId}&st=${token}$`))
  await shot(seller, 'share-01-link-copied')
  // Sending it is what shares the updatable card: 在售 (0 of 1 place taken).
  const card = await cardSays('在售')
  assert.deepEqual(card.parameters, { member_count: '0', room_limit: '1' })
})

test('the seller opens their card in the group, names the group and posts the listing to it', async () => {
  await seller.goto(routeOf(link))
  await on(seller)('#group-enter-control').waitFor()
  await shot(seller, 'share-02-group-enter-control')
  await openFromGroup(seller)
  await on(seller)('#group-banner').getByText('来自这个群聊').waitFor()
  await on(seller)('#group-banner').click()
  await on(seller)('#group-page').waitFor()
  await on(seller)('#group-name').getByText('未命名的群').waitFor()
  await on(seller)('#group-label-edit').click()
  await on(seller)('#group-label-sheet input').fill(GROUP_LABEL)
  await on(seller)('#group-label-save').click()
  await on(seller)('#group-name').getByText(GROUP_LABEL).waitFor()

  // 海报 · 群闲置 → 发到这个群.
  await seller.goto(`/#/package-listing/detail/index?id=${listingId}`)
  await on(seller)('#detail-share-more').click()
  await on(seller)('#share-sheet-groups').getByText(GROUP_LABEL).waitFor()
  await shot(seller, 'share-03-share-sheet')
  await on(seller)('#share-sheet-groups').getByText('发到这个群').click()
  await on(seller)('#share-sheet-groups').getByText('已发送').waitFor()
})

test('a neighbour opens the link from the same group: the banner, 群闲置 and the trust signal', async () => {
  buyer = await secondPhone(j, BUYER)
  await buyer.goto(routeOf(link))
  await on(buyer)(`#listing-detail[data-id="${listingId}"]`).waitFor()
  await openFromGroup(buyer)
  await on(buyer)('#group-banner').getByText(`来自群聊「${GROUP_LABEL}」`).waitFor()
  // Now both are known in the group: the seller card says so (never which group).
  await on(buyer)('#trust-signals').getByText('同在 1 个群').waitFor()
  assert.match(await on(buyer)('#trust-signals').innerText(), /分享给你/)
  await on(buyer)('#detail-seller').scrollIntoViewIfNeeded()
  await shot(buyer, 'share-04-trust-signals')

  await buyer.goto(routeOf(link))
  await openFromGroup(buyer)
  await on(buyer)('#group-banner').click()
  await on(buyer)('#group-page').waitFor()
  await on(buyer)('#group-name').getByText(GROUP_LABEL).waitFor()
  await on(buyer)(`#group-posted #listing-${listingId}`).waitFor()
  await shot(buyer, 'share-05-group-page')
})

test('the neighbour buys it: the card shows 已预订 once paid', async () => {
  ;({ orderId } = await buyAndPay(buyer, listingId, 'meetup'))
  await cardSays('已预订')
})

test('the seller enters the handover code: the card in the inbox shows 已售出', async () => {
  const code = (await on(buyer)('#handover-code').innerText()).replace(/\D/g, '')
  assert.match(code, /^\d{6}$/)
  await openOrder(seller, orderId)
  await tapAction(seller, 'handOver')
  await fillSheet(seller, { code })
  await waitForState(seller, orderId, 'completed')
  await cardSays('已售出')

  const inbox = await seller.context().newPage()
  await inbox.goto(`/sandbox/wechat-api/inbox?openid=${sellerOpenid}`)
  const card = inbox.locator('article.upd[data-label="已售出"]').first()
  await card.waitFor()
  assert.match(await card.innerText(), /在售[\s\S]*已预订[\s\S]*已售出/)
  await card.scrollIntoViewIfNeeded()
  await inbox.screenshot({ path: join(SCREENSHOT_DIR, 'share-06-inbox-sold.png') })
  await inbox.close()
})

test('分享数据: the seller sees the view and the order the share brought', async () => {
  await seller.goto(`/#/package-share/stats/index?listingId=${listingId}`)
  await on(seller)('#share-stats').waitFor()
  await on(seller)('#stats-views').getByText('1', { exact: true }).waitFor()
  await on(seller)('#stats-orders').getByText('1', { exact: true }).waitFor()
  // The neighbour's page held a token too (for their share menu); nobody opened it.
  await on(seller)('#stats-unopened').getByText('另有 1 次分享还没有人点开').waitFor()
  await shot(seller, 'share-07-stats')
})

test('我的群闲置, a group that is not yours, and 设置 turning trust signals off', async () => {
  await buyer.goto('/#/pages/me/index')
  await on(buyer)('#me-groups').click()
  await on(buyer)('#my-groups').getByText(GROUP_LABEL).waitFor()
  await shot(buyer, 'share-08-my-groups')

  // Any other key (a guess, someone else's group) is the same 没有找到这个群.
  await buyer.goto('/#/package-share/group/index?key=ZZZZZZZZZZZZZZZZ')
  await on(buyer)('#group-missing').getByText('没有找到这个群').waitFor()
  await shot(buyer, 'share-09-group-not-found')

  await buyer.goto('/#/pages/me/index')
  await on(buyer)('#me-settings').click()
  await on(buyer)('#settings-page').waitFor()
  await on(buyer)('#settings-trust:not(.nut-switch-disabled)').waitFor()
  await on(buyer)('#settings-trust').click()
  await buyer.getByText('已关闭，你不会出现在别人的信任标签里').first().waitFor()
  await buyer.evaluate(() => window.scrollTo(0, 0))
  await shot(buyer, 'share-10-settings')
  // Off: the neighbour sees no trust signals either (whoever hides is shown none).
  const trustAnswered = buyer.waitForResponse(
    (r) => r.url().endsWith('/fn/share') && (r.request().postData() ?? '').includes('"trust"'),
  )
  await buyer.goto(`/#/package-listing/detail/index?id=${listingId}`)
  await on(buyer)('#detail-seller').waitFor()
  await trustAnswered
  assert.equal(await buyer.locator('#trust-signals').locator('visible=true').count(), 0)
})
