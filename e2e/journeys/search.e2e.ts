import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { type Journey, openJourney, FEED_CARD } from '../support/journey'
import { makePhoto } from '../support/photo'

/**
 * A newcomer in 上海 types 耳机, sees suggestions, submits, gets same-city earphones (the seed's
 * AirPods too, filed under 数码 · 耳机音箱 without 耳机 in their titles), then narrows them with a
 * price range and sorts them by price. Then a fresh search: 苹 suggests 苹果手机 and 苹果耳机, 苹果
 * finds the iPhones, and a keyword with nothing behind it offers a shorter keyword and the
 * nearest category. Besides the seed, a neighbour has published a few earphones at known prices
 * (and one in 杭州, which must not show up).
 */
let j: Journey
let cloud: Journey['cloud']
let page: Journey['page']

const EARPHONES = [
  {
    title: '漫步者 蓝牙耳机 全新未拆封',
    priceFen: 12_900,
    city: '上海',
    district: '静安区',
    latitude: 31.2288,
    longitude: 121.4482,
  },
  {
    title: '小米 Buds 4 Pro 降噪耳机 九成新',
    priceFen: 39_900,
    city: '上海',
    district: '浦东新区',
    latitude: 31.2215,
    longitude: 121.5447,
  },
  {
    title: 'AirPods Pro 2 耳机 国行 在保',
    priceFen: 65_000,
    city: '上海',
    district: '徐汇区',
    latitude: 31.1885,
    longitude: 121.4365,
  },
  {
    title: 'Bose QC45 头戴耳机 杭州自提',
    priceFen: 59_900,
    city: '杭州',
    district: '西湖区',
    latitude: 30.2595,
    longitude: 120.1302,
  },
]

/** Publishes listings the way the app does: a demo session, a photo upload, listing.create. */
const publishAs = async (openid: string, items: typeof EARPHONES) => {
  const session = await (
    await fetch(`${cloud.url}/auth/session`, {
      method: 'POST',
      body: JSON.stringify({ openid }),
      headers: { 'Content-Type': 'application/json' },
    })
  ).json()
  const auth = { Authorization: `Bearer ${session.token}` }
  for (const item of items) {
    const form = new FormData()
    form.append('dir', 'listing-photos')
    form.append(
      'file',
      new Blob([new Uint8Array(makePhoto(300))], { type: 'image/png' }),
      'photo.png',
    )
    const photo = await (
      await fetch(`${cloud.url}/files/upload`, { method: 'POST', body: form, headers: auth })
    ).json()
    assert.ok(photo.fileId, `upload failed: ${JSON.stringify(photo)}`)
    const { title, priceFen, city, district, latitude, longitude } = item
    const res = await (
      await fetch(`${cloud.url}/fn/listing`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          action: 'create',
          input: {
            title,
            description: '音质正常，配件齐全，电池续航良好，可当面试听。',
            priceFen,
            category: 'digital',
            subcategory: 'digital.earphones',
            condition: 'like_new',
            trade: { shipping: { payer: 'seller' }, meetup: true, pickup: false },
            photoFileIds: [photo.fileId],
            location: { city, district, latitude, longitude },
          },
        }),
      })
    ).json()
    assert.ok(res.ok, `create failed: ${JSON.stringify(res.error)}`)
  }
}

before(async () => {
  j = await openJourney({ geolocation: { latitude: 31.1885, longitude: 121.4365 } })
  ;({ cloud, page } = j)
  await publishAs(
    'o-demo-02',
    EARPHONES.filter((e) => e.city === '上海'),
  )
  await publishAs(
    'o-demo-05',
    EARPHONES.filter((e) => e.city === '杭州'),
  )
})

after(() => j?.close())

const visible = (selector: string) => j.visible(selector)
const shot = (name: string) => j.shot(name)

/** Cards in reading order: the waterfall fills its two columns alternately. */
const cardsInOrder = (list: string) =>
  page.evaluate((sel) => {
    const columns = Array.from(document.querySelectorAll(`${sel} .listing-waterfall__column`)).map(
      (col) =>
        Array.from(col.querySelectorAll('.listing-card:not(.listing-card--skeleton)')).map(
          (card) => ({
            title: card.querySelector('.listing-card__title')?.textContent ?? '',
            price: card.querySelector('.price-tag__now')?.textContent ?? '',
          }),
        ),
    )
    const out: { title: string; price: string }[] = []
    for (let i = 0; i < Math.max(0, ...columns.map((c) => c.length)); i++)
      for (const col of columns) if (col[i]) out.push(col[i])
    return out
  }, list)

