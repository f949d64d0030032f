import type { Box, Ctx2D } from './canvas-2d'

/** A rounded rectangle as the current path (arcTo: in every Canvas 2D, unlike roundRect). */
export const roundRectPath = (ctx: Ctx2D, { x, y, w, h }: Box, radius: number) => {
  const r = Math.min(radius, w / 2, h / 2)
  ctx.beginPath()
  ctx.moveTo(x + r, y)
  ctx.arcTo(x + w, y, x + w, y + h, r)
  ctx.arcTo(x + w, y + h, x, y + h, r)
  ctx.arcTo(x, y + h, x, y, r)
  ctx.arcTo(x, y, x + w, y, r)
  ctx.closePath()
}

export const fillRoundRect = (ctx: Ctx2D, box: Box, radius: number, color: string) => {
  ctx.fillStyle = color
  roundRectPath(ctx, box, radius)
  ctx.fill()
}
