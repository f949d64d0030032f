import { formatFen } from './money'
import { typicalItem } from './typical-items'

/**
 * Prices a seller most likely did not mean (¥888,888 with a 原价 of ¥1): the publish form asks
 * before sending them. Never a refusal: collectibles, bundles and odd items are real, so the seller
 * confirms and the listing goes out as typed.
 */

/**
 * An asking price above 原价 × this. Sought-after items do sell above retail on 闲鱼 (limited
 * sneakers, sold-out 盲盒 and figures, concert tickets), but rarely past two or three times it;
 * beyond that a digit too many in the price, or too few in 原价, is far likelier.
 */
export const PRICE_OVER_ORIGINAL_RATIO = 3

/**
 * …and at least this much above it: a few yuan over a tiny 原价 (a ¥5 sample whose 原价 said ¥1)
 * is not worth interrupting a seller for.
 */
export const PRICE_OVER_ORIGINAL_MIN_FEN = 10_000

/**
 * A 原价 under the subcategory's typical new price × this. Typical prices are rough and cheap
 * versions exist (a ¥300 phone, a ¥5 paperback), so only a 原价 twenty times under the usual one
 * (¥1 for a phone, ¥2 for a textbook set) is taken for a slip.
 */
export const ORIGINAL_UNDER_TYPICAL_RATIO = 0.05

export type PriceDoubt =
  | { kind: 'over-original'; priceFen: number; originalFen: number }
  | { kind: 'original-under-typical'; originalFen: number; typicalFen: number }

export interface PricedListing {
  priceFen: number
  originalPriceFen?: number | null
  category: string
  subcategory?: string | null
}

/** What looks mistyped about a listing's prices; empty when nothing does. */
export const priceDoubts = (l: PricedListing): PriceDoubt[] => {
  const doubts: PriceDoubt[] = []
  const original = l.originalPriceFen
  if (original == null || original <= 0) return doubts
  if (
    l.priceFen > original * PRICE_OVER_ORIGINAL_RATIO &&
    l.priceFen - original >= PRICE_OVER_ORIGINAL_MIN_FEN
  )
    doubts.push({ kind: 'over-original', priceFen: l.priceFen, originalFen: original })
  const typical = typicalItem(l.category, l.subcategory)
  if (typical && original < typical.newFen * ORIGINAL_UNDER_TYPICAL_RATIO)
    doubts.push({
      kind: 'original-under-typical',
      originalFen: original,
      typicalFen: typical.newFen,
    })
  return doubts
}

/** A doubt in the seller's words, for the confirmation. */
export const priceDoubtText = (d: PriceDoubt): string =>
  d.kind === 'over-original'
    ? `售价 ${formatFen(d.priceFen)} 远高于原价 ${formatFen(d.originalFen)}`
    : `原价 ${formatFen(d.originalFen)} 远低于同类新品常见价（约 ${formatFen(d.typicalFen)}）`
