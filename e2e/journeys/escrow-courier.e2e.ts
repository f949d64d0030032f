import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Page } from 'playwright-core'
import { buyAndPay, confirmModal, fillSheet, findListing, on, openidOf, secondPhone, shot, signIn, tapAction, waitForState, yuan } from '../support/escrow'
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
let total = 0
let payout = 0

before(async () => {
  j = await openJourney({ wechatPay: true })
  buyer = j.page
})

after(() => j?.close())

const walletAvailable = async (page: Page) => {
  await page.goto('/#/package-merchant/wallet/index')
  await on(page)('#wallet-available').waitFor()
  await page.waitForTimeout(500)
  return yuan(await on(page)('#wallet-available').innerText())
}
let availableBefore = 0


test('the buyer buys a listing that ships: 确认订单, the WeChat Pay cashier, back to a paid order', async () => {
  const listing = await findListing(j, 'o-demo-01', (l) => !!l.trade?.shipping)
  sellerOpenid = await openidOf(j, listing.sellerId)
  await signIn(buyer, 'o-demo-01')
  ;({ orderId, total } = await buyAndPay(buyer, listing._id, 'shipping', 'escrow-courier-01'))
  await shot(buyer, 'escrow-courier-02-paid')
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
  await fillSheet(seller, { company: '顺丰速运', waybillNo: 'SF1234567890123' }, 'escrow-courier-03-ship')
  await waitForState(seller, orderId, 'shipped')
})

test('the buyer confirms receipt; the money is released to the seller minus commission', async () => {
  await waitForState(buyer, orderId, 'shipped')
  await tapAction(buyer, 'confirm')
  await confirmModal(buyer, '确认收货')
  await waitForState(buyer, orderId, 'completed')
  await shot(buyer, 'escrow-courier-04-completed')
})

test("the seller's wallet shows the payout as available", async () => {
  const available = await walletAvailable(seller)
  assert.ok(payout > 0 && payout < total, `payout ${payout} is the total minus commission`)
  assert.equal(Math.round((available - availableBefore) * 100), Math.round(payout * 100))
  await shot(seller, 'escrow-courier-05-wallet')
})
