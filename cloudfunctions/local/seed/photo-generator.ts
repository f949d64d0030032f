import { PNG_FILTER, encodeRgbPng } from './png-encoder'
import { GLYPHS, type Hsl, type PhotoKind, type Prim, type Tone } from './photo-glyphs'
import type { Rng } from './prng'

/**
 * Stand-in product photos: the kind of item a listing sells (a camera, headphones, a sofa …)
 * drawn from anti-aliased signed-distance shapes, standing on a table against a wall, lit from
 * the top left with a contact shadow. Each photo of a kind varies the item's colour, the scene,
 * the framing, the side it faces and, for some kinds, the view (front and back), so a listing's
 * photos look like several shots of one thing. Nothing is downloaded; flat colours and smooth
 * gradients keep each PNG small.
 */

// Local bindings: inside jest's vm context every global lookup (Math.*) in the hot pixel loop
// costs a context-global access, which made seeding ten times slower there.
const { abs, sqrt, max, min, floor, round, cos, sin, PI } = Math
/** Math.hypot is several times slower than this and needs no overflow care at pixel scale. */
const hypot = (x: number, y: number) => sqrt(x * x + y * y)

/** Shapes are bucketed per tile of this many pixels, so a pixel only looks at the shapes near it. */
const TILE = 16

type Rgb = [number, number, number]
/** Signed distance from a point to a shape, in pixels: negative inside. */
type Sdf = (x: number, y: number) => number

interface Shape {
  sdf: Sdf
  color: Rgb
  /** Bounding box in pixels. */
  box: [number, number, number, number]
}

const hsl = ([h, s, l]: Hsl): Rgb => {
  const hue = (((h % 360) + 360) % 360) / 360
  const f = (n: number) => {
    const k = (n + hue * 12) % 12
    const a = s * min(l, 1 - l)
    return round(255 * (l - a * max(-1, min(k - 3, 9 - k, 1))))
  }
  return [f(0), f(8), f(4)]
}
const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x)
const lighter = ([h, s, l]: Hsl, d: number): Hsl => [h, s, clamp01(l + d)]

/** Wall and table colours of a scene: the backgrounds sellers photograph things against. */
const SCENES: [Hsl, Hsl][] = [
  [
    [40, 0.35, 0.92],
    [30, 0.42, 0.7],
  ],
  [
    [210, 0.15, 0.93],
    [210, 0.08, 0.82],
  ],
  [
    [35, 0.25, 0.87],
    [24, 0.35, 0.46],
  ],
  [
    [0, 0, 0.95],
    [30, 0.06, 0.88],
  ],
  [
    [120, 0.12, 0.88],
    [35, 0.3, 0.74],
  ],
]

/** The named tones of a photo, from the item's body colour. */
const palette = (body: Hsl, accent: Hsl | undefined): Record<Tone, Rgb> => ({
  body: hsl(body),
  shade: hsl(lighter(body, -0.12)),
  dark: hsl([body[0], 0.1, 0.17]),
  light: hsl([body[0], 0.15, 0.94]),
  white: hsl([40, 0.15, 0.96]),
  metal: hsl([215, 0.06, 0.72]),
  glass: hsl([222, 0.3, 0.14]),
  accent: hsl(accent ?? [body[0] + 180, 0.6, 0.55]),
  wood: hsl([30, 0.45, 0.55]),
  paper: hsl([45, 0.2, 0.9]),
})

interface Frame {
  size: number
  scale: number
  ox: number
  oy: number
  flip: boolean
}

