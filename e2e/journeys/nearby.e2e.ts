import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { openPhone, screenshot } from '../support/browser'
import { type Journey, openJourney, FEED_CARD } from '../support/journey'

/**
 * 附近 in 徐汇区: the browser shares its position only when the tab is opened, the cards come
 * nearest first with distances such as "800m" and "1.2km", and the order holds across pages.
 */
let j: Journey
let cloud: Journey['cloud']
let browser: Journey['browser']
let page: Journey['page']
// 徐汇区's centre, as the district list has it.
const XUHUI = { latitude: 31.1885, longitude: 121.4365 }

before(async () => {
  j = await openJourney({ geolocation: XUHUI })
  ;({ cloud, page, browser } = j)
})

after(() => j?.close())

const visible = (selector: string) => j.visible(selector)
const shot = (name: string) => j.shot(name)

/** "徐汇区 · 1.2km" → 1200, "<100m" → 50; exact metres come from data-distance. */
const parseDistance = (text: string): number => {
  const m = /(<)?([\d.]+)\s*(km|m)\b/.exec(text)
  assert.ok(m, `no distance in "${text}"`)
  const value = Number(m[2]) * (m[3] === 'km' ? 1000 : 1)
  return m[1] ? value / 2 : value
}

/** Cards in reading order (the waterfall fills its two columns alternately). */
const cardsInOrder = () =>
  page.evaluate(() => {
    const columns = Array.from(document.querySelectorAll('#feed .listing-waterfall__column'))
      .filter((c) => (c as HTMLElement).offsetParent !== null)
      .map((col) =>
        Array.from(col.querySelectorAll('.listing-card:not(.listing-card--skeleton)')).map(
          (card) => ({
            title: card.querySelector('.listing-card__title')?.textContent ?? '',
            place: card.querySelector('.listing-card__place')?.textContent ?? '',
            meters: Number(card.getAttribute('data-distance')),
          }),
        ),
      )
    const out: { title: string; place: string; meters: number }[] = []
    for (let i = 0; i < Math.max(0, ...columns.map((c) => c.length)); i++)
      for (const col of columns) if (col[i]) out.push(col[i])
    return out
  })

const assertAscending = (cards: { title: string; place: string; meters: number }[]) => {
  const shown = cards.map((c) => parseDistance(c.place))
  const exact = cards.map((c) => c.meters)
  for (let i = 1; i < cards.length; i++) {
    assert.ok(
      exact[i] >= exact[i - 1],
      `#${i} ${cards[i].title} (${exact[i]} m) comes after ${exact[i - 1]} m`,
    )
    assert.ok(
      shown[i] >= shown[i - 1],
      `shown distances out of order: ${cards[i - 1].place} then ${cards[i].place}`,
    )
  }
  // What is shown is the rounded exact figure: 100 m steps below 1 km, 0.1 km above.
  cards.forEach((c, i) =>
    assert.ok(Math.abs(shown[i] - exact[i]) <= 60, `${c.place} shown for ${exact[i]} m`),
  )
}

test('the feed does not ask for a position until 附近 is opened', async () => {
  await page.goto('/')
  await visible(FEED_CARD).waitFor()
  const asked = await page.evaluate(() => localStorage.getItem('linquan.viewer-point'))
  assert.equal(asked, null)
})

test('附近 lists cards nearest first with their distance', async () => {
  await visible('#feed-tab-nearby').click()
  await visible('#nearby-where').waitFor()
  assert.match(await visible('#nearby-where').innerText(), /徐汇区/)
  await visible(FEED_CARD).waitFor()
  const cards = await cardsInOrder()
  assert.ok(cards.length >= 10, `expected a page of nearby cards, saw ${cards.length}`)
  assertAscending(cards)
  assert.ok(cards[0].meters < 2000, `nearest card is ${cards[0].meters} m away`)
  assert.match(cards[0].place, /\d(m|km)$/)
  await shot('nearby-01-sorted-by-distance')
})

test('the order holds when the next page loads', async () => {
  const before = (await cardsInOrder()).length
  await page.mouse.wheel(0, 20_000)
  await page.waitForFunction(
    (n) => document.querySelectorAll('#feed .listing-card:not(.listing-card--skeleton)').length > n,
    before,
    { timeout: 10_000 },
  )
  const cards = await cardsInOrder()
  assertAscending(cards)
  assert.equal(
    new Set(cards.map((c) => c.title + c.meters)).size,
    cards.length,
    'a card appeared twice',
  )
  await shot('nearby-02-next-page')
})

test('a category chip narrows 附近 to that category', async () => {
  await page.mouse.wheel(0, -40_000)
  await visible('#home-category-digital').click()
  await page.waitForFunction(() => {
    const cards = Array.from(
      document.querySelectorAll('#feed .listing-card:not(.listing-card--skeleton)'),
    )
    return cards.length > 0
  })
  assertAscending(await cardsInOrder())
  await shot('nearby-03-category')
})

test('without permission, 附近 offers to choose a district instead', async () => {
  const denied = await openPhone(browser, cloud.url)
  const see = (selector: string) => denied.locator(selector).locator('visible=true').first()
  await denied.goto('/')
  await see('#feed-tab-nearby').click()
  await see('#nearby-refused').waitFor()
  await denied.waitForTimeout(400)
  await screenshot(denied, 'nearby-04-refused')
  // The picker opens on the city's first district (黄浦区); confirming measures from its centre.
  await see('#nearby-refused').getByText('选择区域').click()
  await see('.nut-picker-confirm-btn').click()
  await see('#nearby-where').waitFor()
  assert.match(await see('#nearby-where').innerText(), /黄浦区/)
  await see(FEED_CARD).waitFor()
  await denied.waitForTimeout(400)
  await screenshot(denied, 'nearby-05-district-chosen')
  await denied.context().close()
})
