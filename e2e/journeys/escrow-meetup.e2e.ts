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

/**
 * 同城面交 with escrow: the buyer pays first and gets a 6-digit 交易码 (and its QR code); at the
 * meeting the seller types it in (a wrong code is refused) and the money is released at once.
 */
let j: Journey
let buyer: Page
let seller: Page
let orderId = ''
let code = ''

before(async () => {
  j = await openJourney({ wechatPay: true })
  buyer = j.page
})

after(() => j?.close())

test('the buyer pays for a 同城面交 listing and sees the 交易码', async () => {
  const listing = await findListing(j, 'o-demo-01', (l) => !!l.trade?.meetup)
  await signIn(buyer, 'o-demo-01')
  ;({ orderId } = await buyAndPay(buyer, listing._id, 'meetup', 'escrow-meetup-01'))
  code = (await on(buyer)('#handover-code').innerText()).replace(/\D/g, '')
  assert.match(code, /^\d{6}$/)
  await on(buyer)('#handover-qr').waitFor()
  await buyer
    .locator('.taro__toast')
    .waitFor({ state: 'hidden' })
    .catch(() => undefined) // 支付成功 fades
  await shot(buyer, 'escrow-meetup-02-code')
  seller = await secondPhone(j, await openidOf(j, listing.sellerId))
})

test('a wrong code is refused and changes nothing', async () => {
  await openOrder(seller, orderId)
  assert.equal(await seller.locator('#handover-code').count(), 0, 'the seller never sees the code')
  await tapAction(seller, 'handOver')
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
  await fillSheet(seller, { code: wrong })
  await on(seller)('.action-sheet__error').waitFor()
  assert.match(await on(seller)('.action-sheet__error').innerText(), /交易码不正确/)
  await shot(seller, 'escrow-meetup-03-wrong-code')
})

test('the right code completes the trade and releases the money', async () => {
  await on(seller)('#order-action-sheet .sheet-code input').fill(code)
  await on(seller)('#order-action-submit').click()
  await waitForState(seller, orderId, 'completed')
  await shot(seller, 'escrow-meetup-04-completed')
  await waitForState(buyer, orderId, 'completed')
})