/** A unit-space primitive as a pixel-space shape, framed (scaled, moved, maybe mirrored). */
const shapeOf = (p: Prim, f: Frame, color: Rgb): Shape => {
  const X = (x: number) => (0.5 + ((f.flip ? 1 - x : x) - 0.5) * f.scale + f.ox) * f.size
  const Y = (y: number) => (0.5 + (y - 0.5) * f.scale + f.oy) * f.size
  const L = (d: number) => d * f.scale * f.size
  switch (p.k) {
    case 'rect': {
      const cx = X(p.x)
      const cy = Y(p.y)
      const hw = L(p.w)
      const hh = L(p.h)
      const r = min(L(p.r ?? 0), hw, hh)
      const a = (((f.flip ? -1 : 1) * (p.a ?? 0)) / 180) * PI
      const c = cos(a)
      const s = sin(a)
      const sdf: Sdf = (x, y) => {
        const dx = x - cx
        const dy = y - cy
        const qx = abs(dx * c + dy * s) - (hw - r)
        const qy = abs(-dx * s + dy * c) - (hh - r)
        return hypot(max(qx, 0), max(qy, 0)) + min(max(qx, qy), 0) - r
      }
      const ex = abs(hw * c) + abs(hh * s)
      const ey = abs(hw * s) + abs(hh * c)
      return { sdf, color, box: [cx - ex, cy - ey, cx + ex, cy + ey] }
    }
    case 'grid': {
      // Repeated rounded cells (keys, slats, app icons): one shape, the nearest cell's distance.
      const x0 = X(p.x)
      const y0 = Y(p.y)
      const px = (f.flip ? -1 : 1) * L(p.px)
      const py = L(p.py)
      const hw = L(p.w)
      const hh = L(p.h)
      const r = min(L(p.r ?? 0), hw, hh)
      const sdf: Sdf = (x, y) => {
        const i = px === 0 ? 0 : max(0, min(p.nx - 1, round((x - x0) / px)))
        const j = py === 0 ? 0 : max(0, min(p.ny - 1, round((y - y0) / py)))
        const qx = abs(x - (x0 + i * px)) - (hw - r)
        const qy = abs(y - (y0 + j * py)) - (hh - r)
        return hypot(max(qx, 0), max(qy, 0)) + min(max(qx, qy), 0) - r
      }
      const xa = x0 + (p.nx - 1) * px
      const ya = y0 + (p.ny - 1) * py
      return {
        sdf,
        color,
        box: [min(x0, xa) - hw, min(y0, ya) - hh, max(x0, xa) + hw, max(y0, ya) + hh],
      }
    }
    case 'circle': {
      const cx = X(p.x)
      const cy = Y(p.y)
      const r = L(p.r)
      return {
        sdf: (x, y) => hypot(x - cx, y - cy) - r,
        color,
        box: [cx - r, cy - r, cx + r, cy + r],
      }
    }
    case 'ellipse': {
      const cx = X(p.x)
      const cy = Y(p.y)
      const rx = L(p.rx)
      const ry = L(p.ry)
      const m = min(rx, ry)
      // Not an exact distance, but within a pixel of one near the edge, which is all AA needs.
      return {
        sdf: (x, y) => (hypot((x - cx) / rx, (y - cy) / ry) - 1) * m,
        color,
        box: [cx - rx, cy - ry, cx + rx, cy + ry],
      }
    }
    case 'ring': {
      const cx = X(p.x)
      const cy = Y(p.y)
      const r = L(p.r)
      const t = L(p.t)
      const half =
        f.flip && p.half === 'left' ? 'right' : f.flip && p.half === 'right' ? 'left' : p.half
      const sdf: Sdf = (x, y) => {
        const d = abs(hypot(x - cx, y - cy) - r) - t
        if (!half) return d
        const cut =
          half === 'top' ? y - cy : half === 'bottom' ? cy - y : half === 'left' ? x - cx : cx - x
        return max(d, cut)
      }
      const e = r + t
      return {
        sdf,
        color,
        box: [
          half === 'right' ? cx : cx - e,
          half === 'bottom' ? cy : cy - e,
          half === 'left' ? cx : cx + e,
          half === 'top' ? cy : cy + e,
        ],
      }
    }
    case 'capsule': {
      const ax = X(p.x1)
      const ay = Y(p.y1)
      const bx = X(p.x2)
      const by = Y(p.y2)
      const r = L(p.r)
      const vx = bx - ax
      const vy = by - ay
      const vv = vx * vx + vy * vy || 1
      const sdf: Sdf = (x, y) => {
        const wx = x - ax
        const wy = y - ay
        const h = max(0, min(1, (wx * vx + wy * vy) / vv))
        return hypot(wx - vx * h, wy - vy * h) - r
      }
      return {
        sdf,
        color,
        box: [min(ax, bx) - r, min(ay, by) - r, max(ax, bx) + r, max(ay, by) + r],
      }
    }
    case 'poly': {
      // A convex polygon: inside, the largest distance to an edge's line is the exact distance;
      // outside it is close enough within the pixel or two anti-aliasing looks at.
      const xs = p.pts.filter((_, i) => i % 2 === 0).map(X)
      const ys = p.pts.filter((_, i) => i % 2 === 1).map(Y)
      const n = xs.length
      let area = 0
      for (let i = 0; i < n; i++) area += xs[i] * ys[(i + 1) % n] - xs[(i + 1) % n] * ys[i]
      const sign = area > 0 ? 1 : -1
      const ex: number[] = []
      const ey: number[] = []
      const nx: number[] = []
      const ny: number[] = []
      for (let i = 0; i < n; i++) {
        const j = (i + 1) % n
        const dx = xs[j] - xs[i]
        const dy = ys[j] - ys[i]
        const len = hypot(dx, dy) || 1
        ex.push(xs[i])
        ey.push(ys[i])
        nx.push((sign * dy) / len)
        ny.push((-sign * dx) / len)
      }
      const sdf: Sdf = (x, y) => {
        let d = -1e9
        for (let i = 0; i < n; i++) {
          const e = (x - ex[i]) * nx[i] + (y - ey[i]) * ny[i]
          if (e > d) d = e
        }
        return d
      }
      return { sdf, color, box: [min(...xs), min(...ys), max(...xs), max(...ys)] }
    }
  }
}

