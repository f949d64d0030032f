import { PNG } from 'pngjs'

/** A photo to upload, as a phone would pick one: a real PNG with a gradient and a "product". */
export const makePhoto = (size = 600): Buffer => {
  const png = new PNG({ width: size, height: size })
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4
      const inside = Math.hypot(x - size / 2, y - size / 2) < size / 4
      png.data[i] = inside ? 40 : 200 + Math.round((55 * x) / size)
      png.data[i + 1] = inside ? 40 : 180 + Math.round((40 * y) / size)
      png.data[i + 2] = inside ? 48 : 160
      png.data[i + 3] = 255
    }
  }
  return PNG.sync.write(png)
}
