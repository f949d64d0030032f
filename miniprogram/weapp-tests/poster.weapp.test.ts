/**
 * 分享海报 (package-listing/poster) as WeChat runs it: the page asks share.poster for its `st`,
 * draws on its Canvas 2D node (a recording fake stands in for WeChat's canvas: the layout itself
 * is tested in utils/poster), and 保存到相册 goes through canvasToTempFilePath and the album
 * permission. Plus what app.json and the page's json must say for it.
 */
import { ShareContract } from '@shared/contracts/share.contract'
import { signedInDefaults } from './harness/fixtures'
import { appJson, pageJson } from './harness/built-files'
import { type Weapp, bootWeapp } from './harness/weapp-app'

const ROUTE = 'package-listing/poster/index'
const TOKEN = 'k7Qx9Lm2Pa'
const QR_URL = 'https://tcb.example/share-qr/k7Qx9Lm2Pa.png'
const COVER_URL = 'https://tcb.example/listing-photos/cover.jpg'

const poster = (over: Record<string, unknown> = {}) => ({
  token: TOKEN,
  scene: TOKEN,
  page: 'package-listing/detail/index',
  qrCodeUrl: QR_URL,
  coverUrl: COVER_URL,
  title: '索尼WH-1000XM4降噪耳机',
  priceFen: 128_000,
  sellerNickname: '楼下的小王',
  status: 'on_sale' as const,
  ...over,
})

type Wx = Record<string, unknown>
type Cb = { success?: (r: unknown) => void; fail?: (e: unknown) => void }

/** WeChat's Canvas 2D node for #poster-canvas: a context that records, images that load. */
const installCanvas = (wx: Wx) => {
  const drawn: { op: string; args: unknown[] }[] = []
  const ctx = new Proxy({} as Record<string | symbol, unknown>, {
    get: (target, key) =>
      key in target
        ? target[key]
        : key === 'measureText'
          ? (t: string) => ({ width: t.length * 20 })
          : (...args: unknown[]) => void drawn.push({ op: String(key), args }),
    set: (target, key, value) => ((target[key] = value), true),
  })
  const canvas = {
    width: 300,
    height: 150,
    getContext: () => ctx,
    createImage: () => {
      const image = { width: 0, height: 0, onload: null as null | (() => void), src: '' }
      return new Proxy(image, {
        set(target, key, value) {
          ;(target as Record<string | symbol, unknown>)[key] = value
          if (key === 'src')
            setTimeout(
              () => (Object.assign(target, { width: 430, height: 430 }), target.onload?.()),
              0,
            )
          return true
        },
      })
    },
  }
  // Every other selector (NutUI measures its widgets) goes to the harness's own query.
  const original = wx.createSelectorQuery as () => { select(s: string): unknown }
  wx.createSelectorQuery = () => {
    const theirs = original()
    const query: Record<string, unknown> = {
      ...theirs,
      in: () => query,
      select: (s: string) => {
        if (s !== '#poster-canvas') return theirs.select(s)
        const node = {
          fields: () => node,
          exec: (cb: (res: unknown[]) => void) =>
            setTimeout(() => cb([{ node: canvas, width: 300, height: 480 }]), 0),
        }
        return node
      },
    }
    return query
  }
  return { canvas, drawn }
}

/** The album and the temp file: what the person answers is set per test; calls are recorded. */
const installAlbum = (wx: Wx) => {
  const album = { calls: [] as string[], setting: undefined as boolean | undefined, allow: true }
  const ok = (o: Cb, r: unknown = {}) => setTimeout(() => o.success?.(r), 0)
  wx.canvasToTempFilePath = (o: Cb & { canvas: unknown }) => {
    album.calls.push('canvasToTempFilePath')
    ok(o, { tempFilePath: 'wxfile://tmp/poster.png' })
  }
  wx.getSetting = (o: Cb) => {
    album.calls.push('getSetting')
    const authSetting =
      album.setting === undefined ? {} : { 'scope.writePhotosAlbum': album.setting }
    ok(o, { authSetting })
  }
  wx.authorize = (o: Cb & { scope: string }) => {
    album.calls.push(`authorize ${o.scope}`)
    album.setting = album.allow
    if (album.allow) ok(o)
    else setTimeout(() => o.fail?.({ errMsg: 'authorize:fail auth deny' }), 0)
  }
  wx.openSetting = (o: Cb) => {
    album.calls.push('openSetting')
    album.setting = true
    ok(o, { authSetting: { 'scope.writePhotosAlbum': true } })
  }
  wx.saveImageToPhotosAlbum = (o: Cb & { filePath: string }) => {
    album.calls.push(`save ${o.filePath}`)
    ok(o)
  }
  return album
}

