import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { type Journey, openJourney, FEED_CARD } from '../support/journey'
import { makePhoto } from '../support/photo'

/**
 * 推荐 is personal: a guest sees what is popular nearby; 杨浦读书人 (a demo user whose seeded 想要
 * are mostly not cameras) signs in, opens four cameras and marks three of them 想要, and the top of
 * their 推荐 turns to cameras. Screenshots before and after. Besides the seed, two neighbours have
 * just put up two cameras each (the same as cloudfunctions/test/recommend.int.test.ts does).
 */
let j: Journey
let page: Journey['page']
const ME = { openid: 'o-demo-04', nickname: '杨浦读书人' }
/** Active cameras (相机摄影) in 上海 from other sellers, as the search index lists them. */
let cameras: string[] = []

const NEIGHBOURS_CAMERAS = [
  ['o-demo-01', '索尼 A7M3 全画幅微单 单机身', 680_000],
  ['o-demo-03', '尼康 Z5 微单 24-50 套机', 520_000],
  ['o-demo-01', '佳能 EOS R6 相机 机身', 899_900],
  ['o-demo-03', '理光 GR3 相机 街拍', 430_000],
] as const

/** Publishes a camera the way the app does: a demo session, a photo upload, listing.create. */
const publishCamera = async (openid: string, title: string, priceFen: number) => {
  const url = j.cloud.url
  const session = await (
    await fetch(`${url}/auth/session`, {
      method: 'POST',
      body: JSON.stringify({ openid }),
      headers: { 'Content-Type': 'application/json' },
    })
  ).json()
  const auth = { Authorization: `Bearer ${session.token}` }
  const form = new FormData()
  form.append('dir', 'listing-photos')
  form.append(
    'file',
    new Blob([new Uint8Array(makePhoto(300))], { type: 'image/png' }),
    'photo.png',
  )
  const photo = await (
    await fetch(`${url}/files/upload`, { method: 'POST', body: form, headers: auth })
  ).json()
  assert.ok(photo.fileId, `upload failed: ${JSON.stringify(photo)}`)
  const res = await (
    await fetch(`${url}/fn/listing`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        action: 'create',
        input: {
          title,
          description: '自用相机，快门次数不多，功能完好，可当面验机。',
          priceFen,
          category: 'digital',
          subcategory: 'digital.camera',
          condition: 'like_new',
          trade: { shipping: { payer: 'seller' }, meetup: true, pickup: false },
          photoFileIds: [photo.fileId],
          location: { city: '上海', district: '徐汇区', latitude: 31.1885, longitude: 121.4365 },
        },
      }),
    })
  ).json()
  assert.ok(res.ok, `create failed: ${JSON.stringify(res.error)}`)
}

