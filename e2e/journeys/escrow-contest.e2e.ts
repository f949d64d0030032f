import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Page } from 'playwright-core'
import {
  buyAndPay,
  dropOffParcel,
  fillSheet,
  findListing,
  on,
  openidOf,
  openOrder,
  saveAddress,
  secondPhone,
  shot,
  signIn,
  tapAction,
  waitForState,
} from '../support/escrow'
import { type Journey, openJourney } from '../support/journey'

/**
 * A fake return contested: the buyer asks for 退货退款 and sends back a parcel (an empty box, say),
 * the seller says 退货有问题 with a note instead of letting the refund run, and an operator
 * (余杭小周, o-demo-08) reads both sides on 纠纷处理 and finds for the seller: the money is released.
 * Before that, the return's checks refuse the outbound parcel's own waybill.
 */
let j: Journey
let buyer: Page
let seller: Page
let operator: Page
let orderId = ''
const OUTBOUND = '78901234567891'
const RETURN_WAYBILL = 'YT4600000000002'

before(async () => {
  j = await openJourney({ wechatPay: true, kuaidi100: { timers: 'manual', startAt: Date.now() } })
  buyer = j.page
})

after(() => j?.close())

test('a shipped order; the buyer asks for 退货退款 and the seller agrees', async () => {
  const listing = await findListing(j, 'o-demo-04', (l) => !!l.trade?.shipping)
  await signIn(buyer, 'o-demo-04')
  await saveAddress(j, 'o-demo-04', '赵小买')
  ;({ orderId } = await buyAndPay(buyer, listing._id, 'shipping', undefined, '赵小买'))
  const sellerOpenid = await openidOf(j, listing.sellerId)
  seller = await secondPhone(j, sellerOpenid)
  await waitForState(seller, orderId, 'paid')
  await tapAction(seller, 'ship')
  await fillSheet(seller, { company: '中通快递', waybillNo: OUTBOUND })
  await waitForState(buyer, orderId, 'shipped')
  await tapAction(buyer, 'requestRefund')
  await fillSheet(buyer, { type: 'return', reason: '不想要了，七天无理由' })
  await saveAddress(j, sellerOpenid, '陈卖家')
  await waitForState(seller, orderId, 'refund_requested')
  await tapAction(seller, 'agreeReturn')
  await on(seller)('#return-address-sheet').waitFor()
  await seller.waitForFunction(() =>
    /陈/.test(document.querySelector('#return-address')?.textContent ?? ''),
  )
  await on(seller)('#return-address-submit').click()
  await waitForState(buyer, orderId, 'returning')
})

test('the outbound parcel cannot pass for the return; a real parcel back can', async () => {
  await tapAction(buyer, 'shipReturn')
  await fillSheet(buyer, { waybillNo: OUTBOUND })
  await buyer.getByText('这个运单号已经用过').first().waitFor()
  await shot(buyer, 'escrow-contest-01-waybill-reused')
  await on(buyer)('#order-action-sheet .sheet-waybillNo input').fill(RETURN_WAYBILL)
  await dropOffParcel(j, RETURN_WAYBILL, '上海', '上海')
  await on(buyer)('#order-action-submit').click()
  await on(buyer)('#order-return-shipment').waitFor()
  assert.match(await on(buyer)('#order-return-shipment').innerText(), new RegExp(RETURN_WAYBILL))
})

test('the seller finds an empty box and contests the return: the refund stops, the buyer is told', async () => {
  await openOrder(seller, orderId)
  await waitForState(seller, orderId, 'returning')
  await shot(seller, 'escrow-contest-02-seller-returning')
  await tapAction(seller, 'contestReturn')
  await fillSheet(
    seller,
    { reason: 'damaged', note: '拆开是空盒子，里面没有耳机，已拍照留证' },
    'escrow-contest-03-contest-sheet',
  )
  await waitForState(seller, orderId, 'disputed')
  await waitForState(buyer, orderId, 'disputed')
  assert.match(await on(buyer)('#order-contest').innerText(), /退货有问题[\s\S]*空盒子/)
  await shot(buyer, 'escrow-contest-04-buyer-disputed')
})

test('an operator reads both sides on 纠纷处理 and finds for the seller: the money is released', async () => {
  operator = await secondPhone(j, 'o-demo-08')
  await operator.goto('/#/pages/me/index')
  await on(operator)('#me-disputes').click()
  await on(operator)(`.order-card[data-id="${orderId}"]`).waitFor()
  await shot(operator, 'escrow-contest-05-disputes')
  await on(operator)(`.order-card[data-id="${orderId}"]`).click()
  await waitForState(operator, orderId, 'disputed')
  assert.match(await on(operator)('#order-contest').innerText(), /空盒子/)
  assert.match(await on(operator)('#order-return-shipment').innerText(), new RegExp(RETURN_WAYBILL))
  await shot(operator, 'escrow-contest-06-operator-order')
  await tapAction(operator, 'resolveRelease')
  await fillSheet(
    operator,
    { note: '卖家开箱照片显示为空盒，退货不成立，钱款结算给卖家' },
    'escrow-contest-07-decide',
  )
  // Released: received, then completed once profit sharing finishes at WeChat.
  await waitForState(seller, orderId, ['received', 'completed'])
  await shot(seller, 'escrow-contest-08-seller-released')
})
