import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { Shares } from '../src/modules/share/domain/share.records'
import { publishListing } from './fixtures'
import { startTestCloud, type TestCloud } from './harness'
import { PEOPLE, shareWorld } from './share-harness'

/** The scene a 小程序码 PNG holds, read with a maintained decoder, and the image's size. */
const decode = (bytes: Uint8Array) => {
  const png = PNG.sync.read(Buffer.from(bytes))
  const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  return { width: png.width, height: png.height, scene: qr?.data ?? null }
}

// Drawing and decoding a 430 px QR code takes seconds under jest on a busy machine.
jest.setTimeout(60_000)

describe('posters: a 小程序码 of the share token, made once', () => {
  let cloud: TestCloud
  let w: Awaited<ReturnType<typeof shareWorld>>
  let listingId: string
  beforeEach(async () => {
    cloud = startTestCloud()
    w = await shareWorld(cloud)
    listingId = (await publishListing(cloud, PEOPLE.seller.openid, { priceFen: 45_600 })).id
  })
  afterEach(() => cloud.stop())

  it('answers cover, title, price, the seller and a QR code whose scene is the token, cached per token', async () => {
    const { token } = await w.must('alice', 'create', { kind: 'listing', targetId: listingId })
    const poster = await w.must('alice', 'poster', { token })
    expect(poster).toMatchObject({
      token,
      scene: token,
      page: 'package-listing/detail/index',
      title: '索尼 WH-1000XM4 降噪耳机',
      priceFen: 45_600,
      sellerNickname: '卖家老王',
      status: 'on_sale',
      coverUrl: expect.stringMatching(/^\/files\//),
      qrCodeUrl: expect.stringMatching(/^\/files\/share-qr\//),
    })
    expect(w.wx.qrCalls).toEqual([{ scene: token, page: 'package-listing/detail/index' }])
    const fileId = (await cloud.container.store.get(Shares, token))!.posterFileId!
    expect(decode((await cloud.container.files.read(fileId))!)).toEqual({
      width: 430,
      height: 430,
      scene: token,
    })
    // Asked again: the same file, no second call to WeChat.
    expect(await w.must('alice', 'poster', { token })).toEqual(poster)
    expect(w.wx.qrCalls).toHaveLength(1)
    // The scan resolves to the listing and counts as an open of this share.
    expect(
      await w.must('bob', 'scene', {
        scene: decode((await cloud.container.files.read(fileId))!).scene,
      }),
    ).toEqual({ kind: 'listing', targetId: listingId, token })
  })

  it("only the token's sharer gets its poster; a WeChat failure is POSTER_UNAVAILABLE and nothing is kept", async () => {
    const { token } = await w.must('alice', 'create', { kind: 'listing', targetId: listingId })
    expect(await w.call('bob', 'poster', { token })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.NOT_FOUND' },
    })
    expect(await w.call('alice', 'poster', { token: 'NOSUCHTOKN' })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.NOT_FOUND' },
    })
    w.wx.failNext('getUnlimitedQrCode')
    expect(await w.call('alice', 'poster', { token })).toMatchObject({
      ok: false,
      error: { code: 'SHARE.POSTER_UNAVAILABLE' },
    })
    expect((await cloud.container.store.get(Shares, token))!.posterFileId).toBeNull()
    expect((await w.call('alice', 'poster', { token })).ok).toBe(true)
    const store = await w.must('alice', 'create', { kind: 'storefront', targetId: w.ids.seller })
    expect(await w.call('alice', 'poster', { token: store.token })).toMatchObject({
      ok: false,
      error: { code: 'SHARE.TARGET_UNAVAILABLE' },
    })
  })
})

describe("the seller's share stats: how a listing travelled", () => {
  let cloud: TestCloud
  let w: Awaited<ReturnType<typeof shareWorld>>
  let listingId: string
  beforeEach(async () => {
    cloud = startTestCloud()
    w = await shareWorld(cloud)
    listingId = (await publishListing(cloud, PEOPLE.seller.openid)).id
  })
  afterEach(() => cloud.stop())

  it('per share: views, depth and the depth reached; sharers by nickname only, viewers never', async () => {
    const create = (who: Parameters<typeof w.must>[0], parentToken?: string) =>
      w.must(who, 'create', { kind: 'listing', targetId: listingId, parentToken })
    const open = (who: Parameters<typeof w.must>[0], token: string) =>
      w.must(who, 'open', { token, via: 'card' })
    const a = await create('alice')
    await open('bob', a.token)
    await open('dave', a.token)
    const b = await create('bob', a.token)
    await open('carol', b.token)
    await open('stranger', b.token)
    const own = await create('seller')
    await open('carol', own.token)

    const stats = await w.must('seller', 'stats', { listingId })
    expect(stats.totals).toEqual({ shares: 3, views: 5, orders: 0, maxDepth: 2 })
    expect(stats.shares).toEqual([
      expect.objectContaining({
        sharerNickname: '小王',
        isYou: false,
        depth: 1,
        reachedDepth: 2,
        views: 2,
      }),
      expect.objectContaining({
        sharerNickname: '小李',
        isYou: false,
        depth: 2,
        reachedDepth: 2,
        views: 2,
      }),
      expect.objectContaining({ sharerNickname: '卖家老王', isYou: true, depth: 1, views: 1 }),
    ])
    expect(stats.topSharers).toEqual([
      { nickname: '小王', shares: 1, views: 2, orders: 0 },
      { nickname: '小李', shares: 1, views: 2, orders: 0 },
    ])
    const json = JSON.stringify(stats)
    for (const who of ['alice', 'bob', 'carol', 'dave', 'stranger'] as const)
      expect(json).not.toContain(w.ids[who])
    for (const viewerOnly of ['小张', '小赵', '路人甲']) expect(json).not.toContain(viewerOnly)
    expect(json).not.toContain(a.token)
  })

  it("are the seller's alone", async () => {
    expect(await w.call('alice', 'stats', { listingId })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.FORBIDDEN' },
    })
  })
})
