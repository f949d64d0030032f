// Draws the four tab-bar icons as small PNGs (WeChat's tab bar takes local PNG/JPG only, ≤40 KB).
// Also the empty-state illustration (NutUI's default one is a remote image the local demo cannot
// reach). Run once: node miniprogram/scripts/make-assets.cjs — the output is committed in src/assets.
const fs = require('node:fs')
const path = require('node:path')
const { PNG } = require('pngjs')

let SIZE = 81
const out = path.join(__dirname, '../src/assets')

// Shapes are signed-distance functions in a 0..1 box; negative inside. Anti-aliased by 1px.
const box = (x, y, cx, cy, hw, hh, r = 0) => {
  const dx = Math.abs(x - cx) - hw + r
  const dy = Math.abs(y - cy) - hh + r
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - r
}
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r
const ring = (d, w) => Math.abs(d) - w / 2
const tri = (x, y) => {
  // roof: apex (0.5,0.16), base y=0.48 from 0.14 to 0.86
  const k = (0.48 - 0.16) / 0.36
  const left = y - 0.16 - k * (0.5 - x)
  const right = y - 0.16 - k * (x - 0.5)
  return Math.max(-Math.min(left, right) * 0.75, y - 0.48)
}
const union = (...d) => Math.min(...d)
const minus = (a, b) => Math.max(a, -b)
const W = 0.075 // stroke width

const icons = {
  home: (x, y) => ring(union(tri(x, y), box(x, y, 0.5, 0.63, 0.27, 0.2, 0.03)), W),
  publish: (x, y, on) =>
    on
      ? minus(
          circle(x, y, 0.5, 0.5, 0.4),
          union(box(x, y, 0.5, 0.5, 0.2, 0.04), box(x, y, 0.5, 0.5, 0.04, 0.2)),
        )
      : union(
          ring(circle(x, y, 0.5, 0.5, 0.38), W),
          box(x, y, 0.5, 0.5, 0.19, 0.035),
          box(x, y, 0.5, 0.5, 0.035, 0.19),
        ),
  messages: (x, y) =>
    union(
      ring(box(x, y, 0.5, 0.45, 0.36, 0.27, 0.1), W),
      tri2(x, y),
      circle(x, y, 0.33, 0.45, 0.05),
      circle(x, y, 0.5, 0.45, 0.05),
      circle(x, y, 0.67, 0.45, 0.05),
    ),
  me: (x, y) =>
    union(
      ring(circle(x, y, 0.5, 0.34, 0.16), W),
      ring(minus(circle(x, y, 0.5, 0.95, 0.36), box(x, y, 0.5, 1.1, 0.6, 0.22)), W),
    ),
}
// the tail of the speech bubble
function tri2(x, y) {
  if (y < 0.68 || y > 0.88) return Math.max(0.68 - y, y - 0.88)
  const t = (y - 0.68) / 0.2
  return Math.max(0.3 - x, x - (0.44 - t * 0.14))
}

const draw = (name, fn, on) => {
  const png = new PNG({ width: SIZE, height: SIZE })
  const [r, g, b] = on ? [0xff, 0x4d, 0x2e] : [0x8a, 0x8a, 0x8a]
  for (let py = 0; py < SIZE; py++)
    for (let px = 0; px < SIZE; px++) {
      const d = fn((px + 0.5) / SIZE, (py + 0.5) / SIZE, on) * SIZE
      const a = Math.max(0, Math.min(1, 0.5 - d))
      const i = (py * SIZE + px) * 4
      png.data[i] = r
      png.data[i + 1] = g
      png.data[i + 2] = b
      png.data[i + 3] = Math.round(a * 255)
    }
  fs.writeFileSync(path.join(out, `tab-${name}${on ? '-on' : ''}.png`), PNG.sync.write(png))
}

fs.mkdirSync(out, { recursive: true })
for (const [name, fn] of Object.entries(icons)) {
  draw(name, fn, false)
  draw(name, fn, true)
}

// Empty state: an open parcel box in soft greys with a brand-coloured dot.
SIZE = 200
const emptyBox = (x, y) =>
  union(box(x, y, 0.5, 0.62, 0.3, 0.2, 0.02), box(x, y, 0.5, 0.38, 0.34, 0.05, 0.02))
const png = new PNG({ width: SIZE, height: SIZE })
for (let py = 0; py < SIZE; py++)
  for (let px = 0; px < SIZE; px++) {
    const x = (px + 0.5) / SIZE
    const y = (py + 0.5) / SIZE
    const i = (py * SIZE + px) * 4
    const shadow = Math.max(
      0,
      Math.min(1, 0.5 - (Math.hypot((x - 0.5) / 0.42, (y - 0.86) / 0.05) - 1) * 20),
    )
    const body = Math.max(0, Math.min(1, 0.5 - emptyBox(x, y) * SIZE))
    const stripe = Math.max(0, Math.min(1, 0.5 - box(x, y, 0.5, 0.55, 0.05, 0.13) * SIZE))
    const dot = Math.max(0, Math.min(1, 0.5 - circle(x, y, 0.74, 0.2, 0.05) * SIZE))
    let [r, g, b, a] = [0xe6, 0xe8, 0xeb, shadow * 0.8]
    if (body) [r, g, b, a] = [0xd5, 0xd9, 0xde, Math.max(a, body)]
    if (stripe) [r, g, b] = [0xc2, 0xc7, 0xcd]
    if (dot) [r, g, b, a] = [0xff, 0x7a, 0x45, Math.max(a, dot)]
    png.data[i] = r
    png.data[i + 1] = g
    png.data[i + 2] = b
    png.data[i + 3] = Math.round(a * 255)
  }
fs.writeFileSync(path.join(out, 'empty.png'), PNG.sync.write(png))
