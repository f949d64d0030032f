import type { DrawSurface } from '@/utils/poster/canvas-2d'

/** The on-page canvas the poster is drawn on, with what sizing it needs. */
export interface PosterSurface extends DrawSurface {
  /** How wide the canvas is shown, in CSS px (weapp: px of the page). */
  cssWidth: number
  pixelRatio: number
}

export const CANVAS_ID = 'poster-canvas'
