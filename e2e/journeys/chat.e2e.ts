import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Page } from 'playwright-core'
import {
  confirmModal,
  findListing,
  on,
  openidOf,
  secondPhone,
  shot,
  signIn,
  waitForState,
  yuan,
} from '../support/escrow'
import { type Journey, openJourney } from '../support/journey'
import { makePhoto } from '../support/photo'
import { formatFen as fen } from '../../shared/domain/money'

/**
 * A chat before buying: 小鹿爱搬家 (o-demo-01) taps 聊一聊 on a neighbour's listing and asks
 * "还在吗？"; the seller finds it on 消息 with an unread badge and replies; the buyer's phone shows
 * the reply and 已读 under the question without reloading; when the seller asks to move to WeChat,
 * the buyer sees the platform's warning under that message. Then they trade a photo and bargain:
 * the buyer offers, the seller counters, the buyer accepts and pays the agreed price through the
 * WeChat Pay sandbox, and both phones show the payment in the chat.
 */
let j: Journey
let buyer: Page
let seller: Page
let listingId = ''
let listingTitle = ''
let sellerOpenid = ''
let listedFen = 0
let counterFen = 0
let conversationId = ''

before(async () => {
  j = await openJourney({ wechatPay: true })
  buyer = j.page
})

after(() => j?.close())

/** The visible bubble (or row) on that phone holding the text; filtered before picking the first. */
const bubble = (page: Page, selector: string, text: string) =>
  page.locator(selector).filter({ hasText: text }).locator('visible=true').first()

/** Types into the composer and sends; resolves once the stored bubble (with its seq) is shown. */
const say = async (page: Page, text: string) => {
  await on(page)('#chat-input input').fill(text)
  await on(page)('#chat-send').click()
  await bubble(page, '.msg.is-mine[data-seq]', text).waitFor()
}

test('the buyer opens a chat from the listing, with the listing pinned, and asks 还在吗？', async () => {
  // 同城面交 and at least ¥100, so the bargain has room and paying needs no address.
  const listing = await findListing(
    j,
    'o-demo-01',
    (l) => !!l.trade?.meetup && l.priceFen >= 10_000,
  )
  listingId = listing._id
  listingTitle = listing.title
  listedFen = listing.priceFen
  sellerOpenid = await openidOf(j, listing.sellerId)
  await signIn(buyer, 'o-demo-01')
  await buyer.goto(`/#/package-listing/detail/index?id=${listingId}`)
  await on(buyer)('#detail-chat').click()
  await on(buyer)('#chat[data-role="buyer"]').waitFor()
  conversationId = (await on(buyer)('#chat').getAttribute('data-id'))!
  assert.match(await on(buyer)('#chat-listing').innerText(), new RegExp(literal(listingTitle)))
  assert.match(await on(buyer)('#chat-listing-price').innerText(), /^¥[\d,]+(\.\d\d)?$/)
  await on(buyer)('#chat-buy').waitFor()
  await say(buyer, '还在吗？')
  await shot(buyer, 'chat-01-buyer-asks')
})

test('the seller sees it on 消息 with an unread badge, opens it and replies', async () => {
  seller = await secondPhone(j, sellerOpenid)
  await seller.goto('/#/pages/messages/index')
  const row = on(seller)(`#conversations .conversation[data-listing="${listingId}"]`)
  await row.waitFor()
  assert.equal(await row.locator('.conversation__badge').innerText(), '1')
  assert.match(await row.innerText(), /还在吗？/)
  await shot(seller, 'chat-02-seller-list')
  await row.click()
  await on(seller)('#chat[data-role="seller"]').waitFor()
  await bubble(seller, '.msg.is-theirs', '还在吗？').waitFor()
  await say(seller, '在的，九成新，可以小刀')
  await shot(seller, 'chat-03-seller-replies')
})

