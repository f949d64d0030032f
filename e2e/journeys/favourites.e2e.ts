import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { type Journey, openJourney, FEED_CARD } from '../support/journey'

/**
 * 想要: a signed-in buyer taps 想要 on a neighbour's listing, the count goes up (and stays up after
 * a reload), and the listing is waiting under 我的 → 我的收藏.
 */
let j: Journey
let page: Journey['page']
const ME = '小鹿爱搬家'
let title = ''
let countBefore = 0

before(async () => {
  j = await openJourney()
  ;({ page } = j)
})

after(() => j?.close())

const visible = (selector: string) => j.visible(selector)
const shot = (name: string) => j.shot(name)
const tab = (name: string) => j.tab(name)

test('signed out, 想要 asks to sign in first', async () => {
  await page.goto('/')
  await visible(FEED_CARD).waitFor()
  await visible(FEED_CARD).click()
  await visible('#listing-detail').waitFor()
  await visible('#detail-favorite').click()
  await visible('#demo-user-picker').waitFor()
})

test('sign in as a demo user', async () => {
  await visible('#demo-user-o-demo-01').click()
  await page.locator('#demo-user-picker').waitFor({ state: 'hidden' })
  // Sign-in comes back to the listing that asked for it. (推荐's first card may be this demo
  // user's own listing, whose page shows the owner's actions rather than 想要.)
  await visible('#listing-detail').waitFor()
  await page.waitForURL(/package-listing\/detail/)
  await page.goto('/')
  await tab('我的')
  await visible('#me-nickname').waitFor()
  assert.equal(await visible('#me-nickname').innerText(), ME)
})

test('想要 a neighbour’s listing: the button turns on and the count goes up', async () => {
  await tab('首页')
  await visible(FEED_CARD).waitFor()
  // Someone else's listing: the seller's own page shows seller actions instead of 想要.
  const card = page
    .locator(FEED_CARD)
    .filter({ hasNot: page.locator('.listing-card__nickname', { hasText: ME }) })
    .first()
  title = (await card.locator('.listing-card__title').innerText())
    .replace(/^(服务|包邮)/, '')
    .trim()
  await card.click()
  await visible('#listing-detail').waitFor()
  await visible('#detail-favorite').waitFor()
  countBefore = Number(await visible('#detail-favorite-count').innerText())
  assert.doesNotMatch(await visible('#detail-favorite').innerText(), /已想要/)
  await shot('favourites-01-detail-before')

  await visible('#detail-favorite').click()
  await page.waitForFunction((n) => {
    const els = Array.from(document.querySelectorAll('#detail-favorite-count')).filter(
      (e) => (e as HTMLElement).offsetParent,
    )
    return els.some((e) => Number(e.textContent) === n)
  }, countBefore + 1)
  assert.match(
    await visible('#detail-favorite').innerText(),
    new RegExp(`已想要 ${countBefore + 1}`),
  )
  await shot('favourites-02-detail-wanted')
})

test('the count is the server’s: it survives a reload', async () => {
  await page.reload()
  await visible('#listing-detail').waitFor()
  assert.equal(Number(await visible('#detail-favorite-count').innerText()), countBefore + 1)
  assert.match(await visible('#detail-favorite').innerText(), /已想要/)
})

test('the listing waits under 我的收藏', async () => {
  await page.goto('/')
  await tab('我的')
  await visible('#me-favorites').waitFor()
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('#me-count-favorites')).some((e) =>
      /[1-9]/.test(e.textContent ?? ''),
    ),
  )
  await shot('favourites-03-me')
  await visible('#me-favorites').click()
  // The list can re-render once its first page arrives (pull on show), so wait for the title itself
  // rather than reading whatever cards are on screen at the first instant.
  await page
    .locator('#favorites-list .listing-card__title', { hasText: title })
    .locator('visible=true')
    .first()
    .waitFor({ timeout: 10_000 })
  await shot('favourites-04-list')
})

test('想要 again un-wants it and the count goes back', async () => {
  await visible('#favorites-list .listing-card').click()
  await visible('#listing-detail').waitFor()
  await visible('#detail-favorite').click()
  await page.waitForFunction(
    (n) =>
      Array.from(document.querySelectorAll('#detail-favorite-count'))
        .filter((e) => (e as HTMLElement).offsetParent)
        .some((e) => Number(e.textContent) === n),
    countBefore,
  )
  assert.doesNotMatch(await visible('#detail-favorite').innerText(), /已想要/)
})
