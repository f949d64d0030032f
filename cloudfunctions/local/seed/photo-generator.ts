import { PNG } from 'pngjs'
import type { CategoryId } from '@shared/domain/listing'
import type { Rng } from './prng'

/**
 * Stand-in product photos: a soft gradient in the category's colours with a simple pictogram of
 * the category (phone, laptop, sofa…) drawn with anti-aliased signed-distance shapes, so feed
 * cards look like distinct photos without shipping any image assets. Flat colours and smooth
 * gradients keep each PNG small.
 */

// Local bindings: inside jest's vm context every global lookup (Math.*) in the hot pixel loop
// costs a context-global access, which made seeding ten times slower there.
const { abs, sqrt, max, min, floor, round } = Math
/** Math.hypot is several times slower than this and needs no overflow care at pixel scale. */
const hypot = (x: number, y: number) => sqrt(x * x + y * y)
/** "No shape near": a module constant, because `Infinity` is a global lookup too. */
const FAR = 1e9

/**
 * PNG row filter "Up": smooth gradients compress almost as well as with pngjs's adaptive choice
 * (-1) or Paeth, both of which are 10-40x slower under jest (global Math lookups in a vm context).
 */
const FILTER = 2

type Rgb = [number, number, number]
/** Signed distance from a point to a shape, in pixels: negative inside. */
type Sdf = (x: number, y: number) => number

interface Shape {
  sdf: Sdf
  color: Rgb
  /** Bounding box in pixels, so most pixels skip most shapes. */
  box: [number, number, number, number]
}

/** Unit-space primitive: centre, half sizes and radius as fractions of the image side. */
type Prim =
  | { k: 'rect'; x: number; y: number; w: number; h: number; r?: number; c: Tone }
  | { k: 'circle'; x: number; y: number; r: number; c: Tone }
  | { k: 'ring'; x: number; y: number; r: number; t: number; c: Tone }

/** Colours are chosen per image from the palette, so the same glyph comes in different schemes. */
type Tone = 'ink' | 'light' | 'accent' | 'soft' | 'bg'

const rect = (x: number, y: number, w: number, h: number, c: Tone, r = 0.015): Prim => ({
  k: 'rect',
  x,
  y,
  w,
  h,
  r,
  c,
})
const circle = (x: number, y: number, r: number, c: Tone): Prim => ({ k: 'circle', x, y, r, c })
const ring = (x: number, y: number, r: number, t: number, c: Tone): Prim => ({
  k: 'ring',
  x,
  y,
  r,
  t,
  c,
})

