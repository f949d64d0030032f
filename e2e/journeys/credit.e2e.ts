import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { Listings } from '../../cloudfunctions/src/modules/listing/domain/listing.record'
import { on, secondPhone, shot, signIn, userIdOf } from '../support/escrow'
import { type Journey, openJourney } from '../support/journey'

/**
 * Credit as a buyer meets it and as its owner reads it: a seeded busy seller (阿杰的数码铺, whose
 * past sales and reviews the demo seed records as credit events) carries 信用优秀 on the listing
 * page, on the storefront and on its cards; the badge opens what strangers may see. The seller's
 * own 信用 page explains the score factor by factor, lists the events, and checks its 存证 on
 * the phone.
 */
let j: Journey
const SHOP = 'o-demo-02'
let shopId = ''
let listingId = ''

before(async () => {
  j = await openJourney()
  shopId = await userIdOf(j, SHOP)
  const page = await j.cloud.container.store.find(
    Listings,
    { sellerId: shopId, status: 'active' },
    { limit: 1 },
  )
  listingId = page.items[0]!._id
})

after(() => j?.close())

test('a buyer sees the seller’s 信用优秀 on the listing page and opens what strangers may see', async () => {
  await signIn(j.page, 'o-demo-04')
  await j.page.goto(`/#/package-listing/detail/index?id=${listingId}`)
  const badge = j.visible('#detail-credit-badge')
  await badge.waitFor()
  assert.equal(await badge.innerText(), '信用优秀')
  await j.visible('#detail-seller').scrollIntoViewIfNeeded()
  await j.shot('credit-01-listing-badge')

  await badge.click()
  const pub = j.visible('#credit-public[data-tier="great"]')
  await pub.waitFor()
  const text = await pub.innerText()
  assert.match(text, /信用优秀/)
  assert.match(text, /成交/)
  // Strangers see no score and no events.
  assert.equal(await j.page.locator('#credit-score').count(), 0)
  assert.equal(await j.page.locator('#credit-history').count(), 0)
  await j.shot('credit-02-public')
})

test('the storefront shows the badge, the tier with its public facts, and badges on its cards', async () => {
  await j.page.goto(`/#/package-social/storefront/index?id=${shopId}`)
  await j.visible('#storefront-credit-badge').waitFor()
  assert.match(await j.visible('#storefront-credit').innerText(), /信用优秀[\s\S]*信用详情/)
  await j.visible('#storefront-listings .listing-card .credit-badge').waitFor()
  await j.shot('credit-03-storefront')
})

test('the seller’s own 信用 page explains the score, lists the events and checks the 存证', async () => {
  const seller = await secondPhone(j, SHOP)
  await seller.goto('/#/pages/me/index')
  const row = on(seller)('#me-credit')
  await row.filter({ hasText: '信用优秀' }).waitFor()
  await row.click()
  const mine = on(seller)('#credit-mine[data-tier="great"]')
  await mine.waitFor()
  const score = Number(await on(seller)('#credit-score').innerText())
  assert.ok(score >= 700 && score < 800, `优秀 is 700–799, the page says ${score}`)
  const factors = await on(seller)('#credit-factors').innerText()
  for (const label of ['起始分', '卖出成交', '收到的评价'])
    assert.ok(factors.includes(label), label)
  assert.match(await on(seller)('#credit-improve').innerText(), /如何提升/)
  assert.match(await on(seller)('#credit-privileges').innerText(), /最多同时在售 150 件/)
  await on(seller)('#credit-history').scrollIntoViewIfNeeded()
  const history = await on(seller)('#credit-history').innerText()
  assert.match(history, /完成一笔卖出 · ¥/)
  assert.match(history, /收到 [45] 星评价/)
  await shot(seller, 'credit-04-mine')

  await on(seller)('#credit-evidence').filter({ hasText: '已存证' }).click()
  const verdict = on(seller)('#credit-evidence-verdict[data-ok="1"]')
  await verdict.waitFor()
  assert.match(await verdict.innerText(), /校验通过/)
  await shot(seller, 'credit-05-evidence')
})