/** The box a view takes in unit space (mirrored when the photo is). */
const extentOf = (view: Prim[], flip: boolean): [number, number, number, number] => {
  const frame: Frame = { size: 1, scale: 1, ox: 0, oy: 0, flip }
  const box: [number, number, number, number] = [1, 1, 0, 0]
  for (const p of view) {
    const b = shapeOf(p, frame, [0, 0, 0]).box
    box[0] = min(box[0], b[0])
    box[1] = min(box[1], b[1])
    box[2] = max(box[2], b[2])
    box[3] = max(box[3], b[3])
  }
  return box
}

export interface PhotoOptions {
  kind: PhotoKind
  /** Which shot of the kind: colour, scene, framing and view all follow from it. */
  variant: number
  size?: number
  rng: Rng
}

interface Composition {
  size: number
  shapes: Shape[]
  wall: Rgb
  table: Rgb
  horizon: number
}

/** The shot: the item's shapes in the picture, and the scene behind them. */
const compose = ({ kind, variant, size = 480, rng }: PhotoOptions): Composition => {
  const glyph = GLYPHS[kind]
  const body = glyph.bodies[(variant + rng.int(0, glyph.bodies.length - 1)) % glyph.bodies.length]
  const tones = palette(body, glyph.accent)
  const [wallHsl, tableHsl] = SCENES[(variant * 2 + rng.int(0, SCENES.length - 1)) % SCENES.length]
  const wall = hsl(wallHsl)
  const table = hsl(tableHsl)
  const horizon = (0.64 + rng.next() * 0.08) * size
  const view = glyph.views[variant % glyph.views.length]
  const flip = glyph.flips !== false && (variant + rng.int(0, 1)) % 2 === 1
  // Framed like a product shot: the item fills about two thirds of the picture (closer on every
  // other shot), centred, standing on the table a little in front of the wall.
  const unit = extentOf(view, flip)
  const w = unit[2] - unit[0]
  const h = unit[3] - unit[1]
  const target = 0.6 + rng.next() * 0.1 + (variant % 2) * 0.08
  const scale = min(target / max(w, h), 0.8 / h, 0.88 / w)
  const bottom = min(horizon / size + 0.03 + rng.next() * 0.08, 0.94)
  const frame: Frame = {
    size,
    scale,
    flip,
    ox: (rng.next() - 0.5) * 0.06 - ((unit[0] + unit[2]) / 2 - 0.5) * scale,
    oy: max(bottom - 0.5 - (unit[3] - 0.5) * scale, 0.06 - 0.5 - (unit[1] - 0.5) * scale),
  }
  const shapes = view.map((p) =>
    shapeOf(p, frame, Array.isArray(p.c) ? hsl(p.c as Hsl) : tones[p.c as Tone]),
  )
  return { size, shapes, wall, table, horizon }
}

