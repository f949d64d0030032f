import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Page } from 'playwright-core'
import { findListing, on, openidOf, secondPhone, shot, signIn } from '../support/escrow'
import { type Journey, openJourney } from '../support/journey'

/**
 * A chat before buying: 小鹿爱搬家 (o-demo-01) taps 聊一聊 on a neighbour's listing and asks
 * "还在吗？"; the seller finds it on 消息 with an unread badge and replies; the buyer's phone shows
 * the reply and 已读 under the question without reloading; when the seller asks to move to WeChat,
 * the buyer sees the platform's warning under that message.
 */
let j: Journey
let buyer: Page
let seller: Page
let listingId = ''
let listingTitle = ''
let sellerOpenid = ''

before(async () => {
  j = await openJourney()
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
  const listing = await findListing(j, 'o-demo-01', () => true)
  listingId = listing._id
  listingTitle = listing.title
  sellerOpenid = await openidOf(j, listing.sellerId)
  await signIn(buyer, 'o-demo-01')
  await buyer.goto(`/#/package-listing/detail/index?id=${listingId}`)
  await on(buyer)('#detail-chat').click()
  await on(buyer)('#chat[data-role="buyer"]').waitFor()
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

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