/** One pictogram per category, centred on (0.5, 0.5) in unit space. */
const GLYPHS: Record<CategoryId, Prim[]> = {
  phone: [
    rect(0.5, 0.5, 0.15, 0.29, 'ink', 0.04),
    rect(0.5, 0.5, 0.13, 0.25, 'light', 0.015),
    circle(0.5, 0.275, 0.008, 'ink'),
  ],
  digital: [
    rect(0.42, 0.35, 0.08, 0.04, 'ink', 0.015),
    rect(0.5, 0.53, 0.28, 0.17, 'ink', 0.04),
    circle(0.5, 0.54, 0.12, 'light'),
    circle(0.5, 0.54, 0.085, 'accent'),
    circle(0.47, 0.51, 0.025, 'light'),
  ],
  computer: [
    rect(0.5, 0.44, 0.28, 0.18, 'ink', 0.02),
    rect(0.5, 0.44, 0.25, 0.155, 'light', 0.006),
    rect(0.5, 0.655, 0.34, 0.025, 'ink', 0.012),
  ],
  appliance: [
    rect(0.5, 0.5, 0.22, 0.27, 'light', 0.03),
    rect(0.5, 0.27, 0.22, 0.04, 'soft', 0.02),
    circle(0.64, 0.27, 0.018, 'accent'),
    ring(0.5, 0.56, 0.12, 0.022, 'ink'),
    circle(0.5, 0.56, 0.09, 'accent'),
  ],
  furniture: [
    rect(0.5, 0.43, 0.26, 0.1, 'accent', 0.04),
    rect(0.5, 0.58, 0.32, 0.08, 'accent', 0.035),
    rect(0.19, 0.53, 0.05, 0.12, 'ink', 0.03),
    rect(0.81, 0.53, 0.05, 0.12, 'ink', 0.03),
    rect(0.26, 0.7, 0.015, 0.04, 'ink', 0.006),
    rect(0.74, 0.7, 0.015, 0.04, 'ink', 0.006),
  ],
  clothing: [
    rect(0.34, 0.39, 0.1, 0.065, 'accent', 0.025),
    rect(0.66, 0.39, 0.1, 0.065, 'accent', 0.025),
    rect(0.5, 0.55, 0.17, 0.23, 'accent', 0.025),
    circle(0.5, 0.32, 0.06, 'bg'),
    rect(0.5, 0.55, 0.06, 0.04, 'light', 0.01),
  ],
  beauty: [
    rect(0.5, 0.31, 0.07, 0.045, 'ink', 0.015),
    rect(0.5, 0.38, 0.035, 0.035, 'soft', 0.008),
    rect(0.5, 0.59, 0.12, 0.19, 'accent', 0.045),
    rect(0.5, 0.61, 0.085, 0.07, 'light', 0.012),
  ],
  baby: [
    circle(0.47, 0.47, 0.17, 'accent'),
    rect(0.47, 0.56, 0.2, 0.08, 'accent', 0.04),
    rect(0.72, 0.4, 0.014, 0.13, 'ink', 0.007),
    ring(0.35, 0.72, 0.055, 0.016, 'ink'),
    ring(0.6, 0.72, 0.055, 0.016, 'ink'),
  ],
  books: [
    rect(0.5, 0.66, 0.26, 0.055, 'ink', 0.01),
    rect(0.48, 0.54, 0.23, 0.055, 'accent', 0.01),
    rect(0.53, 0.42, 0.2, 0.055, 'soft', 0.01),
    rect(0.55, 0.42, 0.14, 0.012, 'light', 0.004),
  ],
  sports: [
    circle(0.5, 0.5, 0.2, 'accent'),
    ring(0.5, 0.5, 0.2, 0.01, 'ink'),
    rect(0.5, 0.5, 0.2, 0.008, 'ink', 0.004),
    rect(0.5, 0.5, 0.008, 0.2, 'ink', 0.004),
    ring(0.5, 0.5, 0.12, 0.008, 'ink'),
  ],
  toys: [
    rect(0.38, 0.62, 0.1, 0.1, 'accent', 0.02),
    rect(0.62, 0.62, 0.1, 0.1, 'ink', 0.02),
    rect(0.5, 0.41, 0.1, 0.1, 'soft', 0.02),
    circle(0.5, 0.41, 0.035, 'light'),
  ],
  // A wrench over a calendar page: work done for you.
  services: [
    rect(0.5, 0.52, 0.3, 0.3, 'light', 0.03),
    rect(0.5, 0.4, 0.3, 0.06, 'accent', 0.02),
    rect(0.45, 0.57, 0.05, 0.2, 'ink', 0.02),
    ring(0.45, 0.44, 0.05, 0.02, 'ink'),
  ],
  other: [
    rect(0.5, 0.59, 0.2, 0.16, 'accent', 0.02),
    rect(0.5, 0.41, 0.23, 0.05, 'accent', 0.015),
    rect(0.5, 0.54, 0.03, 0.21, 'light', 0.006),
    ring(0.44, 0.32, 0.045, 0.015, 'light'),
    ring(0.56, 0.32, 0.045, 0.015, 'light'),
  ],
}

/** Base hue per category (degrees), so a category reads the same across listings. */
const HUES: Record<CategoryId, number> = {
  phone: 215,
  digital: 265,
  computer: 200,
  appliance: 180,
  furniture: 30,
  clothing: 340,
  beauty: 320,
  baby: 50,
  books: 140,
  sports: 105,
  toys: 10,
  other: 240,
  services: 165,
}

const hsl = (h: number, s: number, l: number): Rgb => {
  const hue = (((h % 360) + 360) % 360) / 360
  const f = (n: number) => {
    const k = (n + hue * 12) % 12
    const a = s * min(l, 1 - l)
    return round(255 * (l - a * max(-1, min(k - 3, 9 - k, 1))))
  }
  return [f(0), f(8), f(4)]
}

const sdfOf = (p: Prim, size: number, scale: number, ox: number, oy: number): Shape => {
  const cx = (0.5 + (p.x - 0.5) * scale + ox) * size
  const cy = (0.5 + (p.y - 0.5) * scale + oy) * size
  const s = size * scale
  if (p.k === 'rect') {
    const hw = p.w * s
    const hh = p.h * s
    const r = min((p.r ?? 0) * s, hw, hh)
    const sdf: Sdf = (x, y) => {
      const qx = abs(x - cx) - (hw - r)
      const qy = abs(y - cy) - (hh - r)
      const outside = hypot(max(qx, 0), max(qy, 0))
      return outside + min(max(qx, qy), 0) - r
    }
    return { sdf, color: [0, 0, 0], box: [cx - hw, cy - hh, cx + hw, cy + hh] }
  }
  const r = p.r * s
  if (p.k === 'circle') {
    return {
      sdf: (x, y) => hypot(x - cx, y - cy) - r,
      color: [0, 0, 0],
      box: [cx - r, cy - r, cx + r, cy + r],
    }
  }
  const t = p.t * s
  return {
    sdf: (x, y) => abs(hypot(x - cx, y - cy) - r) - t,
    color: [0, 0, 0],
    box: [cx - r - t, cy - r - t, cx + r + t, cy + r + t],
  }
}

