import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Page } from 'playwright-core'
import {
  buyAndPay,
  confirmModal,
  dropOffParcel,
  saveAddress,
  fillSheet,
  findListing,
  on,
  openidOf,
  secondPhone,
  shot,
  signIn,
  tapAction,
  waitForState,
  yuan,
} from '../support/escrow'
import { type Journey, openJourney } from '../support/journey'

/**
 * 退货退款: after shipment the buyer asks for a return and refund, the seller agrees, the buyer
 * sends it back with a waybill, the seller confirms the return arrived, and WeChat Pay refunds
 * the buyer in full from the money it was still holding.
 */
let j: Journey
let buyer: Page
let seller: Page
let orderId = ''
let sellerId = ''
let total = 0
const RETURN_WAYBILL = 'YT4600000000001'

before(async () => {
  j = await openJourney({ wechatPay: true, kuaidi100: { timers: 'manual', startAt: Date.now() } })
  buyer = j.page
})

after(() => j?.close())

test('a paid courier order is shipped', async () => {
  const listing = await findListing(j, 'o-demo-01', (l) => !!l.trade?.shipping)
  await signIn(buyer, 'o-demo-01')
  await saveAddress(j, 'o-demo-01', '王小鹿')
  ;({ orderId, total } = await buyAndPay(
    buyer,
    listing._id,
    'shipping',
    'escrow-refund-00',
    '王小鹿',
  ))
  sellerId = listing.sellerId
  seller = await secondPhone(j, await openidOf(j, listing.sellerId))
  await waitForState(seller, orderId, 'paid')
  await tapAction(seller, 'ship')
  await fillSheet(seller, { company: '中通快递', waybillNo: '78901234567890' })
  await waitForState(seller, orderId, 'shipped')
})

test('the buyer asks for 退货退款', async () => {
  await waitForState(buyer, orderId, 'shipped')
  await tapAction(buyer, 'requestRefund')
  await fillSheet(
    buyer,
    { type: 'return', reason: '屏幕有划痕，与描述不符' },
    'escrow-refund-01-request',
  )
  await waitForState(buyer, orderId, 'refund_requested')
})

test('the seller agrees to the return; the buyer sends it back', async () => {
  await waitForState(seller, orderId, 'refund_requested')
  assert.equal(
    await seller.locator('#order-action-agreeRefund').locator('visible=true').count(),
    0,
    'only the agree button that fits 退货退款',
  )
  await shot(seller, 'escrow-refund-02-seller-sees-request')
  // Agreeing names where the item comes back: the seller's default address, changeable in the sheet.
  await saveAddress(j, await openidOf(j, sellerId), '陈卖家')
  await tapAction(seller, 'agreeReturn')
  await on(seller)('#return-address-sheet').waitFor()
  await seller.waitForFunction(() =>
    /陈/.test(document.querySelector('#return-address')?.textContent ?? ''),
  )
  await shot(seller, 'escrow-refund-02b-return-address')
  await on(seller)('#return-address-submit').click()
  await waitForState(buyer, orderId, 'returning')
  assert.match(await on(buyer)('#order-return-address').innerText(), /陈卖家/)
  // The buyer drops the parcel off at a 圆通 counter; kuaidi100 knows it, heading to 上海.
  await dropOffParcel(j, RETURN_WAYBILL, '上海', '上海')
  await tapAction(buyer, 'shipReturn')
  await fillSheet(buyer, { waybillNo: RETURN_WAYBILL })
  await on(buyer)('#order-return-shipment').waitFor()
  await shot(buyer, 'escrow-refund-03-returning')
})

test('the seller confirms the return arrived; the buyer is refunded in full', async () => {
  await waitForState(seller, orderId, 'returning')
  await tapAction(seller, 'receiveReturn')
  await confirmModal(seller, '确认收到')
  await waitForState(buyer, orderId, 'refunded')
  // The refund succeeds at WeChat a few (sandbox) seconds later and its notification settles it.
  const refunded = buyer
    .locator('#order-money .order-money__item')
    .filter({ hasText: '已退回买家' })
    .locator('visible=true')
  for (let i = 0; i < 20 && !(await refunded.count()); i++) {
    await buyer.waitForTimeout(300)
    await waitForState(buyer, orderId, 'refunded')
  }
  assert.equal(yuan(await refunded.first().innerText()), total)
  await shot(buyer, 'escrow-refund-04-refunded')
})
