import sharp from 'sharp'

/**
 * A photo-like picture drawn from a seed: a few soft shapes over a gradient backdrop (what a
 * product photo looks like to a 9×8 hash), as PNG. Different seeds give different pictures.
 */
export const aPicture = async (seed: number, width = 240, height = 180): Promise<Buffer> => {
  let s = seed >>> 0
  const rnd = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32
  const blobs = Array.from({ length: 5 }, () => ({
    x: rnd() * width,
    y: rnd() * height,
    r: (0.1 + rnd() * 0.3) * width,
    c: [rnd() * 255, rnd() * 255, rnd() * 255],
  }))
  const tilt = rnd() * 2 - 1
  const raw = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const base = 120 + 80 * tilt * (x / width - 0.5) + 40 * (y / height - 0.5)
      const px = [base, base, base]
      for (const b of blobs) {
        const d = Math.hypot(x - b.x, y - b.y) / b.r
        const w = Math.max(0, 1 - d * d)
        for (let k = 0; k < 3; k++) px[k] = px[k]! * (1 - w) + b.c[k]! * w
      }
      for (let k = 0; k < 3; k++) raw[(y * width + x) * 3 + k] = Math.max(0, Math.min(255, px[k]!))
    }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer()
}
