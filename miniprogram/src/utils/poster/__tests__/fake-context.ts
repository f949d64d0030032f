import type { Box, Ctx2D, ImageLike } from '../canvas-2d'

/** One drawing call, in the layout units it was made in (the context only ever scales). */
export type DrawCall =
  | {
      op: 'fillText'
      text: string
      x: number
      y: number
      size: number
      width: number
      align: string
      baseline: string
      color: unknown
    }
  | { op: 'drawImage'; image: ImageLike; src: Box; dest: Box }
  | { op: 'fillRect'; box: Box; color: unknown }
  | { op: 'fill' | 'clip'; box: Box }
  | { op: 'scale'; x: number; y: number }

/** An image with pixels (RGBA), as pngjs decodes one, so the raster can draw it. */
export interface PixelImage extends ImageLike {
  data?: Uint8Array | Uint8ClampedArray
}

const sizeOf = (font: string) => Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 10)

/** Wide characters (CJK, full-width signs, ¥ drawn wide in CJK fonts) take a full em. */
const isWide = (ch: string) => /[\u1100-\uffff]/.test(ch) && !/[\u2000-\u206f]/.test(ch)

/**
 * A Canvas 2D context for tests: it records every call, measures text like a CJK font (a full em
 * for wide characters, 0.6 em for the rest, "…" one em) and, given a size, rasterises fillRect and
 * drawImage into RGBA pixels (nearest neighbour) so a drawn QR code can be decoded. Text is not
 * rasterised. Clipping is kept as the clip path's bounding box.
 */
export class FakeContext implements Ctx2D {
  fillStyle: unknown = '#000000'
  font = '10px sans-serif'
  textAlign = 'start'
  textBaseline = 'alphabetic'
  readonly calls: DrawCall[] = []
  readonly pixels: Uint8ClampedArray | null
  private sx = 1
  private sy = 1
  private clipBox: Box | null = null
  private path: { x: number; y: number }[] = []
  private stack: { sx: number; sy: number; clipBox: Box | null; state: Record<string, unknown> }[] =
    []

  constructor(readonly raster?: { width: number; height: number }) {
    this.pixels = raster ? new Uint8ClampedArray(raster.width * raster.height * 4) : null
  }