/** What a person typing 耳机 means: the word, or an earphone named by its model. */
const EARPHONE = /耳机|AirPods|Buds|WH-1000|QC45/
const APPLE = /iPhone|iPad|AirPods|MacBook|Apple Watch|苹果/

/** Titles the search function answers a keyword with in 上海 (first page, best match first). */
const serverTitles = async (keyword: string): Promise<string[]> => {
  const res = await (
    await fetch(`${cloud.url}/fn/search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'query', input: { city: '上海', keyword, limit: 50 } }),
    })
  ).json()
  assert.ok(res.ok, `search failed: ${JSON.stringify(res.error)}`)
  return res.data.items.map((c: { title: string }) => c.title)
}

/** ¥1,299.50 → 129950 */
const fen = (text: string) => {
  const m = /¥\s*([\d,]+)(?:\.(\d{1,2}))?/.exec(text)
  assert.ok(m, `no price in "${text}"`)
  return Number(m[1].replace(/,/g, '')) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}

/** Polls until the check passes (results reload asynchronously after each filter change). */
const eventually = async (check: () => Promise<void>, timeoutMs = 10_000) => {
  const until = Date.now() + timeoutMs
  for (;;) {
    try {
      return await check()
    } catch (e) {
      if (Date.now() > until) throw e
      await page.waitForTimeout(200)
    }
  }
}

test('open search from the home page of 上海', async () => {
  await page.goto('/')
  await visible(FEED_CARD).waitFor()
  assert.match(await visible('#city-switch').innerText(), /上海/)
  await visible('#home-search').click()
  await visible('#search-input').waitFor()
  await visible('#search-hot').waitFor()
  await shot('search-01-start')
})

test('typing 耳机 suggests completions', async () => {
  await visible('#search-input input').fill('耳机')
  await eventually(async () => {
    const n = await page.locator('.search-suggestion').locator('visible=true').count()
    assert.ok(n > 0, 'no suggestions yet')
  })
  const suggestions = await page
    .locator('.search-suggestion')
    .locator('visible=true')
    .allInnerTexts()
  assert.ok(
    suggestions.some((s) => s.includes('耳机')),
    `suggestions: ${suggestions.join(' | ')}`,
  )
  await shot('search-02-suggestions')
})

test('submitting shows relevant same-city results, the AirPods among them', async () => {
  await visible('#search-submit').click()
  await visible('#search-results .listing-card').waitFor()
  const cards = await cardsInOrder('#search-results')
  assert.ok(cards.length >= 4, `expected several earphones in 上海, saw ${cards.length}`)
  const relevant = cards.filter((c) => EARPHONE.test(c.title))
  assert.ok(EARPHONE.test(cards[0].title), `first result "${cards[0].title}" is no earphone`)
  assert.ok(
    relevant.length / cards.length >= 0.8,
    `only ${relevant.length}/${cards.length} results are earphones`,
  )
  // The seed's AirPods never say 耳机: every one the server has in 上海 is found by 耳机.
  const airpods = (await serverTitles('AirPods')).filter((t) => t.includes('AirPods'))
  assert.ok(airpods.length >= 1, 'the seed has no AirPods in 上海')
  const shown = cards.filter((c) => c.title.includes('AirPods'))
  assert.ok(
    shown.length >= Math.min(airpods.length, 20 - EARPHONES.length),
    `耳机 shows ${shown.length} of the ${airpods.length} AirPods in 上海`,
  )
  for (const e of EARPHONES.filter((x) => x.city === '上海'))
    assert.ok(
      cards.some((c) => c.title.includes(e.title)),
      `missing "${e.title}"`,
    )
  assert.ok(!cards.some((c) => c.title.includes('Bose QC45')), 'a 杭州 listing showed up in 上海')
  await shot('search-03-results')
})

test('a price range narrows the results and price order sorts them', async () => {
  await visible('#filter-price').click()
  await visible('#price-min input').fill('100')
  await visible('#price-max input').fill('1000')
  await shot('search-04-price-panel')
  await visible('#filter-apply').click()
  await eventually(async () => {
    assert.match(await visible('#filter-price').innerText(), /¥100-1000/)
    const cards = await cardsInOrder('#search-results')
    assert.ok(cards.length > 0, 'no results in the price range')
    for (const c of cards) {
      const p = fen(c.price)
      assert.ok(p >= 10_000 && p <= 100_000, `${c.title} at ${c.price} is outside ¥100–¥1,000`)
    }
  })

  await visible('#filter-sort').click()
  await visible('.sort-price_asc').click()
  await eventually(async () => {
    assert.match(await visible('#filter-sort').innerText(), /价格↑/)
    const prices = (await cardsInOrder('#search-results')).map((c) => fen(c.price))
    assert.ok(prices.length >= 3, `expected the three earphones in range, saw ${prices.length}`)
    assert.deepEqual(
      prices,
      [...prices].sort((a, b) => a - b),
      `not ascending: ${prices.join(', ')}`,
    )
    assert.equal(prices[0], 12_900)
    assert.ok(prices.every((p) => p >= 10_000 && p <= 100_000))
  })
  await shot('search-05-filtered-sorted')

  await visible('#filter-sort').click()
  await visible('.sort-price_desc').click()
  await eventually(async () => {
    const prices = (await cardsInOrder('#search-results')).map((c) => fen(c.price))
    assert.deepEqual(
      prices,
      [...prices].sort((a, b) => b - a),
      `not descending: ${prices.join(', ')}`,
    )
  })
})

test('a keyword with nothing behind it gets an honest empty state', async () => {
  await visible('#search-input input').fill('不存在的宝贝名字')
  await visible('#search-submit').click()
  await visible('#search-empty').waitFor()
  await shot('search-06-empty')
})

test('a fresh search: typing 苹 suggests brands and things that are on sale, 苹果手机 and 苹果耳机', async () => {
  await page.goto('/')
  await visible(FEED_CARD).waitFor()
  await visible('#home-search').click()
  await visible('#search-input').waitFor()
  await visible('#search-input input').fill('苹')
  await eventually(async () => {
    // Each row is the ⌕ icon and the words.
    const suggestions = (
      await page.locator('.search-suggestion').locator('visible=true').allInnerTexts()
    ).map((row) => row.split('\n').pop()!.trim())
    for (const s of ['苹果', '苹果手机', '苹果耳机'])
      assert.ok(suggestions.includes(s), `no ${s} in: ${suggestions.join(' | ')}`)
  })
  await shot('search-07-suggest-apple')
})

test('苹果 finds the iPhones, Apple products first', async () => {
  await page
    .locator('.search-suggestion')
    .locator('visible=true')
    .getByText('苹果', { exact: true })
    .click()
  await visible('#search-results .listing-card').waitFor()
  await eventually(async () => {
    const cards = await cardsInOrder('#search-results')
    assert.ok(
      cards.some((c) => c.title.includes('iPhone')),
      `no iPhone in: ${cards.map((c) => c.title).join(' | ')}`,
    )
    const apple = cards.filter((c) => APPLE.test(c.title))
    assert.ok(
      apple.length / cards.length >= 0.8,
      `only ${apple.length}/${cards.length} results are Apple products`,
    )
    assert.ok(APPLE.test(cards[0].title), `first result "${cards[0].title}" is not Apple's`)
  })
  await shot('search-08-apple-iphones')
})

test('a keyword that finds nothing offers a shorter keyword and the nearest category', async () => {
  await visible('#search-input input').fill('苹果耳机 粉色')
  await visible('#search-submit').click()
  await visible('#search-empty').waitFor()
  assert.equal(await visible('#search-fallback-keyword').innerText(), '搜「苹果耳机」')
  assert.equal(await visible('#search-fallback-category').innerText(), '逛逛「耳机音箱」分类')
  await shot('search-09-fallback')
  await visible('#search-fallback-category').click()
  await visible('#search-results .listing-card').waitFor()
  await eventually(async () => {
    assert.match(await visible('#filter-category').innerText(), /耳机音箱/)
    const cards = await cardsInOrder('#search-results')
    assert.ok(
      cards.some((c) => c.title.includes('AirPods')),
      'the category shows no AirPods',
    )
  })
  await shot('search-10-fallback-category')
})
