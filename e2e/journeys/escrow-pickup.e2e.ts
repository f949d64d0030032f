import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Page } from 'playwright-core'
import {
  buyAndPay,
  confirmModal,
  findListing,
  on,
  openidOf,
  saveAddress,
  secondPhone,
  shot,
  signIn,
  tapAction,
  waitForState,
  walletAvailable,
  yuan,
} from '../support/escrow'
import { bookableSlots, slotEndsAt } from '../../shared/domain/pickup'
import { type Journey, openJourney } from '../support/journey'

/**
 * 上门取件: the seller of a paid courier order books a courier to the door from the order page
 * (address from the book, company with its price, a two-hour window). The courier accepts and
 * collects; the order ships by itself with the courier's waybill, kuaidi100's pushes carry the
 * parcel to 签收, and the buyer follows the timeline and confirms receipt. No one types a status.
 */
let j: Journey
let buyer: Page
let seller: Page
let orderId = ''

let availableBefore = 0
let bookedAt = 0

const MINUTE = 60_000

const advanceCourier = (ms: number) => j.cloud.kuaidi100!.clock.advance!(ms)

before(async () => {
  // The courier's day passes when the journey says so: kuaidi100's clock is manual.
  j = await openJourney({
    wechatPay: true,
    wechatApi: true,
    kuaidi100: { timers: 'manual', startAt: Date.now() },
  })
  buyer = j.page
})

after(() => j?.close())

test('a paid courier order waits for the seller, who keeps a 寄件地址 in the address book', async () => {
  const listing = await findListing(j, 'o-demo-02', (l) => !!l.trade?.shipping)
  await signIn(buyer, 'o-demo-02')
  await saveAddress(j, 'o-demo-02', '李小四')
  ;({ orderId } = await buyAndPay(buyer, listing._id, 'shipping', undefined, '李小四'))
  const sellerOpenid = await openidOf(j, listing.sellerId)
  await saveAddress(j, sellerOpenid, '陈卖家')
  seller = await secondPhone(j, sellerOpenid)
  availableBefore = await walletAvailable(seller)
  await waitForState(seller, orderId, 'paid')
})

test('the seller books a courier: address, company with its price, a window', async () => {
  await tapAction(seller, 'bookPickup')
  await on(seller)('#pickup-sheet').waitFor()
  // The default address fills in, and the companies come with this route's prices.
  await seller.waitForFunction(() =>
    /陈/.test(document.querySelector('#pickup-address')?.textContent ?? ''),
  )
  await seller.locator('#pickup-company .order-chip__sub').locator('visible=true').first().waitFor()
  await on(seller)('#pickup-company-shunfeng').click()
  // The first window still bookable (the sheet offers exactly bookableSlots).
  bookedAt = j.cloud.kuaidi100!.clock.now()
  await seller.locator('#pickup-window .order-chip').locator('visible=true').first().click()
  await shot(seller, 'escrow-pickup-01-sheet')
  await on(seller)('#pickup-submit').click()
  await on(seller)('#order-pickup').waitFor()
  assert.equal(await on(seller)('#order-pickup').getAttribute('data-state'), 'placed')
  assert.match(await on(seller)('#order-pickup').innerText(), /顺丰速运[\s\S]*预计运费 ¥/)
  // Booked: the waybill entry steps aside and the booking can be called off.
  assert.equal(await seller.locator('#order-action-ship').locator('visible=true').count(), 0)
  await on(seller)('#order-action-cancelPickup').waitFor()
  await shot(seller, 'escrow-pickup-02-booked')
})

test('the courier accepts: both sides see who is coming', async () => {
  await advanceCourier(10 * MINUTE)
  await waitForState(buyer, orderId, 'paid')
  await on(buyer)('#order-pickup[data-state="accepted"]').waitFor()
  assert.match(await on(buyer)('#order-pickup').innerText(), /快递员 .+师傅/)
  await shot(buyer, 'escrow-pickup-03-buyer-sees-courier')
})

test('the courier collects within the window: the order ships by itself with the courier’s waybill', async () => {
  const window = bookableSlots(bookedAt)[0]!
  await advanceCourier(slotEndsAt(window, bookedAt) - j.cloud.kuaidi100!.clock.now())
  await waitForState(seller, orderId, 'shipped')
  assert.match(await on(seller)('#order-shipment').innerText(), /顺丰速运 · 运单号 SF\d+/)
  assert.equal(await on(seller)('#order-pickup').getAttribute('data-state'), 'picked-up')
})

test('kuaidi100 carries the parcel to 签收; the buyer follows the timeline and confirms', async () => {
  await advanceCourier(3 * 86_400_000)
  await waitForState(buyer, orderId, 'delivered')
  await on(buyer)('#order-tracking[data-state="delivered"]').waitFor()
  await on(buyer)('#order-tracking').scrollIntoViewIfNeeded()
  await shot(buyer, 'escrow-pickup-04-tracking')
  await tapAction(buyer, 'confirm')
  await confirmModal(buyer, '确认收货')
  await waitForState(buyer, orderId, 'completed')
  await shot(buyer, 'escrow-pickup-05-completed')
})

test("the money reaches the seller's wallet, minus the commission", async () => {
  await waitForState(seller, orderId, 'completed')
  const payout = yuan(await on(seller)('#order-payout').innerText())
  assert.equal(
    Math.round(((await walletAvailable(seller)) - availableBefore) * 100),
    Math.round(payout * 100),
  )
  await shot(seller, 'escrow-pickup-06-wallet')
})
