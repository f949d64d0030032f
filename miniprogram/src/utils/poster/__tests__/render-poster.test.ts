import { POSTER_BOXES } from '../poster-layout'
import { PosterQrMissingError, renderPoster } from '../render-poster'
import { fakeSurface } from './fake-surface'
import { posterData } from './poster-fixtures'

const data = posterData()
const QR = { width: 430, height: 430 }
const COVER = { width: 800, height: 800 }

it('sizes the canvas, loads both images (reporting progress) and draws the poster', async () => {
  const s = fakeSurface({ [data.qrCodeUrl]: QR, [data.coverUrl!]: COVER })
  const progress: number[] = []
  const r = await renderPoster(s, data, { width: 1125, height: 1800 }, (p) => progress.push(p))
  expect(s.canvas).toEqual({ width: 1125, height: 1800 })
  expect(progress).toEqual([0.5, 1])
  expect(r).toEqual({ coverMissing: false })
  const drawn = s.ctx.images().map((c) => [c.image.width, c.dest])
  expect(drawn).toEqual(
    expect.arrayContaining([
      [430, POSTER_BOXES.qr],
      [800, POSTER_BOXES.cover],
    ]),
  )
})

it('a cover that will not load leaves the placeholder and says so', async () => {
  const s = fakeSurface({ [data.qrCodeUrl]: QR })
  const r = await renderPoster(s, data, { width: 750, height: 1200 })
  expect(r).toEqual({ coverMissing: true })
  expect(s.ctx.images()).toHaveLength(1)
})

it('a listing without photos needs only the code', async () => {
  const s = fakeSurface({ [data.qrCodeUrl]: QR })
  const progress: number[] = []
  const r = await renderPoster(
    s,
    posterData({ coverUrl: null }),
    { width: 750, height: 1200 },
    (p) => progress.push(p),
  )
  expect(r).toEqual({ coverMissing: false })
  expect(progress).toEqual([1])
})

it('without its 小程序码 there is no poster: PosterQrMissingError, nothing drawn', async () => {
  const s = fakeSurface({ [data.coverUrl!]: COVER })
  await expect(renderPoster(s, data, { width: 750, height: 1200 })).rejects.toBeInstanceOf(
    PosterQrMissingError,
  )
  expect(s.ctx.calls).toEqual([])
})

it('an image that never answers is given up after the timeout', async () => {
  jest.useFakeTimers()
  try {
    const s = fakeSurface({ [data.qrCodeUrl]: QR }, [data.coverUrl!])
    const done = renderPoster(s, data, { width: 750, height: 1200 })
    await jest.advanceTimersByTimeAsync(8000)
    await expect(done).resolves.toEqual({ coverMissing: true })
  } finally {
    jest.useRealTimers()
  }
})
