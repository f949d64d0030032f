import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Page } from 'playwright-core'
import { confirmModal, findListing, openidOf, secondPhone, signIn, tapAction, waitForState } from '../support/escrow'
import { screenshot } from '../support/browser'
import { type Journey, openJourney } from '../support/journey'

/**
 * A courier purchase with escrow: 小鹿爱搬家 (o-demo-01) buys a neighbour's listing, pays at the
 * WeChat Pay sandbox's cashier, the seller ships with a waybill, the buyer confirms receipt, and
 * the seller's wallet shows the money minus the platform's commission.
 */
let j: Journey
let buyer: Page
let seller: Page
let orderId = ''
let sellerOpenid = ''
let totalText = ''
let payout = 0

before(async () => {
  j = await openJourney({ wechatPay: true })
  buyer = j.page
})

after(() => j?.close())

/** ¥2,999 and ¥2999.00 alike, as a number of yuan. */
const yuan = (text: string) => Number(text.replace(/[^\d.]/g, ''))
const walletAvailable = async (page: Page) => {
  await page.goto('/#/package-merchant/wallet/index')
  await on(page)('#wallet-available').waitFor()
  await page.waitForTimeout(500)
  return yuan(await on(page)('#wallet-available').innerText())
}
let availableBefore = 0

const on = (page: Page) => (selector: string) => page.locator(selector).locator('visible=true').first()
const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(400)
  await screenshot(page, name)
}

test('the buyer opens a listing that ships and taps 立即购买', async () => {
  const listing = await findListing(j, 'o-demo-01', (l) => !!l.trade?.shipping)
  sellerOpenid = await openidOf(j, listing.sellerId)
  await signIn(buyer, 'o-demo-01')
  await buyer.goto(`/#/package-listing/detail/index?id=${listing._id}`)
  await on(buyer)('#detail-buy').click()
  await on(buyer)('#order-confirm').waitFor()
  await on(buyer)('#fulfilment-shipping').click()
  await on(buyer)('.address-name input').fill('李四')
  await on(buyer)('.address-phone input').fill('13800138000')
  await on(buyer)('.address-region input').fill('上海市徐汇区')
  await on(buyer)('.address-detail input').fill('漕溪北路 1 号 2 室')
  totalText = await on(buyer)('#confirm-total').innerText()
  await shot(buyer, 'escrow-courier-01-confirm')
})

test('提交订单 leads to the WeChat Pay cashier; 确认支付 comes back to a paid order', async () => {
  await on(buyer)('#confirm-submit').click()
  await buyer.waitForURL(/\/sandbox\/wechat-pay\/cashier/)
  await buyer.locator('#pay').waitFor()
  assert.equal(yuan(await buyer.locator('#amount').innerText()), yuan(totalText))
  await shot(buyer, 'escrow-courier-02-cashier')
  await buyer.locator('#pay').click()
  await buyer.waitForURL(/package-order\/detail/)
  orderId = new URL(buyer.url().replace('#', '')).searchParams.get('id') ?? ''
  assert.ok(orderId, 'back on the order page')
  await waitForState(buyer, orderId, 'paid')
  await shot(buyer, 'escrow-courier-03-paid')
})

test('the seller sees 待发货 and ships with a waybill number', async () => {
  seller = await secondPhone(j, sellerOpenid)
  availableBefore = await walletAvailable(seller)
  await seller.goto('/#/pages/me/index')
  await on(seller)('#me-orders-sold').click()
  await on(seller)(`.order-card[data-id="${orderId}"]`).click()
  await on(seller)(`#order-detail[data-id="${orderId}"]`).waitFor()
  await on(seller)('#order-payout').waitFor()
  payout = yuan(await on(seller)('#order-payout').innerText())
  await tapAction(seller, 'ship')
  await on(seller)('#order-action-sheet').waitFor()
  await on(seller)('#order-action-sheet .sheet-company input').fill('顺丰速运')
  await on(seller)('#order-action-sheet .sheet-waybillNo input').fill('SF1234567890123')
  await shot(seller, 'escrow-courier-04-ship')
  await on(seller)('#order-action-submit').click()
  await waitForState(seller, orderId, 'shipped')
})

test('the buyer confirms receipt; the money is released to the seller minus commission', async () => {
  await waitForState(buyer, orderId, 'shipped')
  await tapAction(buyer, 'confirm')
  await confirmModal(buyer, '确认收货')
  await waitForState(buyer, orderId, 'completed')
  await shot(buyer, 'escrow-courier-05-completed')
})

test("the seller's wallet shows the payout as available", async () => {
  const available = await walletAvailable(seller)
  assert.ok(payout > 0 && payout < yuan(totalText), `payout ${payout} is the total minus commission`)
  assert.equal(Math.round((available - availableBefore) * 100), Math.round(payout * 100))
  await shot(seller, 'escrow-courier-06-wallet')
})
