import type { PosterSchema } from '@shared/contracts/share.contract'
import { CARD_STATUS_LABELS, type CardStatus } from '@shared/domain/share'
import { formatFen } from '@shared/domain/money'
import type { z } from 'zod'
import type { Box, Ctx2D, ImageLike } from './canvas-2d'
import { coverCrop } from './image-fit'
import { fillRoundRect, roundRectPath } from './shapes'
import { fitLine, wrapText } from './text-fit'

export type PosterData = z.infer<typeof PosterSchema>

/** The poster in layout units: 750 wide (a phone screen in rpx), 5:8 like a phone photo. */
export const POSTER = { width: 750, height: 1200 } as const

/** Where each part goes; tests check every drawing call lands inside its box. */
export const POSTER_BOXES = {
  cover: { x: 40, y: 40, w: 670, h: 620 },
  status: { x: 64, y: 64, w: 140, h: 52 },
  price: { x: 40, y: 688, w: 670, h: 72 },
  title: { x: 40, y: 776, w: 670, h: 100 },
  divider: { x: 40, y: 906, w: 670, h: 2 },
  seller: { x: 40, y: 948, w: 440, h: 40 },
  appName: { x: 40, y: 1030, w: 440, h: 52 },
  slogan: { x: 40, y: 1094, w: 440, h: 32 },
  qr: { x: 510, y: 930, w: 200, h: 200 },
  caption: { x: 490, y: 1142, w: 240, h: 30 },
} as const satisfies Record<string, Box>

export const APP_NAME = '邻圈'
export const SLOGAN = '邻居间的闲置好物'
export const QR_CAPTION = '长按识别小程序码'
export const FONT_FAMILY = 'sans-serif'

export const COLORS = {
  paper: '#ffffff',
  placeholder: '#f0f1f3',
  price: '#ff4d2e',
  text: '#1f1f1f',
  muted: '#8a8a8a',
  divider: '#eeeeee',
} as const

/** The status badge: 在售 in the app's red, 已预订 amber, 已售出 grey. */
export const STATUS_COLORS: Record<CardStatus, string> = {
  on_sale: '#ff4d2e',
  reserved: '#f59a23',
  sold: '#8a8a8a',
}

const TITLE = { size: 34, lineHeight: 50, lines: 2 }

export const font = (size: number, weight: 'normal' | 'bold' = 'normal') =>
  `${weight === 'bold' ? 'bold ' : ''}${size}px ${FONT_FAMILY}`

/**
 * The poster's pixel size for a canvas shown `cssWidth` wide at `pixelRatio`: sharp on that
 * screen, never under 750 px wide (the saved image must survive 朋友圈's compression) nor over
 * 1500 (WeChat's canvas and memory limits), and a multiple of 5 so the height is exact.
 */
export const posterPixels = (cssWidth: number, pixelRatio: number) => {
  const wanted = Math.round((cssWidth * pixelRatio) / 5) * 5
  const width = Math.min(1500, Math.max(POSTER.width, wanted))
  return { width, height: (width / 5) * 8 }
}

export interface PosterImages {
  cover: ImageLike | null
  qr: ImageLike
}

/**
 * Draws the poster on a context whose canvas is `pixelWidth` wide (see posterPixels): the
 * cover photo (or a plain placeholder), its status, the price, the title in two lines, the
 * seller, the app's name and the 小程序码 with "长按识别小程序码" under it.
 */
