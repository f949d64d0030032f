/**
 * @jest-environment node
 */
// Node, not jsdom: qrcode and pngjs need its TextEncoder and Buffer; the layout needs no DOM.
import jsQR from 'jsqr'
import { formatFen } from '@shared/domain/money'
import type { Box } from '../canvas-2d'
import {
  APP_NAME,
  POSTER,
  POSTER_BOXES,
  QR_CAPTION,
  SLOGAN,
  drawPoster,
  posterPixels,
} from '../poster-layout'
import { FakeContext, type PixelImage, inside, textBox } from './fake-context'
import { QR_TEXT, posterData, qrImage, sizedImage } from './poster-fixtures'

const QR = sizedImage(430, 430)
const COVER = sizedImage(1200, 900)

const draw = (over: Parameters<typeof posterData>[0] = {}, cover: typeof COVER | null = COVER) => {
  const ctx = new FakeContext()
  drawPoster(ctx, 750, posterData(over), { cover, qr: QR })
  return ctx
}

/** The texts drawn inside a box. */
const textsIn = (ctx: FakeContext, box: Box) =>
  ctx
    .texts()
    .filter((t) => inside(textBox(t), box))
    .map((t) => t.text)

describe('posterPixels: a fixed 5:8 poster, sharp on the screen it is shown on', () => {
  it.each([
    [300, 3, 900, 1440], // a 300 px frame on an iPhone (dpr 3)
    [375, 3, 1125, 1800],
    [414, 3, 1240, 1984], // 1242 → a multiple of 5, so the height is whole
    [320, 2, 750, 1200], // never under 750 wide
    [600, 3, 1500, 2400], // never over 1500
  ])('%i css px at dpr %i → %i × %i', (css, dpr, width, height) => {
    expect(posterPixels(css, dpr)).toEqual({ width, height })
    expect(height / width).toBe(POSTER.height / POSTER.width)
  })
})