test('the buyer sees the reply arrive and 已读 under the question, without reloading', async () => {
  await bubble(buyer, '.msg.is-theirs', '在的，九成新，可以小刀').waitFor()
  const question = bubble(buyer, '.msg.is-mine', '还在吗？')
  await question.locator('.msg__read').waitFor()
  assert.equal(await question.locator('.msg__read').innerText(), '已读')
  await shot(buyer, 'chat-04-buyer-reply-read')
})

test('the seller asks to move to WeChat: the buyer sees the warning banner, the seller does not', async () => {
  await say(seller, '加我微信 wx_abc123')
  const lure = bubble(buyer, '.msg.is-theirs', '加我微信 wx_abc123')
  await lure.locator('.msg__warn').waitFor()
  assert.match(await lure.locator('.msg__warn').innerText(), /平台外交易不受担保保护/)
  const sent = bubble(seller, '.msg.is-mine', '加我微信 wx_abc123')
  assert.equal(await sent.locator('.msg__warn').count(), 0)
  await shot(buyer, 'chat-05-buyer-warning')
  await shot(seller, 'chat-06-seller-view')
})

test("the buyer sends a photo: it shows with its upload, then on the seller's phone", async () => {
  const chooser = buyer.waitForEvent('filechooser')
  await on(buyer)('#chat-image-pick').click()
  await (
    await chooser
  ).setFiles({ name: 'scratch.png', mimeType: 'image/png', buffer: makePhoto() })
  await on(buyer)('.msg.is-mine[data-seq] .chat-image[data-status="shown"]').waitFor()
  await on(seller)('.msg.is-theirs[data-seq] .chat-image[data-status="shown"]').waitFor()
  await shot(seller, 'chat-07-seller-sees-photo')
})

test('the seller shares another of their listings as a 宝贝 card; the buyer can open it', async () => {
  await on(seller)('#chat-card-pick').click()
  const other = seller
    .locator(`#listing-picker .listing-picker__row:not([data-listing="${listingId}"])`)
    .locator('visible=true')
    .first()
  await other.waitFor()
  const shared = (await other.getAttribute('data-listing'))!
  await other.click()
  await on(seller)(`.msg.is-mine[data-seq] .card-bubble[data-listing="${shared}"]`).waitFor()
  const card = on(buyer)(`.msg.is-theirs .card-bubble[data-listing="${shared}"]`)
  await card.waitFor()
  assert.match(await card.innerText(), /¥[\d,]+/)
  await shot(buyer, 'chat-07b-buyer-card')
})

test("a second buyer asks too: the seller sees the listing's chats grouped, and 2 人咨询 on it", async () => {
  const other = ['o-demo-02', 'o-demo-03'].find((o) => o !== sellerOpenid)!
  const third = await secondPhone(j, other)
  await third.goto(`/#/package-chat/conversation/index?listingId=${listingId}`)
  await on(third)('#chat[data-role="buyer"]').waitFor()
  await say(third, '能便宜点吗？')
  await seller.goto('/#/pages/messages/index')
  const group = on(seller)(`#conversations .listing-chats[data-listing="${listingId}"]`)
  await group.waitFor()
  assert.match(await group.innerText(), /2 人咨询/)
  await shot(seller, 'chat-07a-seller-grouped')
  await group.click()
  await on(seller)(`#listing-chats[data-listing="${listingId}"]`).waitFor()
  await seller.locator('#listing-chats-list .conversation').locator('visible=true').nth(1).waitFor()
  await seller.goto(`/#/package-listing/detail/index?id=${listingId}`)
  assert.match(await on(seller)('#detail-inquiries').innerText(), /2 人咨询/)
  await third.close()
  await seller.goto(`/#/package-chat/conversation/index?id=${encodeURIComponent(conversationId)}`)
  await on(seller)('#chat[data-role="seller"]').waitFor()
})