/** Which shapes touch each tile (with a pixel of margin for anti-aliasing). */
const bucketsOf = (shapes: Shape[], size: number) => {
  const tiles = Math.ceil(size / TILE)
  const buckets: number[][] = Array.from({ length: tiles * tiles }, () => [])
  for (let k = 0; k < shapes.length; k++) {
    const b = shapes[k].box
    const tx0 = max(0, floor((b[0] - 1) / TILE))
    const ty0 = max(0, floor((b[1] - 1) / TILE))
    const tx1 = min(tiles - 1, floor((b[2] + 1) / TILE))
    const ty1 = min(tiles - 1, floor((b[3] + 1) / TILE))
    for (let ty = ty0; ty <= ty1; ty++)
      for (let tx = tx0; tx <= tx1; tx++) buckets[ty * tiles + tx].push(k)
  }
  return { tiles, buckets }
}

/**
 * Where the photo shows the item: for each pixel, the topmost of the item's parts that covers at
 * least half of it, or -1 (background). For tests of what is drawn.
 */
export const itemParts = (options: PhotoOptions): Int16Array => {
  const { size, shapes } = compose(options)
  const { tiles, buckets } = bucketsOf(shapes, size)
  const out = new Int16Array(size * size).fill(-1)
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const bucket = buckets[floor(y / TILE) * tiles + floor(x / TILE)]
      for (let n = 0; n < bucket.length; n++)
        if (shapes[bucket[n]].sdf(x + 0.5, y + 0.5) <= 0) out[y * size + x] = bucket[n]
    }
  return out
}