export interface PhotoOptions {
  category: CategoryId
  /** Which of the category's looks (hue shift, size, position). */
  variant: number
  size?: number
  rng: Rng
}

/** A PNG stand-in photo for a category. */
export const generatePhoto = ({ category, variant, size = 480, rng }: PhotoOptions): Buffer => {
  const hue = HUES[category] + (variant % 3) * 28 - 28 + rng.int(-6, 6)
  const palette: Record<Tone, Rgb> = {
    ink: hsl(hue + 10, 0.3, 0.27),
    light: hsl(hue, 0.4, 0.96),
    accent: hsl(hue + 160 + variant * 25, 0.55, 0.6),
    soft: hsl(hue + 40, 0.45, 0.75),
    bg: hsl(hue, 0.55, 0.86),
  }
  const top = hsl(hue, 0.55, 0.9)
  const bottom = hsl(hue + 25, 0.45, 0.74)
  const angle = rng.next() * Math.PI
  const [dx, dy] = [Math.cos(angle), Math.sin(angle)]
  const scale = 1 + rng.next() * 0.3
  const ox = (rng.next() - 0.5) * 0.1
  const oy = (rng.next() - 0.5) * 0.08
  const shapes = GLYPHS[category].map((p) => ({
    ...sdfOf(p, size, scale, ox, oy),
    color: palette[p.c],
  }))
  // A soft shadow under the whole glyph gives the "object on a table" look.
  const shadowOffset = size * 0.025
  const blur = size * 0.03

  const png = new PNG({ width: size, height: size, colorType: 2, inputHasAlpha: false })
  const data = png.data
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const px = x + 0.5
      const py = y + 0.5
      // Gradient along the chosen direction, from top colour to bottom colour.
      const g = min(1, max(0, ((px / size - 0.5) * dx + (py / size - 0.5) * dy) * 1.2 + 0.5))
      let r = top[0] + (bottom[0] - top[0]) * g
      let gg = top[1] + (bottom[1] - top[1]) * g
      let b = top[2] + (bottom[2] - top[2]) * g
      let shadow = FAR
      const sx = px - shadowOffset * 0.6
      const sy = py - shadowOffset
      // Indexed loops, no destructuring: this runs ~230k times per photo, and the test build
      // (swc, ES5 target) turns for-of and array destructuring into slow iterator helpers.
      for (let k = 0; k < shapes.length; k++) {
        const bb = shapes[k].box
        if (sx < bb[0] - blur || sx > bb[2] + blur || sy < bb[1] - blur || sy > bb[3] + blur)
          continue
        shadow = min(shadow, shapes[k].sdf(sx, sy))
      }
      if (shadow < blur) {
        const a = 0.16 * min(1, (blur - shadow) / (2 * blur))
        r *= 1 - a
        gg *= 1 - a
        b *= 1 - a
      }
      for (let k = 0; k < shapes.length; k++) {
        const s = shapes[k]
        const bx = s.box
        if (px < bx[0] - 1 || px > bx[2] + 1 || py < bx[1] - 1 || py > bx[3] + 1) continue
        const cover = min(1, max(0, 0.5 - s.sdf(px, py)))
        if (cover === 0) continue
        r += (s.color[0] - r) * cover
        gg += (s.color[1] - gg) * cover
        b += (s.color[2] - b) * cover
      }
      const i = (y * size + x) * 3
      data[i] = r
      data[i + 1] = gg
      data[i + 2] = b
    }
  }
  return PNG.sync.write(png, {
    colorType: 2,
    inputHasAlpha: false,
    deflateLevel: 9,
    filterType: FILTER,
  })
}

/** A 160×160 avatar: a symmetric 5×5 pattern on a pastel square, like a GitHub identicon. */
export const generateAvatar = (rng: Rng, size = 160): Buffer => {
  const hue = rng.int(0, 359)
  const bg = hsl(hue, 0.5, 0.9)
  const fg = hsl(hue + 20, 0.55, 0.55)
  const cells: boolean[] = []
  for (let row = 0; row < 5; row++) {
    const half = [rng.chance(0.5), rng.chance(0.5), rng.chance(0.6)]
    cells.push(half[0], half[1], half[2], half[1], half[0])
  }
  const pad = size * 0.15
  const cell = (size - 2 * pad) / 5
  const png = new PNG({ width: size, height: size, colorType: 2, inputHasAlpha: false })
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const cx = floor((x - pad) / cell)
      const cy = floor((y - pad) / cell)
      const on = cx >= 0 && cx < 5 && cy >= 0 && cy < 5 && cells[cy * 5 + cx]
      const c = on ? fg : bg
      const i = (y * size + x) * 3
      png.data[i] = c[0]
      png.data[i + 1] = c[1]
      png.data[i + 2] = c[2]
    }
  }
  return PNG.sync.write(png, {
    colorType: 2,
    inputHasAlpha: false,
    deflateLevel: 9,
    filterType: FILTER,
  })
}
