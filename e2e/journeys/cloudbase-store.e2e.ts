import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import type { Page } from 'playwright-core'
import { CloudbaseDocumentStore } from '../../cloudfunctions/src/adapters/store/cloudbase-document-store'
import { Listings } from '../../cloudfunctions/src/modules/listing/domain/listing.record'
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
  waitForState,
  tapAction,
} from '../support/escrow'
import { type Journey, openJourney, FEED_CARD } from '../support/journey'

/**
 * The app on `npm start -- --store cloudbase-sandbox`: every document lives in the CloudBase
 * database sandbox, reached through the production adapters over the SDK's signed HTTP protocol.
 * The feed, 附近 ($geoNear on the 2dsphere point), a keyword (the token array) and an escrow trade
 * (transactions, the payment notification, the ledger) work there as they do on SQLite.
 */
let j: Journey
let page: Page
// 徐汇区's centre, as the district list has it.
const XUHUI = { latitude: 31.1885, longitude: 121.4365 }

before(async () => {
  j = await openJourney({
    store: 'cloudbase-sandbox',
    wechatPay: true,
    geolocation: XUHUI,
    seed: { listings: 60 },
  })
  page = j.page
})

after(() => j?.close())

/** Exact metres of the cards shown, in reading order of the waterfall's two columns. */
const distances = () =>
  page.evaluate(() => {
    const columns = Array.from(document.querySelectorAll('#feed .listing-waterfall__column'))
      .filter((c) => (c as HTMLElement).offsetParent !== null)
      .map((col) =>
        Array.from(col.querySelectorAll('.listing-card:not(.listing-card--skeleton)')).map((c) =>
          Number(c.getAttribute('data-distance')),
        ),
      )
    const out: number[] = []
    for (let i = 0; i < Math.max(0, ...columns.map((c) => c.length)); i++)
      for (const col of columns) if (col[i] !== undefined) out.push(col[i])
    return out
  })

test('the documents are in the CloudBase sandbox, not in SQLite', async () => {
  assert.ok(j.cloud.container.store instanceof CloudbaseDocumentStore)
  assert.equal(existsSync(join(j.cloud.dataDir, 'linquan.db')), false, 'a SQLite file was made')
  assert.ok((await j.cloud.container.store.count(Listings, { status: 'active' })) > 0)
})

test('the feed and 附近 come from the sandbox, nearest first', async () => {
  await page.goto('/')
  await on(page)(FEED_CARD).waitFor()
  await on(page)('#feed-tab-nearby').click()
  await on(page)('#nearby-where').waitFor()
  await on(page)('#feed .listing-card[data-distance]').waitFor()
  const metres = await distances()
  assert.ok(metres.length >= 3, `expected nearby cards, saw ${metres.length}`)
  for (let i = 1; i < metres.length; i++)
    assert.ok(metres[i] >= metres[i - 1], `card ${i} at ${metres[i]} m after ${metres[i - 1]} m`)
  await shot(page, 'cloudbase-01-nearby')
})

test('a keyword finds a seeded listing through its token array', async () => {
  const listing = await findListing(j, 'o-demo-01', (l) => /^[\p{Script=Han}]{2}/u.test(l.title))
  // Two characters of its title: one 2-gram token, matched with $all.
  const keyword = listing.title.slice(0, 2)
  await page.goto('/')
  await on(page)('#home-search').click()
  await on(page)('#search-input input').fill(keyword)
  await on(page)('#search-submit').click()
  await on(page)('#search-results .listing-card').waitFor()
  const titles = await page
    .locator('#search-results .listing-card__title')
    .locator('visible=true')
    .allInnerTexts()
  assert.ok(
    titles.some((t) => t.includes(listing.title)),
    `${keyword}: "${listing.title}" not among ${titles.join(' | ')}`,
  )
  await shot(page, 'cloudbase-02-keyword')
})

test('an escrow trade pays, hands over with the 交易码 and completes', async () => {
  const listing = await findListing(j, 'o-demo-01', (l) => !!l.trade?.meetup)
  await signIn(page, 'o-demo-01')
  const { orderId } = await buyAndPay(page, listing._id, 'meetup', 'cloudbase-03')
  const code = (await on(page)('#handover-code').innerText()).replace(/\D/g, '')
  assert.match(code, /^\d{6}$/)
  const seller = await secondPhone(j, await openidOf(j, listing.sellerId))
  await openOrder(seller, orderId)
  await tapAction(seller, 'handOver')
  await fillSheet(seller, { code })
  await waitForState(seller, orderId, 'completed')
  await shot(seller, 'cloudbase-04-completed')
  await waitForState(page, orderId, 'completed')
})