  save() {
    const { fillStyle, font, textAlign, textBaseline } = this
    this.stack.push({
      sx: this.sx,
      sy: this.sy,
      clipBox: this.clipBox,
      state: { fillStyle, font, textAlign, textBaseline },
    })
  }
  restore() {
    const top = this.stack.pop()
    if (!top) return
    Object.assign(this, top.state)
    this.sx = top.sx
    this.sy = top.sy
    this.clipBox = top.clipBox
  }
  scale(x: number, y: number) {
    this.sx *= x
    this.sy *= y
    this.calls.push({ op: 'scale', x, y })
  }
  measureText(text: string) {
    const em = sizeOf(this.font)
    let width = 0
    for (const ch of Array.from(text)) width += ch === '…' ? em : isWide(ch) ? em : 0.6 * em
    return { width }
  }
  fillText(text: string, x: number, y: number) {
    const size = sizeOf(this.font)
    const width = this.measureText(text).width
    this.calls.push({
      op: 'fillText',
      text,
      x,
      y,
      size,
      width,
      align: this.textAlign,
      baseline: this.textBaseline,
      color: this.fillStyle,
    })
  }
  fillRect(x: number, y: number, w: number, h: number) {
    this.calls.push({ op: 'fillRect', box: { x, y, w, h }, color: this.fillStyle })
    const rgba = parseColor(this.fillStyle)
    if (rgba) this.paint({ x, y, w, h }, rgba)
  }
  drawImage(
    image: PixelImage,
    sx: number,
    sy: number,
    sw: number,
    sh: number,
    dx: number,
    dy: number,
    dw: number,
    dh: number,
  ) {
    this.calls.push({
      op: 'drawImage',
      image,
      src: { x: sx, y: sy, w: sw, h: sh },
      dest: { x: dx, y: dy, w: dw, h: dh },
    })
    const data = image.data
    if (!data) return
    this.paint({ x: dx, y: dy, w: dw, h: dh }, (u, v) => {
      const px = Math.min(image.width - 1, Math.floor(sx + u * sw))
      const py = Math.min(image.height - 1, Math.floor(sy + v * sh))
      const i = (py * image.width + px) * 4
      return [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]! / 255]
    })
  }
  beginPath() {
    this.path = []
  }
  closePath() {}
  moveTo(x: number, y: number) {
    this.path.push({ x, y })
  }
  arcTo(x1: number, y1: number, x2: number, y2: number) {
    this.path.push({ x: x1, y: y1 }, { x: x2, y: y2 })
  }
  fill() {
    const box = this.pathBox()
    this.calls.push({ op: 'fill', box })
    const rgba = parseColor(this.fillStyle)
    if (rgba) this.paint(box, rgba)
  }
  clip() {
    const box = this.pathBox()
    this.calls.push({ op: 'clip', box })
    this.clipBox = box
  }

  texts() {
    return this.calls.filter((c): c is Extract<DrawCall, { op: 'fillText' }> => c.op === 'fillText')
  }
  images() {
    return this.calls.filter(
      (c): c is Extract<DrawCall, { op: 'drawImage' }> => c.op === 'drawImage',
    )
  }

  private pathBox(): Box {
    const xs = this.path.map((p) => p.x)
    const ys = this.path.map((p) => p.y)
    const x = Math.min(...xs)
    const y = Math.min(...ys)
    return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y }
  }

  /**
   * Fills the device pixels whose centres fall in `box` (layout units), within the clip, with one
   * colour or the colour at (u, v), the position in the box from 0 to 1.
   */
  private paint(box: Box, color: Rgba | ((u: number, v: number) => Rgba)) {
    if (!this.pixels || !this.raster) return
    const { width, height } = this.raster
    const clip = this.clipBox ?? box
    const x0 = Math.max(box.x, clip.x) * this.sx
    const y0 = Math.max(box.y, clip.y) * this.sy
    const x1 = Math.min(box.x + box.w, clip.x + clip.w) * this.sx
    const y1 = Math.min(box.y + box.h, clip.y + clip.h) * this.sy
    for (let py = Math.max(0, Math.round(y0)); py < Math.min(height, Math.round(y1)); py++)
      for (let px = Math.max(0, Math.round(x0)); px < Math.min(width, Math.round(x1)); px++) {
        const [r, g, b, a] =
          typeof color === 'function'
            ? color(((px + 0.5) / this.sx - box.x) / box.w, ((py + 0.5) / this.sy - box.y) / box.h)
            : color
        const i = (py * width + px) * 4
        const p = this.pixels
        p[i] = r * a + p[i]! * (1 - a)
        p[i + 1] = g * a + p[i + 1]! * (1 - a)
        p[i + 2] = b * a + p[i + 2]! * (1 - a)
        p[i + 3] = 255
      }
  }
}

type Rgba = [number, number, number, number]

/** '#rrggbb' or 'rgba(r, g, b, a)'; null for anything else (gradients are not used). */
export const parseColor = (c: unknown): Rgba | null => {
  if (typeof c !== 'string') return null
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c)
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16), 1]
  const rgba = /^rgba?\(([^)]+)\)$/.exec(c)
  if (!rgba) return null
  const [r, g, b, a = 1] = rgba[1]!.split(',').map(Number)
  return [r!, g!, b!, a]
}

/** Where a recorded text sits, for textBaseline 'top' (the layouts' only baseline). */
export const textBox = (t: Extract<DrawCall, { op: 'fillText' }>): Box => ({
  x: t.align === 'center' ? t.x - t.width / 2 : t.align === 'right' ? t.x - t.width : t.x,
  y: t.y,
  w: t.width,
  h: t.size,
})

/** `inner` inside `outer`, allowing for rounding. */
export const inside = (inner: Box, outer: Box, slack = 0.01) =>
  inner.x >= outer.x - slack &&
  inner.y >= outer.y - slack &&
  inner.x + inner.w <= outer.x + outer.w + slack &&
  inner.y + inner.h <= outer.y + outer.h + slack
