import type { ShareCreated } from '@shared/contracts/share.contract'
import { loadImage } from './poster/load-image'
import { createOffscreenSurface } from './poster/offscreen-surface'
import { SHARE_CARD, type ShareCardFace, paintShareCard } from './poster/share-card-layout'

/** What a share answer's card holds (ShareCreated['card']); only listings have price and status. */
export type ShareCardSource = Pick<ShareCreated['card'], 'imageUrl' | 'priceFen' | 'status'>

/**
 * onShareAppMessage may wait up to 3 s for its `promise` before WeChat uses the default card:
 * past this the cover is used as it is.
 */
export const SHARE_CARD_DEADLINE_MS = 2500

/**
 * Draws a listing's card image (5:4: the cover with its price and 在售 / 已预订 / 已售出) on an
 * offscreen canvas: a temp file path in the weapp, a data URL in the browser. Throws when there
 * is no canvas or the cover will not load.
 */
export const drawShareCard = async (card: ShareCardFace & { imageUrl: string | null }) => {
  const { width, height, scale } = SHARE_CARD
  const surface = createOffscreenSurface(width * scale, height * scale)
  if (!surface) throw new Error('no offscreen canvas')
  const cover = card.imageUrl
    ? await loadImage(surface, card.imageUrl, SHARE_CARD_DEADLINE_MS)
    : null
  if (card.imageUrl && !cover) throw new Error('cover did not load')
  paintShareCard(surface.ctx, card, cover)
  return surface.exportImage()
}

const before = <T>(promise: Promise<T>, ms: number) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('share card took too long')), ms)
    promise.then(resolve, reject).finally(() => clearTimeout(timer))
  })

/**
 * The image for onShareAppMessage: the drawn card for a listing, its cover URL as it is when
 * drawing fails or takes too long, and for storefronts and communities (no price) the card's own
 * image; '' when there is none (WeChat then uses a screenshot of the page).
 */
export const shareCardImage = async (card: ShareCardSource): Promise<string> => {
  const fallback = card.imageUrl ?? ''
  if (card.priceFen === null || card.status === null) return fallback
  try {
    return await before(
      drawShareCard({ priceFen: card.priceFen, status: card.status, imageUrl: card.imageUrl }),
      SHARE_CARD_DEADLINE_MS,
    )
  } catch {
    return fallback
  }
}
