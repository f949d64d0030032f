import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { screenshot } from '../support/browser'
import { type Journey, openJourney, FEED_CARD } from '../support/journey'
import { makePhoto } from '../support/photo'

/**
 * The first slice as a newcomer meets it: browse the city feed without signing in, pick a demo
 * user, publish a listing with a photo (now with trade options), find it at the top of the
 * same-city feed, open it.
 */
let j: Journey
let page: Journey['page']
const TITLE = `索尼 WH-1000XM4 降噪耳机 ${Date.now() % 10_000}`

before(async () => {
  // 徐汇区, Shanghai: the browser's geolocation stands in for WeChat's location picker.
  j = await openJourney({ geolocation: { latitude: 31.1885, longitude: 121.4365 } })
  ;({ page } = j)
})

after(() => j?.close())

const visible = (selector: string) => j.visible(selector)

test('browse the feed before signing in', async () => {
  await page.goto('/')
  await visible(FEED_CARD).waitFor()
  const cards = await page.locator(FEED_CARD).count()
  assert.ok(cards >= 10, `expected a page of seeded cards, saw ${cards}`)
  assert.match(await visible('#city-switch').innerText(), /上海/)
  await screenshot(page, '01-feed-before-sign-in')
})

test('pick a demo user', async () => {
  await page.getByText('我的', { exact: true }).last().click()
  await visible('#me-login').click()
  await visible('#demo-user-picker').waitFor()
  await screenshot(page, '02-demo-user-picker')
  await visible('#demo-user-o-demo-01').click()
  await page.locator('#demo-user-picker').waitFor({ state: 'hidden' })
  await page.getByText('我的', { exact: true }).last().click()
  await visible('#me-nickname').waitFor()
  assert.equal(await visible('#me-nickname').innerText(), '小鹿爱搬家')
  await screenshot(page, '03-me-signed-in')
})

test('publish a listing with a photo', async () => {
  await page.getByText('发布', { exact: true }).last().click()
  await visible('#publish-start').click()
  await visible('#publish-form').waitFor()

  const chooser = page.waitForEvent('filechooser')
  await visible('#photo-add').click()
  await (
    await chooser
  ).setFiles({ name: 'headphones.png', mimeType: 'image/png', buffer: makePhoto() })
  await visible('.photo-tile.is-done').waitFor()

  await visible('.field-title input').fill(TITLE)
  await visible('.field-description textarea').fill(
    '去年双十一购入，使用不多，降噪正常，配件齐全，可当面验货。',
  )
  await visible('.field-price input').fill('899')
  await visible('.field-originalPrice input').fill('2499')
  await visible('.category-digital').click()
  await visible('.condition-like_new').click()
  await visible('#trade-meetup').click()
  await visible('#trade-shipping').click()
  await visible('#shipping-free').click()
  // The quality score follows the form while it is filled.
  assert.ok(Number(await visible('#quality-score').innerText()) > 0)
  await visible('#location-locate').click()
  await page.waitForFunction(() =>
    document.querySelector('#location-text')?.textContent?.includes('徐汇区'),
  )
  await screenshot(page, '04-publish-form-filled')

  await visible('#publish-submit').click()
  await visible('#listing-detail').waitFor()
  assert.equal(await visible('#detail-title').innerText(), TITLE)
  await screenshot(page, '05-detail-after-publish')
})

test('see it at the top of the same-city feed and open it', async () => {
  await page.goto('/')
  // 最新 is the newest-first city feed (推荐 is personal and leaves out the user's own listings).
  await visible('#feed-tab-newest').click()
  // Wait for the feed to render its cards with text (not the first paint), then read the first one.
  await page.waitForFunction(
    (title) =>
      (
        document.querySelector(
          '#feed .listing-card:not(.listing-card--skeleton)',
        ) as HTMLElement | null
      )?.innerText.includes(title),
    TITLE,
  )
  const first = page.locator(FEED_CARD).first()
  assert.match(await first.innerText(), new RegExp(TITLE))
  assert.match(await first.innerText(), /¥899/)
  await screenshot(page, '06-feed-with-new-listing')

  await first.click()
  await visible('#listing-detail').waitFor()
  assert.equal(await visible('#detail-title').innerText(), TITLE)
  assert.match(await visible('#detail-photo-count').innerText(), /1\s*\/\s*1/)
  await screenshot(page, '07-detail-from-feed')
})
