import type { OffscreenSurface } from '../canvas-2d'
import { SHARE_CARD, SHARE_CARD_BOXES, paintShareCard } from '../share-card-layout'
import { FakeContext, inside, textBox } from './fake-context'
import { fakeSurface } from './fake-surface'
import { createOffscreenSurface } from '../offscreen-surface'
import { SHARE_CARD_DEADLINE_MS, shareCardImage } from '../../share-card-image'

// jest hoists this above the imports: shareCardImage draws on the surface the test hands it.
jest.mock('../offscreen-surface', () => ({ createOffscreenSurface: jest.fn() }))

const create = createOffscreenSurface as jest.MockedFunction<typeof createOffscreenSurface>
const COVER_URL = 'http://127.0.0.1/files/listing-photos/cover.jpg'
const COVER = { width: 1000, height: 1000 }

describe('paintShareCard', () => {
  const paint = (status: 'on_sale' | 'reserved' | 'sold', priceFen = 1250) => {
    const ctx = new FakeContext()
    paintShareCard(ctx, { priceFen, status }, COVER)
    return ctx
  }

  it('is 5:4, drawn at 1.5×, the cover filling the whole card', () => {
    expect(SHARE_CARD.width / SHARE_CARD.height).toBe(5 / 4)
    const ctx = paint('on_sale')
    expect(ctx.calls[0]).toEqual({ op: 'scale', x: 1.5, y: 1.5 })
    const [cover] = ctx.images()
    expect(cover!.dest).toEqual({ x: 0, y: 0, w: 500, h: 400 })
    expect(cover!.src.w / cover!.src.h).toBeCloseTo(5 / 4, 6)
  })

  it.each([
    ['on_sale', '在售'],
    ['reserved', '已预订'],
    ['sold', '已售出'],
  ] as const)('shows the price and %s as %s, each in its box', (status, label) => {
    const ctx = paint(status, 128_050)
    const texts = ctx.texts()
    const inBox = (box: (typeof SHARE_CARD_BOXES)[keyof typeof SHARE_CARD_BOXES]) =>
      texts.filter((t) => inside(textBox(t), box)).map((t) => t.text)
    expect(inBox(SHARE_CARD_BOXES.price).join('')).toBe('¥1,280.50')
    expect(inBox(SHARE_CARD_BOXES.status)).toEqual([label])
    expect(texts).toHaveLength(3)
  })
})

describe('shareCardImage', () => {
  const listingCard = { imageUrl: COVER_URL, priceFen: 1250, status: 'on_sale' as const }
  const surfaceWith = (
    exportImage: () => Promise<string>,
    images: Record<string, typeof COVER> = { [COVER_URL]: COVER },
  ) => {
    const s = fakeSurface(images)
    const surface: OffscreenSurface = { ...s, exportImage: jest.fn(exportImage) }
    create.mockReturnValue(surface)
    return { surface, ctx: s.ctx }
  }
  beforeEach(() => create.mockReset())

  it('draws the listing card on an offscreen canvas of 750 × 600 and answers its image', async () => {
    const { ctx } = surfaceWith(async () => 'wxfile://tmp/card.jpg')
    await expect(shareCardImage(listingCard)).resolves.toBe('wxfile://tmp/card.jpg')
    expect(create).toHaveBeenCalledWith(750, 600)
    expect(ctx.texts().map((t) => t.text)).toContain('在售')
  })

  it('falls back to the cover when there is no offscreen canvas', async () => {
    create.mockReturnValue(null)
    await expect(shareCardImage(listingCard)).resolves.toBe(COVER_URL)
  })

  it('falls back to the cover when the cover will not load into the canvas', async () => {
    const { surface } = surfaceWith(async () => 'wxfile://tmp/card.jpg', {})
    await expect(shareCardImage(listingCard)).resolves.toBe(COVER_URL)
    expect(surface.exportImage).not.toHaveBeenCalled()
  })

  it('falls back to the cover when exporting fails', async () => {
    surfaceWith(async () => {
      throw new Error('canvasToTempFilePath:fail')
    })
    await expect(shareCardImage(listingCard)).resolves.toBe(COVER_URL)
  })

  it('falls back to the cover when drawing takes longer than WeChat waits', async () => {
    jest.useFakeTimers()
    try {
      surfaceWith(() => new Promise(() => undefined))
      const image = shareCardImage(listingCard)
      await jest.advanceTimersByTimeAsync(SHARE_CARD_DEADLINE_MS)
      await expect(image).resolves.toBe(COVER_URL)
    } finally {
      jest.useRealTimers()
    }
  })

  it('a listing without photos still gets a drawn card (placeholder, price, status)', async () => {
    const { ctx } = surfaceWith(async () => 'wxfile://tmp/card.jpg')
    await expect(shareCardImage({ ...listingCard, imageUrl: null })).resolves.toBe(
      'wxfile://tmp/card.jpg',
    )
    expect(ctx.images()).toEqual([])
  })

  it('storefront and community cards (no price) keep their own image, or none', async () => {
    await expect(
      shareCardImage({ imageUrl: 'http://x/avatar.png', priceFen: null, status: null }),
    ).resolves.toBe('http://x/avatar.png')
    await expect(shareCardImage({ imageUrl: null, priceFen: null, status: null })).resolves.toBe('')
    expect(create).not.toHaveBeenCalled()
  })
})
