import { CARD_STATUS_LABELS, type CardStatus } from '@shared/domain/share'
import type { Box, Ctx2D, ImageLike } from './canvas-2d'
import { COLORS, STATUS_COLORS, drawBadge, drawCover, drawPrice, font } from './poster-layout'

/** WeChat shows a chat card's image at 5:4; drawn at 1.5× for sharp phones. */
export const SHARE_CARD = { width: 500, height: 400, scale: 1.5 } as const

export const SHARE_CARD_BOXES = {
  cover: { x: 0, y: 0, w: 500, h: 400 },
  band: { x: 0, y: 304, w: 500, h: 96 },
  price: { x: 24, y: 320, w: 320, h: 64 },
  status: { x: 356, y: 328, w: 120, h: 48 },
} as const satisfies Record<string, Box>

/** What a listing's card shows: its cover, price and 在售 / 已预订 / 已售出. */
export interface ShareCardFace {
  priceFen: number
  status: CardStatus
}

/** A dark band under the price keeps white text readable on any photo. */
const BAND = 'rgba(0, 0, 0, 0.55)'

/** Draws the card on a context whose canvas is SHARE_CARD × scale pixels. */
export const paintShareCard = (ctx: Ctx2D, card: ShareCardFace, cover: ImageLike | null) => {
  const b = SHARE_CARD_BOXES
  ctx.save()
  ctx.scale(SHARE_CARD.scale, SHARE_CARD.scale)
  ctx.textBaseline = 'top'
  ctx.textAlign = 'left'
  drawCover(ctx, b.cover, cover, 0)
  ctx.fillStyle = BAND
  ctx.fillRect(b.band.x, b.band.y, b.band.w, b.band.h)
  drawPrice(ctx, b.price, card.priceFen, 56, COLORS.paper)
  const label = CARD_STATUS_LABELS[card.status]
  // Right-aligned in its box: the pill is as wide as its text.
  ctx.font = font(Math.round(b.status.h * 0.55), 'bold')
  const w = Math.min(b.status.w, ctx.measureText(label).width + b.status.h)
  drawBadge(
    ctx,
    { ...b.status, x: b.status.x + b.status.w - w, w },
    label,
    STATUS_COLORS[card.status],
  )
  ctx.restore()
}
