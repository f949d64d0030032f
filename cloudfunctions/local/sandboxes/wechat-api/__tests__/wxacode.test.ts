import { parseWxacodeContent, SANDBOX_APPID } from '../index'
import { decodeQr, type Harness, startHarness } from './harness'

/** wxa/getwxacodeunlimit on the sandbox: WeChat's checks, then a QR code any decoder reads. */
// Drawing and decoding a PNG takes a few hundred ms on a busy two-core machine.
jest.setTimeout(30_000)
let h: Harness
beforeEach(async () => {
  h = await startHarness()
})
afterEach(() => h.close())

const PATH = '/wxa/getwxacodeunlimit'
const DETAIL = 'package-listing/detail/index'
const code = (body: Record<string, unknown>) => h.raw('POST', PATH, {}, body)
const errcodeOf = async (body: Record<string, unknown>) => {
  const res = await code(body)
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  return ((await res.json()) as { errcode: number }).errcode
}

test('a real PNG of the requested width whose content carries the page and the scene', async () => {
  const res = await code({ scene: 'k7Qx9-Lm_2', page: DETAIL, width: 360, env_version: 'develop' })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('image/png')
  const qr = decodeQr(new Uint8Array(await res.arrayBuffer()))
  expect(qr).toMatchObject({ width: 360, height: 360 })
  expect(parseWxacodeContent(qr.text!)).toEqual({
    appid: SANDBOX_APPID,
    page: DETAIL,
    scene: 'k7Qx9-Lm_2',
    envVersion: 'develop',
  })
  const drawn = (await h.control('GET', 'wxacodes')).body.codes
  expect(drawn[0]).toMatchObject({ scene: 'k7Qx9-Lm_2', page: DETAIL, width: 360 })
})

test('WeChat defaults: width 430, the home page, release; every scene character survives', async () => {
  const scene = "a=1&b!#$'()*+,/:;?@-._~Z"
  const res = await code({ scene })
  const qr = decodeQr(new Uint8Array(await res.arrayBuffer()))
  expect(qr.width).toBe(430)
  expect(parseWxacodeContent(qr.text!)).toMatchObject({
    scene,
    page: 'pages/index/index',
    envVersion: 'release',
  })
})

test('scene: empty or over 32 characters 40169, outside the alphabet 40129', async () => {
  expect(await errcodeOf({ page: DETAIL })).toBe(40169)
  expect(await errcodeOf({ scene: '', page: DETAIL })).toBe(40169)
  expect(await errcodeOf({ scene: 'x'.repeat(33), page: DETAIL })).toBe(40169)
  expect((await code({ scene: 'x'.repeat(32), page: DETAIL, width: 280 })).status).toBe(200)
  expect(await errcodeOf({ scene: '闲置', page: DETAIL })).toBe(40129)
  expect(await errcodeOf({ scene: 'a%20b', page: DETAIL })).toBe(40129)
  expect(await errcodeOf({ scene: 'a b', page: DETAIL })).toBe(40129)
})

test('page: a leading slash, a query or an unpublished page with check_path is 41030', async () => {
  expect(await errcodeOf({ scene: 's', page: `/${DETAIL}` })).toBe(41030)
  expect(await errcodeOf({ scene: 's', page: `${DETAIL}?id=1` })).toBe(41030)
  expect(await errcodeOf({ scene: 's', page: 'package-group/circle/index' })).toBe(41030)
  const unchecked = await code({
    scene: 's',
    page: 'package-group/circle/index',
    check_path: false,
    env_version: 'trial',
    width: 280,
  })
  expect(unchecked.headers.get('content-type')).toBe('image/png')
})

test('width outside 280-1280, a bad env_version or check_path: 40097', async () => {
  expect(await errcodeOf({ scene: 's', page: DETAIL, width: 279 })).toBe(40097)
  expect(await errcodeOf({ scene: 's', page: DETAIL, width: 1281 })).toBe(40097)
  expect(await errcodeOf({ scene: 's', page: DETAIL, width: 300.5 })).toBe(40097)
  expect(await errcodeOf({ scene: 's', page: DETAIL, width: '300' })).toBe(40097)
  expect(await errcodeOf({ scene: 's', page: DETAIL, env_version: 'prod' })).toBe(40097)
  expect(await errcodeOf({ scene: 's', page: DETAIL, check_path: 'no' })).toBe(40097)
  expect(
    decodeQr(new Uint8Array(await (await code({ scene: 's', width: 280 })).arrayBuffer())).width,
  ).toBe(280)
})

test('the fault counters cover it: system busy answers JSON -1 and draws nothing', async () => {
  h.sandbox.faults.set({ systemBusy: 1 })
  expect(await errcodeOf({ scene: 's', page: DETAIL })).toBe(-1)
  expect((await h.control('GET', 'wxacodes')).body.codes).toEqual([])
})
