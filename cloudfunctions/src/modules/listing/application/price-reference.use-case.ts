import type { PriceReference } from '@shared/contracts/listing.contract'
import type { Deps } from '../../deps'
import { Listings } from '../domain/listing.record'

/** How many recent comparable listings the reference looks at. */
const SAMPLE = 300

/**
 * The price reference a seller sees while pricing: median and the middle half (p25–p75) of
 * comparable sold and active listings in the city, narrowed by subcategory and, when given, by
 * the words of the title (a listing counts if its title shares any of them).
 */
export const priceReference = async (
  deps: Pick<Deps, 'store'>,
  q: { city: string; category: string; subcategory?: string; keyword?: string },
): Promise<PriceReference> => {
  const page = await deps.store.find(
    Listings,
    {
      city: q.city,
      category: q.category,
      status: { $in: ['active', 'sold'] },
      // A banned seller's prices (often the reason for the ban) do not set anyone else's.
      sellerBannedUntil: null,
      // Nor do the prices of listings held for review (a 高仿 at a tenth of the price).
      reviewHeldAt: null,
      ...(q.subcategory ? { subcategory: q.subcategory } : {}),
    },
    { orderBy: { field: 'sortKey', direction: 'desc' }, limit: SAMPLE },
  )
  const words = (q.keyword ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length >= 2)
  const comparable = page.items.filter(
    (l) => words.length === 0 || words.some((w) => l.title.toLowerCase().includes(w)),
  )
  const prices = comparable.map((l) => l.priceFen).sort((a, b) => a - b)
  return {
    count: prices.length,
    soldCount: comparable.filter((l) => l.status === 'sold').length,
    medianFen: quantile(prices, 0.5),
    lowFen: quantile(prices, 0.25),
    highFen: quantile(prices, 0.75),
  }
}

/** Linear-interpolated quantile of sorted integers, rounded to whole fen; null when empty. */
export const quantile = (sorted: number[], q: number): number | null => {
  if (sorted.length === 0) return null
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return Math.round(sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo))
}