/** Types a price into the open price sheet and confirms it. */
const enterPrice = async (page: Page, priceFen: number) => {
  await on(page)('#price-sheet').waitFor()
  await on(page)('#price-input input').fill(String(priceFen / 100))
  await on(page)('#price-submit').click()
  await page.locator('#price-sheet').locator('visible=true').waitFor({ state: 'hidden' })
}

/** The live offer card on that phone, once it shows `text` (出价 ¥80, 还价 ¥90…). */
const liveOffer = async (page: Page, text: string) => {
  const card = page
    .locator('.offer-card.is-live')
    .filter({ hasText: text })
    .locator('visible=true')
    .first()
  await card.waitFor()
  return card
}

test('the buyer offers below the listed price; the seller gets the card with 接受 / 还价 / 拒绝', async () => {
  const offerFen = Math.floor((listedFen * 0.8) / 100) * 100
  counterFen = Math.floor((listedFen * 0.9) / 100) * 100
  await on(buyer)('#chat-offer').click()
  await shot(buyer, 'chat-08-buyer-price-sheet')
  await enterPrice(buyer, offerFen)
  const said = `出价 ${fen(offerFen)}`
  const mine = await liveOffer(buyer, said)
  assert.match(await mine.innerText(), /等待卖家回应/)
  assert.match(await on(buyer)('#chat-offer').innerText(), /议价中/)
  const theirs = await liveOffer(seller, said)
  assert.match(await theirs.innerText(), /等你回应/)
  for (const b of ['accept', 'counter', 'decline'])
    await theirs.locator(`.offer-card__${b}`).waitFor()
  await shot(seller, 'chat-09-seller-offer-card')
})

test('the seller counters; the buyer accepts the counter and may buy at it', async () => {
  await (await liveOffer(seller, '出价')).locator('.offer-card__counter').click()
  await enterPrice(seller, counterFen)
  const card = await liveOffer(buyer, `还价 ${fen(counterFen)}`)
  await shot(buyer, 'chat-10-buyer-counter')
  await card.locator('.offer-card__accept').click()
  await confirmModal(buyer, '确定')
  const accepted = await liveOffer(buyer, '接受了')
  await accepted.locator('.offer-card__buy').waitFor()
  assert.match(await on(buyer)('#chat-buy').innerText(), new RegExp(literal(fen(counterFen))))
  await liveOffer(seller, '接受了')
  await shot(buyer, 'chat-11-buyer-accepted')
  await shot(seller, 'chat-12-seller-accepted')
})

test('the buyer pays the agreed price, not the listed one, and both chats show the payment', async () => {
  await (await liveOffer(buyer, '接受了')).locator('.offer-card__buy').click()
  await on(buyer)('#order-confirm').waitFor()
  await on(buyer)('#confirm-offer').waitFor()
  await on(buyer)('#fulfilment-meetup').click()
  assert.equal(yuan(await on(buyer)('#confirm-total').innerText()), counterFen / 100)
  await shot(buyer, 'chat-13-buyer-confirm-agreed')
  await on(buyer)('#confirm-submit').click()
  await buyer.waitForURL(/\/sandbox\/wechat-pay\/cashier/)
  await buyer.locator('#pay').waitFor()
  assert.equal(yuan(await buyer.locator('#amount').innerText()), counterFen / 100)
  assert.notEqual(counterFen, listedFen)
  await buyer.locator('#pay').click()
  await buyer.waitForURL(/package-order\/detail/)
  const orderId = new URL(buyer.url().replace('#', '')).searchParams.get('id')!
  await waitForState(buyer, orderId, 'paid')
  await bubble(seller, '.chat__note', '买家已付款').waitFor()
  await shot(seller, 'chat-14-seller-paid')
  await buyer.goto(`/#/package-chat/conversation/index?id=${encodeURIComponent(conversationId)}`)
  await bubble(buyer, '.chat__note', '买家已付款').waitFor()
  await shot(buyer, 'chat-15-buyer-paid')
})

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