describe('drawPoster', () => {
  it('scales the 750 × 1200 layout to the canvas and paints it white first', () => {
    const ctx = new FakeContext()
    drawPoster(ctx, 1125, posterData(), { cover: COVER, qr: QR })
    expect(ctx.calls[0]).toEqual({ op: 'scale', x: 1.5, y: 1.5 })
    expect(ctx.calls[1]).toMatchObject({
      op: 'fillRect',
      box: { x: 0, y: 0, w: 750, h: 1200 },
      color: '#ffffff',
    })
  })

  it('keeps every box on the poster and apart (the badge sits on the cover on purpose)', () => {
    const entries = Object.entries(POSTER_BOXES) as [string, Box][]
    for (const [, box] of entries)
      expect(inside(box, { x: 0, y: 0, ...{ w: 750, h: 1200 } })).toBe(true)
    const overlaps = (a: Box, b: Box) =>
      a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
    const clashes = entries.flatMap(([a, boxA], i) =>
      entries
        .slice(i + 1)
        .filter(([b, boxB]) => overlaps(boxA, boxB) && !(a === 'cover' && b === 'status'))
        .map(([b]) => `${a}/${b}`),
    )
    expect(clashes).toEqual([])
  })

  it('draws each text inside its own box', () => {
    const ctx = draw()
    const b = POSTER_BOXES
    expect(textsIn(ctx, b.status)).toEqual(['在售'])
    expect(textsIn(ctx, b.price).join('')).toBe('¥1,280')
    expect(textsIn(ctx, b.title)).toEqual(['索尼WH-1000XM4降噪耳机'])
    expect(textsIn(ctx, b.seller)).toEqual(['卖家 楼下的小王'])
    expect(textsIn(ctx, b.appName)).toEqual([APP_NAME])
    expect(textsIn(ctx, b.slogan)).toEqual([SLOGAN])
    expect(textsIn(ctx, b.caption)).toEqual([QR_CAPTION])
    // Nothing drawn outside the boxes.
    const stray = ctx
      .texts()
      .filter((t) => !Object.values(b).some((box) => inside(textBox(t), box)))
    expect(stray).toEqual([])
  })

  it.each([
    [1250, '¥12.50'],
    [100, '¥1'],
    [1_280_000, '¥12,800'],
    [99_999_900, '¥999,999'],
  ])('writes %i fen as the app does (%s)', (priceFen, shown) => {
    const ctx = draw({ priceFen })
    const drawn = textsIn(ctx, POSTER_BOXES.price).join('')
    expect(drawn).toBe(shown)
    expect(drawn).toBe(formatFen(priceFen))
  })

  it('wraps a long title into two lines ending in …', () => {
    const title =
      '出闲置九成新戴森V12吸尘器，配件齐全带原装包装盒和发票，搬家急出可小刀，同小区可送货上门'
    const ctx = draw({ title })
    const lines = textsIn(ctx, POSTER_BOXES.title)
    expect(lines).toHaveLength(2)
    expect(lines[1]).toMatch(/…$/)
    expect(title.startsWith(lines.join('').replace(/…$/, ''))).toBe(true)
  })

  it('shortens a long nickname to one line', () => {
    const ctx = draw({ sellerNickname: '住在阳光花园三期十二号楼的热心邻居老王同志' })
    const [seller] = textsIn(ctx, POSTER_BOXES.seller)
    expect(seller).toMatch(/^卖家 住在阳光花园.*…$/)
  })

  it.each([
    ['on_sale', '在售'],
    ['reserved', '已预订'],
    ['sold', '已售出'],
  ] as const)('shows the status %s as %s', (status, label) => {
    expect(textsIn(draw({ status }), POSTER_BOXES.status)).toEqual([label])
  })

  it('draws the 小程序码 whole, at exactly its box', () => {
    const qr = draw()
      .images()
      .find((c) => c.image === QR)!
    expect(qr.src).toEqual({ x: 0, y: 0, w: 430, h: 430 })
    expect(qr.dest).toEqual(POSTER_BOXES.qr)
  })

  it('crops the cover to fill its box without stretching it', () => {
    const cover = draw()
      .images()
      .find((c) => c.image === COVER)!
    const box = POSTER_BOXES.cover
    expect(cover.dest).toEqual(box)
    expect(cover.src.w / cover.src.h).toBeCloseTo(box.w / box.h, 6)
    expect(inside(cover.src, { x: 0, y: 0, w: 1200, h: 900 })).toBe(true)
    // The middle of the photo: equal margins left and right.
    expect(cover.src.x).toBeCloseTo((1200 - cover.src.w) / 2, 6)
  })

  it('without a cover draws a placeholder with the app name in the cover box', () => {
    const ctx = draw({ coverUrl: null }, null)
    expect(ctx.images().map((c) => c.image)).toEqual([QR])
    expect(textsIn(ctx, POSTER_BOXES.cover)).toEqual(expect.arrayContaining([APP_NAME]))
    const placeholder = ctx.calls.find((c) => c.op === 'fillRect' && c.color === '#f0f1f3')
    expect(placeholder).toMatchObject({ box: POSTER_BOXES.cover })
  })
})

describe('a real poster, rasterised', () => {
  // No node canvas in node_modules: FakeContext paints fillRect/drawImage into pixels, which is
  // all a QR code needs; jsQR (a maintained decoder) must read the code off the poster.
  const code: { image?: PixelImage } = {}
  beforeAll(async () => {
    code.image = await qrImage()
  }, 30_000) // renders and decodes a real QR PNG

  it.each([750, 1125])('at %i px wide, its 小程序码 still decodes to the page and scene', (w) => {
    const { width, height } = posterPixels(w, 1)
    const ctx = new FakeContext({ width, height })
    drawPoster(ctx, width, posterData(), { cover: null, qr: code.image! })
    const found = jsQR(ctx.pixels!, width, height, { inversionAttempts: 'dontInvert' })
    expect(found?.data).toBe(QR_TEXT)
    // Found where the layout put it (jsQR reports the finder patterns in device pixels).
    const s = width / 750
    const qr = POSTER_BOXES.qr
    expect(found!.location.topLeftFinderPattern.x).toBeGreaterThan(qr.x * s)
    expect(found!.location.bottomRightCorner.y).toBeLessThan((qr.y + qr.h) * s)
  })
})
