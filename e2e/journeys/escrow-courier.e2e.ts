import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Page } from 'playwright-core'
import {
  buyAndPay,
  saveAddress,
  confirmModal,
  fillSheet,
  findListing,
  on,
  openidOf,
  secondPhone,
  shot,
  signIn,
  tapAction,
  waitForState,
  walletAvailable,
  yuan,
} from '../support/escrow'
import { join } from 'node:path'
import { SCREENSHOT_DIR } from '../support/browser'
import { type Journey, openJourney } from '../support/journey'

/**
 * A courier purchase with escrow: 小鹿爱搬家 (o-demo-01) buys a neighbour's listing, pays at the
 * WeChat Pay sandbox's cashier, the seller ships with a waybill (the company recognised from the
 * number), kuaidi100's pushes move the parcel to 签收 with no one typing a status, the buyer
 * follows the timeline and confirms receipt, and the seller's wallet shows the money minus the
 * platform's commission.
 */
let j: Journey
let buyer: Page
let seller: Page
let orderId = ''
let sellerOpenid = ''
let total = 0
let payout = 0

before(async () => {
  // The parcel's days on the road pass when the journey says so: kuaidi100's clock is manual.
  j = await openJourney({
    wechatPay: true,
    wechatApi: true,
    kuaidi100: { timers: 'manual', startAt: Date.now() },
  })
  buyer = j.page
})

after(() => j?.close())

let availableBefore = 0

test('the buyer buys a listing that ships: 确认订单, the WeChat Pay cashier, back to a paid order', async () => {
  // A fixed fee: 包邮 listings show no freight reference (the buyer pays no postage).
  const listing = await findListing(j, 'o-demo-01', (l) => l.trade?.shipping?.payer === 'buyer')
  sellerOpenid = await openidOf(j, listing.sellerId)
  await signIn(buyer, 'o-demo-01')
  // The listing page says what a courier would charge to the buyer's city.
  await buyer.goto(`/#/package-listing/detail/index?id=${listing._id}`)
  await on(buyer)('#detail-freight').waitFor()
  assert.match(await on(buyer)('#detail-freight').innerText(), /快递运费参考 上海→上海：.+¥\d/)
  await saveAddress(j, 'o-demo-01', '李小四')
  ;({ orderId, total } = await buyAndPay(
    buyer,
    listing._id,
    'shipping',
    'escrow-courier-01',
    '李小四',
  ))
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
  await fillSheet(seller, { waybillNo: 'SF1234567890123' }, 'escrow-courier-03-ship')
  await waitForState(seller, orderId, 'shipped')
  assert.match(await on(seller)('#order-shipment').innerText(), /顺丰速运/)
})

test('kuaidi100 pushes the parcel to 签收: the buyer sees the timeline and the order is delivered', async () => {
  await j.cloud.kuaidi100!.clock.advance!(3 * 86_400_000)
  await waitForState(buyer, orderId, 'delivered')
  await on(buyer)('#order-tracking').waitFor()
  assert.equal(await on(buyer)('#order-tracking').getAttribute('data-state'), 'delivered')
  await on(buyer)('#order-tracking').scrollIntoViewIfNeeded()
  await shot(buyer, 'escrow-courier-04-tracking')
})

test('WeChat told the buyer: 发货 and 送达 subscribe messages in the dev 服务通知 inbox', async () => {
  const inbox = await buyer.context().newPage()
  await inbox.goto(`/sandbox/wechat-api/inbox?openid=o-demo-01`)
  await inbox.getByText('订单发货通知').first().waitFor()
  await inbox.getByText('订单送达通知').first().waitFor()
  await inbox.screenshot({ path: join(SCREENSHOT_DIR, 'escrow-courier-04b-wechat-inbox.png') })
  await inbox.close()
})

test('the buyer confirms receipt; the money is released to the seller minus commission', async () => {
  await tapAction(buyer, 'confirm')
  await confirmModal(buyer, '确认收货')
  await waitForState(buyer, orderId, 'completed')
  await shot(buyer, 'escrow-courier-05-completed')
})

test("the seller's wallet shows the payout as available", async () => {
  const available = await walletAvailable(seller)
  assert.ok(payout > 0 && payout < total, `payout ${payout} is the total minus commission`)
  assert.equal(Math.round((available - availableBefore) * 100), Math.round(payout * 100))
  await shot(seller, 'escrow-courier-06-wallet')
})
