import type { Box, ImageLike } from './canvas-2d'

/**
 * The part of an image that fills a box without distortion (CSS `object-fit: cover`, the weapp
 * Image's aspectFill): the whole of the shorter side, the middle of the longer one.
 */
export const coverCrop = (image: ImageLike, box: Pick<Box, 'w' | 'h'>) => {
  const scale = Math.max(box.w / image.width, box.h / image.height)
  const sw = box.w / scale
  const sh = box.h / scale
  return { sx: (image.width - sw) / 2, sy: (image.height - sh) / 2, sw, sh }
}
