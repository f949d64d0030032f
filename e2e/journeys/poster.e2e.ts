import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, test } from 'node:test'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { parseWxacodeContent } from '../../cloudfunctions/local/sandboxes/wechat-api'
import { Listings } from '../../cloudfunctions/src/modules/listing/domain/listing.record'
import { posterPixels } from '../../miniprogram/src/utils/poster/poster-layout'
import { signIn, userIdOf } from '../support/escrow'
import { type Journey, openJourney } from '../support/journey'

/**
 * 分享海报: a signed-in neighbour shares a listing (share.create, as the share sheet does), opens
 * its poster page, sees it drawn (cover, price, 小程序码), saves it (the H5 build downloads a PNG)
 * and the PNG's 小程序码, read with jsQR, opens the listing's page with the share token as its
 * scene. A forged token gets the app's error state.
 */
let j: Journey
let page: Journey['page']
const SHARER = 'o-demo-02'
let token = ''
let listingId = ''

const call = async (fn: string, action: string, input: unknown, bearer: string) => {
  const res = await fetch(`${j.cloud.url}/fn/${fn}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ action, input }),
  })
  const body = await res.json()
  assert.ok(body.ok, `${fn}.${action} failed: ${JSON.stringify(body.error)}`)
  return body.data
}

before(async () => {
  j = await openJourney({ wechatApi: true })
  ;({ page } = j)
  // A neighbour's listing on sale, with photos, to share.
  const me = await userIdOf(j, SHARER)
  const listings = await j.cloud.container.store.find(
    Listings,
    { city: '上海', status: 'active' },
    { limit: 100 },
  )
  const listing = listings.items.find((l) => l.sellerId !== me && l.photoFileIds.length > 0)
  assert.ok(listing, 'no listing with photos in the seed')
  listingId = listing._id
  const session = await (
    await fetch(`${j.cloud.url}/auth/session`, {
      method: 'POST',
      body: JSON.stringify({ openid: SHARER }),
      headers: { 'Content-Type': 'application/json' },
    })
  ).json()
  const share = await call(
    'share',
    'create',
    { kind: 'listing', targetId: listingId },
    session.token,
  )
  token = share.token
  assert.match(token, /^[0-9A-Za-z_-]{10}$/)
})

after(() => j?.close())

const visible = (selector: string) => j.visible(selector)

test('the poster page draws the shared listing’s poster', async () => {
  await signIn(page, SHARER)
  await page.goto(`/#/package-listing/poster/index?st=${token}`)
  await visible(`#poster-page[data-token="${token}"]`).waitFor()
  await visible('#poster-page[data-phase="ready"]').waitFor({ timeout: 20_000 })
  await j.shot('poster-01-drawn')

  // Drawn at the screen's pixel ratio, 5:8, never under 750 px wide.
  const size = await page.evaluate(() => {
    const canvases = Array.from(document.querySelectorAll<HTMLCanvasElement>('#poster-canvas'))
    const c = canvases.find((e) => e.offsetParent)!
    return { w: c.width, h: c.height, css: c.clientWidth, dpr: window.devicePixelRatio }
  })
  assert.deepEqual({ width: size.w, height: size.h }, posterPixels(size.css, size.dpr))
  assert.equal(size.h * 5, size.w * 8)
  assert.ok(size.w >= 750)
})

test('保存图片 downloads a PNG whose 小程序码 opens the listing with the token as its scene', async () => {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    visible('#poster-save').click(),
  ])
  assert.equal(download.suggestedFilename(), `linquan-poster-${token}.png`)
  await page.getByText('已保存', { exact: true }).first().waitFor()
  await j.shot('poster-02-saved')

  const png = PNG.sync.read(await readFile((await download.path())!))
  assert.equal(png.height * 5, png.width * 8, `a 5:8 poster, got ${png.width}×${png.height}`)
  assert.ok(png.width >= 750, `at least 750 px wide, got ${png.width}`)
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  assert.ok(found, 'the poster’s 小程序码 did not decode')
  const content = parseWxacodeContent(found.data)
  assert.ok(content, `not a sandbox 小程序码: ${found.data}`)
  assert.equal(content.scene, token)
  assert.equal(content.page, 'package-listing/detail/index')
  // Where the layout puts it: the bottom right, under the divider.
  assert.ok(found.location.topLeftCorner.x > png.width / 2)
  assert.ok(found.location.topLeftCorner.y > png.height * 0.7)

  // The sandbox drew that code for this token, once.
  const codes = (await (await fetch(`${j.cloud.url}/sandbox/wechat-api/control/wxacodes`)).json())
    .codes
  assert.equal(codes.filter((c: { scene: string }) => c.scene === token).length, 1)
})

test('a token that is not the caller’s share shows the error state, not a poster', async () => {
  await page.goto('/#/package-listing/poster/index?st=NotMine123')
  await visible('#poster-page[data-token="NotMine123"][data-phase="failed"]').waitFor()
  await visible('#poster-failed').getByText('这个分享不存在，或者不是你分享的').waitFor()
  assert.match((await visible('#poster-save').getAttribute('class')) ?? '', /nut-button-disabled/)
  await j.shot('poster-03-not-found')
})
