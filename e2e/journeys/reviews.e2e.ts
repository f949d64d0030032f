import assert from 'node:assert/strict'
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
import { type Journey, openJourney } from '../support/journey'
import { makePhoto } from '../support/photo'

/**
 * Two-way double-blind reviews after a 同城面交 trade: the buyer rates the seller (stars, tags,
 * text, a photo) and sees it marked 仅你可见; the seller learns only that it is in, rates the
 * buyer, and both reviews are published at once, on the order page of both phones and on the
 * seller's storefront.
 */
let j: Journey
let buyer: Page
let seller: Page
let orderId = ''
let sellerId = ''
const BUYER_TEXT = '和描述一致，面交很准时，卖家人很好'
const SELLER_TEXT = '买家爽快守时，推荐'

before(async () => {
  j = await openJourney({ wechatPay: true })
  buyer = j.page
})

after(() => j?.close())

/**
 * Waits until the order page's 评价 block shows `attr="value"` (it loads after the order), on the
 * page as it is, then on the order page loaded afresh.
 */
const reviewsShow = async (page: Page, attr: string, value: string) => {
  const block = on(page)(`#order-reviews[${attr}="${value}"]`)
  for (let i = 0; i < 10; i++) {
    if (
      await block.waitFor({ timeout: 3000 }).then(
        () => true,
        () => false,
      )
    )
      return block
    await openOrder(page, orderId)
  }
  throw new Error(`the order's reviews never showed ${attr}=${value}`)
}

/**
 * Submits the open review form and comes back to the order page loaded afresh: the form goes
 * back by itself once 评价已提交 shows, and a fresh load leaves no page of the H5 router's stack
 * (which shades the page under a new one a moment after opening it) in the way of a screenshot.
 */
const submitForm = async (page: Page) => {
  await on(page)('#review-submit').click()
  await page.waitForURL(/package-order\/detail/)
  await page.reload()
  await on(page)(`#order-detail[data-id="${orderId}"]`).waitFor()
}

test('a 同城面交 trade completes: the buyer pays, the seller enters the code', async () => {
  const listing = await findListing(j, 'o-demo-01', (l) => !!l.trade?.meetup)
  sellerId = listing.sellerId
  await signIn(buyer, 'o-demo-01')
  ;({ orderId } = await buyAndPay(buyer, listing._id, 'meetup'))
  const code = (await on(buyer)('#handover-code').innerText()).replace(/\D/g, '')
  seller = await secondPhone(j, await openidOf(j, listing.sellerId))
  await openOrder(seller, orderId)
  await tapAction(seller, 'handOver')
  await fillSheet(seller, { code })
  await waitForState(seller, orderId, 'completed')
  await waitForState(buyer, orderId, 'completed')
})

test('the buyer rates the seller: stars, tags, text and a photo; the review stays 仅你可见', async () => {
  const due = await reviewsShow(buyer, 'data-mine', 'due')
  assert.match(await due.innerText(), /给卖家评价吧/)
  await shot(buyer, 'reviews-01-due')
  await on(buyer)('#order-review-submit').click()
  await on(buyer)('#review-form[data-mode="submit"]').waitFor()
  await on(buyer)('#review-tag-描述相符').click()
  await on(buyer)('#review-tag-沟通愉快').click()
  await on(buyer)('#review-form textarea').fill(BUYER_TEXT)
  const chooser = buyer.waitForEvent('filechooser')
  await on(buyer)('#review-form #photo-add').click()
  await (await chooser).setFiles({ name: 'camera.png', mimeType: 'image/png', buffer: makePhoto() })
  await on(buyer)('#review-form .photo-tile.is-done').waitFor()
  await on(buyer)('#review-stars').scrollIntoViewIfNeeded()
  await shot(buyer, 'reviews-02-form')
  await submitForm(buyer)
  const mine = await reviewsShow(buyer, 'data-mine', 'submitted')
  const text = await mine.innerText()
  assert.match(text, /仅你可见/)
  assert.ok(text.includes(BUYER_TEXT))
  await shot(buyer, 'reviews-03-buyer-blind')
})

test('the seller sees only that the buyer’s review is in, and rates the buyer', async () => {
  const block = await reviewsShow(seller, 'data-theirs', 'submitted')
  const text = await block.innerText()
  assert.match(text, /买家已评价，你评价后或评价期结束时即可查看/)
  assert.ok(!text.includes(BUYER_TEXT), 'the buyer’s words stay hidden until the seller rates')
  assert.ok(!(await seller.content()).includes(BUYER_TEXT))
  await shot(seller, 'reviews-04-seller-blind')
  await on(seller)('#order-review-submit').click()
  await on(seller)('#review-form[data-mode="submit"]').waitFor()
  // A seller rates a buyer with the buyers' tags.
  assert.equal(await seller.locator('#review-tag-发货快').count(), 0)
  await on(seller)('#review-tag-付款爽快').click()
  await on(seller)('#review-tag-守时').click()
  await on(seller)('#review-form textarea').fill(SELLER_TEXT)
  await submitForm(seller)
  const revealed = await reviewsShow(seller, 'data-state', 'revealed')
  const both = await revealed.innerText()
  assert.ok(both.includes(BUYER_TEXT) && both.includes(SELLER_TEXT))
  await on(seller)('#order-review-reply').waitFor()
  await shot(seller, 'reviews-05-seller-published')
})

test('the buyer sees both published, and the storefront shows the buyer’s review', async () => {
  const revealed = await reviewsShow(buyer, 'data-theirs', 'published')
  const text = await revealed.innerText()
  assert.ok(text.includes(SELLER_TEXT) && !/仅你可见/.test(text))
  await on(buyer)('#order-review-follow-up').waitFor()
  await shot(buyer, 'reviews-06-buyer-published')

  await buyer.goto(`/#/package-social/storefront/index?id=${sellerId}&tab=reviews`)
  await on(buyer)('#storefront-reviews .review-item').waitFor()
  assert.ok((await on(buyer)('#storefront-reviews').innerText()).includes(BUYER_TEXT))
  assert.match(await on(buyer)('#storefront-good-rate').innerText(), /100%/)
  await shot(buyer, 'reviews-07-storefront')
})