export const drawPoster = (
  ctx: Ctx2D,
  pixelWidth: number,
  poster: PosterData,
  images: PosterImages,
) => {
  const b = POSTER_BOXES
  ctx.save()
  ctx.scale(pixelWidth / POSTER.width, pixelWidth / POSTER.width)
  ctx.textBaseline = 'top'
  ctx.textAlign = 'left'
  ctx.fillStyle = COLORS.paper
  ctx.fillRect(0, 0, POSTER.width, POSTER.height)

  drawCover(ctx, b.cover, images.cover)
  drawBadge(ctx, b.status, CARD_STATUS_LABELS[poster.status], STATUS_COLORS[poster.status])
  drawPrice(ctx, b.price, poster.priceFen)

  ctx.font = font(TITLE.size, 'bold')
  ctx.fillStyle = COLORS.text
  wrapText(ctx, poster.title, b.title.w, TITLE.lines).forEach((line, i) =>
    ctx.fillText(line, b.title.x, b.title.y + i * TITLE.lineHeight),
  )

  ctx.fillStyle = COLORS.divider
  ctx.fillRect(b.divider.x, b.divider.y, b.divider.w, b.divider.h)

  ctx.font = font(28)
  ctx.fillStyle = COLORS.muted
  ctx.fillText(fitLine(ctx, `卖家 ${poster.sellerNickname}`, b.seller.w), b.seller.x, b.seller.y)
  ctx.font = font(44, 'bold')
  ctx.fillStyle = COLORS.text
  ctx.fillText(APP_NAME, b.appName.x, b.appName.y)
  ctx.font = font(26)
  ctx.fillStyle = COLORS.muted
  ctx.fillText(SLOGAN, b.slogan.x, b.slogan.y)

  drawImageIn(ctx, images.qr, b.qr)
  ctx.font = font(22)
  ctx.textAlign = 'center'
  ctx.fillText(QR_CAPTION, b.caption.x + b.caption.w / 2, b.caption.y)
  ctx.restore()
}

/** The whole image scaled into the box (the QR code is square, as is its box). */
const drawImageIn = (ctx: Ctx2D, image: ImageLike, box: Box) =>
  ctx.drawImage(image, 0, 0, image.width, image.height, box.x, box.y, box.w, box.h)

/** The cover cropped to fill its rounded box, or a placeholder with the app's name. */
export const drawCover = (ctx: Ctx2D, box: Box, cover: ImageLike | null, radius = 16) => {
  ctx.save()
  roundRectPath(ctx, box, radius)
  ctx.clip()
  ctx.fillStyle = COLORS.placeholder
  ctx.fillRect(box.x, box.y, box.w, box.h)
  if (cover) {
    const { sx, sy, sw, sh } = coverCrop(cover, box)
    ctx.drawImage(cover, sx, sy, sw, sh, box.x, box.y, box.w, box.h)
  } else {
    const size = Math.round(box.h / 6)
    ctx.font = font(size, 'bold')
    ctx.fillStyle = COLORS.muted
    ctx.textAlign = 'center'
    ctx.fillText(APP_NAME, box.x + box.w / 2, box.y + (box.h - size) / 2)
    ctx.textAlign = 'left'
  }
  ctx.restore()
}

/** A pill with white text centred in `box`, sized to the text's box height. */
export const drawBadge = (ctx: Ctx2D, box: Box, text: string, color: string) => {
  const size = Math.round(box.h * 0.55)
  ctx.font = font(size, 'bold')
  const width = Math.min(box.w, ctx.measureText(text).width + box.h)
  fillRoundRect(ctx, { ...box, w: width }, box.h / 2, color)
  ctx.fillStyle = COLORS.paper
  ctx.textAlign = 'center'
  ctx.fillText(text, box.x + width / 2, box.y + (box.h - size) / 2)
  ctx.textAlign = 'left'
}

/** "¥" small and the amount large, as the app's price tags show money (formatFen). */
export const drawPrice = (
  ctx: Ctx2D,
  box: Box,
  priceFen: number,
  size = 64,
  color: string = COLORS.price,
) => {
  const amount = formatFen(priceFen).replace('¥', '')
  const sign = Math.round(size * 0.55)
  ctx.fillStyle = color
  ctx.font = font(sign, 'bold')
  ctx.fillText('¥', box.x, box.y + size - sign)
  const signWidth = ctx.measureText('¥').width + 4
  ctx.font = font(size, 'bold')
  ctx.fillText(fitLine(ctx, amount, box.w - signWidth), box.x + signWidth, box.y)
}