before(async () => {
  j = await openJourney()
  ;({ page } = j)
  for (const [openid, title, priceFen] of NEIGHBOURS_CAMERAS)
    await publishCamera(openid, title, priceFen)
  const res = await (
    await fetch(`${j.cloud.url}/fn/search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        action: 'query',
        input: { city: '上海', category: 'digital.camera', sort: 'newest', limit: 50 },
      }),
    })
  ).json()
  assert.ok(res.ok, JSON.stringify(res))
  cameras = (res.data.items as { id: string; seller: { nickname: string } }[])
    .filter((c) => c.seller.nickname !== ME.nickname)
    .map((c) => c.id)
  assert.ok(cameras.length >= 5, `the seed has ${cameras.length} cameras in 上海 from others`)
})

after(() => j?.close())

const visible = (selector: string) => j.visible(selector)
const shot = (name: string) => j.shot(name)

/** The feed's first `n` cards in rank order (the waterfall fills its two columns alternately). */
let camerasBefore = 0

const topOfFeed = async (n: number) => {
  await page.waitForFunction(
    (count) => document.querySelectorAll('#feed .listing-card[data-id]').length >= count,
    n,
  )
  return page.evaluate((count) => {
    const columns = Array.from(document.querySelectorAll('#feed .listing-waterfall__column')).map(
      (col) =>
        Array.from(col.querySelectorAll('.listing-card[data-id]')).map((c) =>
          c.getAttribute('data-id'),
        ),
    )
    const ranked: string[] = []
    for (let i = 0; ranked.length < count && i < 50; i++)
      for (const col of columns) if (col[i] && ranked.length < count) ranked.push(col[i]!)
    return ranked
  }, n)
}

/**
 * From the next page load on, counts in the page the first pages of 推荐 the app asks for (each
 * one ranks on the server); a request of the page before the load is not counted.
 */
const countRankings = () =>
  page.addInitScript(() => {
    const w = window as unknown as { __rankings: number }
    w.__rankings = 0
    const send = window.fetch.bind(window)
    window.fetch = (input, init) => {
      if (String(input).endsWith('/fn/recommend')) {
        const body = JSON.parse(String(init?.body ?? '{}')) as {
          action?: string
          input?: { cursor?: string }
        }
        if (body.action === 'feed' && !body.input?.cursor) w.__rankings++
      }
      return send(input, init)
    }
  })
const rankingsAsked = () =>
  page.evaluate(() => (window as unknown as { __rankings: number }).__rankings)

const noteSays = async (pattern: RegExp) => {
  await page.waitForFunction(
    (source) =>
      Array.from(document.querySelectorAll('#recommend-note')).some((e) =>
        new RegExp(source).test(e.textContent ?? ''),
      ),
    pattern.source,
  )
}

test('a guest’s 推荐 is what is popular nearby, and promises nothing “即将上线”', async () => {
  await page.goto('/')
  await visible(FEED_CARD).waitFor()
  await noteSays(/附近热门/)
  assert.doesNotMatch(await page.locator('body').innerText(), /即将上线/)
  await shot('recommend-01-guest')
})

test('signed in, 推荐 is ranked from the user’s own history; cameras are not on top yet', async () => {
  await page.goto('/#/pages/me/index')
  await visible('#me-login').click()
  await visible(`#demo-user-${ME.openid}`).click()
  await page.locator('#demo-user-picker').waitFor({ state: 'hidden' })
  await page.goto('/')
  await countRankings()
  await page.reload()
  await visible(FEED_CARD).waitFor()
  await noteSays(/根据你的浏览/)
  // The visit starts before the silent sign-in answers; it still ranks once, for the user.
  await page.waitForLoadState('networkidle')
  const asked = await rankingsAsked()
  assert.equal(asked, 1, `a fresh signed-in visit asked for ${asked} rankings`)
  const top = await topOfFeed(4)
  assert.equal(top.length, 4)
  assert.ok(
    !top.every((id) => cameras.includes(id)),
    `before: the top 4 are already cameras (${top.join()})`,
  )
  camerasBefore = (await topOfFeed(6)).filter((id) => cameras.includes(id)).length
  await shot('recommend-02-before')
})

test('opens four cameras and marks three 想要', async () => {
  for (const [i, id] of cameras.slice(0, 4).entries()) {
    await page.goto(`/#/package-listing/detail/index?id=${id}`)
    await page.reload()
    await visible(`#listing-detail[data-id="${id}"]`).waitFor()
    await visible('#detail-favorite').waitFor()
    if (i < 3) {
      await visible('#detail-favorite').click()
      await page.waitForFunction(() =>
        Array.from(document.querySelectorAll('#detail-favorite'))
          .filter((e) => (e as HTMLElement).offsetParent)
          .some((e) => /已想要/.test(e.textContent ?? '')),
      )
    }
    if (i === 0) await shot('recommend-03-camera-wanted')
  }
})

test('back on 首页, the top of 推荐 is cameras', async () => {
  await page.goto('/')
  await page.reload()
  await visible(FEED_CARD).waitFor()
  await noteSays(/根据你的浏览/)
  // The ranking also weighs freshness and popularity, which move with the clock, and the four
  // cameras just opened lose theirs (three sit in 想要 already), so other 数码 near the person's
  // price band compete: the check is what a person sees, most of the first four are cameras and
  // the first six hold more cameras than before, at least half of them.
  const top = await topOfFeed(6)
  const firstFour = top.slice(0, 4).filter((id) => cameras.includes(id)).length
  const after = top.filter((id) => cameras.includes(id)).length
  assert.ok(
    firstFour >= 2 && after >= 3 && after > camerasBefore,
    `after: ${firstFour} in the top 4, ${after} of ${top.join()}, before ${camerasBefore}`,
  )
  await shot('recommend-04-after')
})