let app: Weapp
let canvas: ReturnType<typeof installCanvas>
let album: ReturnType<typeof installAlbum>
beforeAll(async () => {
  app = await bootWeapp({ defaults: signedInDefaults() })
  canvas = installCanvas(app.wx.wx)
  album = installAlbum(app.wx.wx)
})
beforeEach(() => {
  app.reset()
  canvas.drawn.splice(0)
  album.calls.splice(0)
  album.setting = undefined
  album.allow = true
})
afterEach(() => expect(app.cloud.violations).toEqual([]))

/** Drawn to the end (the caption under the code is the last text) and the progress gone. */
const drawn = (page: Awaited<ReturnType<Weapp['open']>>) => () =>
  canvas.drawn.some((c) => c.op === 'fillText' && c.args[0] === '长按识别小程序码') &&
  !page.has('poster-progress')

const openReady = async () => {
  app.cloud.answer(ShareContract, 'poster', poster())
  const page = await app.open(ROUTE, { st: TOKEN })
  await page.waitFor(drawn(page))
  return page
}

it('asks share.poster for its token and draws the poster on the Canvas 2D node', async () => {
  await openReady()
  expect(app.cloud.callsTo(ShareContract, 'poster')).toEqual([{ token: TOKEN }])
  // 300 css px at the phone's pixel ratio 3 → 900 × 1440, the layout scaled to it.
  expect([canvas.canvas.width, canvas.canvas.height]).toEqual([900, 1440])
  expect(canvas.drawn.find((c) => c.op === 'scale')?.args).toEqual([1.2, 1.2])
  const texts = canvas.drawn.filter((c) => c.op === 'fillText').map((c) => c.args[0])
  expect(texts).toEqual(
    expect.arrayContaining(['在售', '¥', '1,280', '卖家 楼下的小王', '长按识别小程序码']),
  )
  const images = canvas.drawn
    .filter((c) => c.op === 'drawImage')
    .map((c) => (c.args[0] as { src: string }).src)
  expect(images.sort()).toEqual([COVER_URL, QR_URL].sort())
})

it('保存到相册: the canvas as a temp file, the album permission asked, then saved', async () => {
  const page = await openReady()
  await page.tap('poster-save')
  await page.waitFor(() => album.calls.includes('save wxfile://tmp/poster.png'))
  expect(album.calls).toEqual([
    'canvasToTempFilePath',
    'getSetting',
    'authorize scope.writePhotosAlbum',
    'save wxfile://tmp/poster.png',
  ])
  await page.waitFor(() =>
    app.wx.callsTo('showToast').some((t) => /已保存到相册/.test(String(t.title))),
  )
})

it('after an earlier refusal, a modal offers the settings and the poster is saved from there', async () => {
  const page = await openReady()
  album.setting = false
  app.wx.modalAnswer = { confirm: true, cancel: false }
  await page.tap('poster-save')
  await page.waitFor(() => album.calls.some((c) => c.startsWith('save')))
  expect(app.wx.callsTo('showModal')[0]).toMatchObject({
    title: '需要相册权限',
    confirmText: '去设置',
  })
  expect(album.calls).toEqual([
    'canvasToTempFilePath',
    'getSetting',
    'openSetting',
    'save wxfile://tmp/poster.png',
  ])
})

it('SHARE.POSTER_UNAVAILABLE: the app’s error state with the message and 重新生成, nothing saved', async () => {
  app.cloud.fail(ShareContract, 'poster', 'SHARE.POSTER_UNAVAILABLE')
  const page = await app.open(ROUTE, { st: TOKEN })
  await page.waitFor('小程序码生成失败，请稍后再试')
  expect(page.text()).toContain('重新生成')
  expect(page.has('poster-failed')).toBe(true)
  expect(canvas.drawn).toEqual([])
})

describe('what the build tells WeChat', () => {
  it('declares the page in the listing subpackage, with its title', () => {
    const listing = appJson().subPackages?.find((p) => p.root === 'package-listing')
    expect(listing?.pages).toContain('poster/index')
    expect(pageJson(ROUTE).navigationBarTitleText).toBe('分享海报')
  })

  it('routes the album’s privacy consent through the app (saveImageToPhotosAlbum needs it)', () => {
    const app = appJson()
    expect(app.__usePrivacyCheck__).toBe(true)
    // WeChat reads `permission` for location only; an album entry there would do nothing.
    expect(Object.keys(app.permission ?? {})).not.toContain('scope.writePhotosAlbum')
  })
})