/** A PNG stand-in photo of an item of the kind. */
export const generatePhoto = (options: PhotoOptions): Buffer => {
  const { size, shapes, wall, table, horizon } = compose(options)

  // The item's extent: its contact shadow sits under it, and its light falls off downwards.
  let gx0 = size
  let gy0 = size
  let gx1 = 0
  let gy1 = 0
  for (const s of shapes) {
    gx0 = min(gx0, s.box[0])
    gy0 = min(gy0, s.box[1])
    gx1 = max(gx1, s.box[2])
    gy1 = max(gy1, s.box[3])
  }
  const shadowX = (gx0 + gx1) / 2
  const shadowY = gy1 - size * 0.005
  const shadowRx = ((gx1 - gx0) / 2) * 1.08 + size * 0.02
  const shadowRy = max(size * 0.018, (gx1 - gx0) * 0.07)
  const spanY = max(1, gy1 - gy0)

  const { tiles, buckets } = bucketsOf(shapes, size)

  // Each row is written PNG-filtered ("Up": the difference from the row above), which smooth
  // gradients compress well, so encoding is a single deflate.
  const stride = size * 3 + 1
  const rows = Buffer.alloc(stride * size)
  const above = new Uint8Array(size * 3)
  // The light's sideways falloff, the same on every row.
  const falloff = new Float32Array(size)
  for (let x = 0; x < size; x++) falloff[x] = (((x + 0.5) / size - 0.35) * 0.22) ** 2 * 2
  for (let y = 0; y < size; y++) {
    rows[y * stride] = PNG_FILTER.up
    const py = y + 0.5
    const onTable = py >= horizon
    const base = onTable ? table : wall
    // Light from above: the wall brightens towards the top, the table towards the wall.
    const fy = onTable ? 1.03 - ((py - horizon) / size) * 0.25 : 0.97 + (1 - py / horizon) * 0.06
    const edge = abs(py - horizon) < 1 ? 0.92 : 1
    const shade = 1.06 - clamp01((py - gy0) / spanY) * 0.14
    const tileRow = floor(y / TILE) * tiles
    const sy = (py - shadowY) / shadowRy
    const shadowRow = sy > -1.4 && sy < 1.4
    for (let x = 0; x < size; x++) {
      const px = x + 0.5
      const light = (fy - falloff[x]) * edge
      let r = base[0] * light
      let g = base[1] * light
      let b = base[2] * light
      // Contact shadow: darkest under the item's middle, fading out past its sides.
      const sx = (px - shadowX) / shadowRx
      if (shadowRow && sx > -1.4 && sx < 1.4) {
        const k = hypot(sx, sy)
        if (k < 1.4) {
          const a = 0.3 * ((1.4 - k) / 1.4) * ((1.4 - k) / 1.4)
          r *= 1 - a
          g *= 1 - a
          b *= 1 - a
        }
      }
      // Front to back: the topmost parts first, and nothing under a part that hides it all.
      const bucket = buckets[tileRow + floor(x / TILE)]
      let left = 1
      let fr = 0
      let fg = 0
      let fb = 0
      for (let n = bucket.length - 1; n >= 0 && left > 0.002; n--) {
        const s = shapes[bucket[n]]
        const bx = s.box
        if (px < bx[0] - 1 || px > bx[2] + 1 || py < bx[1] - 1 || py > bx[3] + 1) continue
        const cover = min(1, max(0, 0.5 - s.sdf(px, py)))
        if (cover === 0) continue
        const w = cover * left * shade
        const c = s.color
        fr += c[0] * w
        fg += c[1] * w
        fb += c[2] * w
        left *= 1 - cover
      }
      r = fr + r * left
      g = fg + g * left
      b = fb + b * left
      const i = x * 3
      const o = y * stride + 1 + i
      const rr = r > 255 ? 255 : r | 0
      const gg = g > 255 ? 255 : g | 0
      const bb = b > 255 ? 255 : b | 0
      rows[o] = rr - above[i]
      rows[o + 1] = gg - above[i + 1]
      rows[o + 2] = bb - above[i + 2]
      above[i] = rr
      above[i + 1] = gg
      above[i + 2] = bb
    }
  }
  return encodeRgbPng(size, size, rows)
}

/** A 160×160 avatar: a symmetric 5×5 pattern on a pastel square, like a GitHub identicon. */
export const generateAvatar = (rng: Rng, size = 160): Buffer => {
  const hue = rng.int(0, 359)
  const bg = hsl([hue, 0.5, 0.9])
  const fg = hsl([hue + 20, 0.55, 0.55])
  const cells: boolean[] = []
  for (let row = 0; row < 5; row++) {
    const half = [rng.chance(0.5), rng.chance(0.5), rng.chance(0.6)]
    cells.push(half[0], half[1], half[2], half[1], half[0])
  }
  const pad = size * 0.15
  const cell = (size - 2 * pad) / 5
  const stride = size * 3 + 1
  const rows = Buffer.alloc(stride * size)
  for (let y = 0; y < size; y++) {
    rows[y * stride] = PNG_FILTER.none
    for (let x = 0; x < size; x++) {
      const cx = floor((x - pad) / cell)
      const cy = floor((y - pad) / cell)
      const on = cx >= 0 && cx < 5 && cy >= 0 && cy < 5 && cells[cy * 5 + cx]
      const c = on ? fg : bg
      const i = y * stride + 1 + x * 3
      rows[i] = c[0]
      rows[i + 1] = c[1]
      rows[i + 2] = c[2]
    }
  }
  return encodeRgbPng(size, size, rows)
}
