import type { SearchQuery, SearchSort } from '@shared/contracts/search.contract'
import type { GeoPoint } from '@shared/domain/geo'
import {
  type ConditionId,
  type ListingKind,
  type TradeMethod,
  categoryLabel,
  parentCategory,
} from '@shared/domain/listing'
import { MAX_PRICE_FEN, fenAtMost, formatFen, parseYuanInput } from '@shared/domain/money'

/** Everything the filter bar holds. Prices stay as typed until they are applied. */
export interface SearchFilters {
  sort: SearchSort
  /** A top-level id ('digital') or a leaf ('digital.earphones'); null = every category. */
  category: string | null
  priceMin: string
  priceMax: string
  conditions: ConditionId[]
  trade: TradeMethod[]
  kind: ListingKind | null
}

export const EMPTY_FILTERS: SearchFilters = {
  sort: 'relevance',
  category: null,
  priceMin: '',
  priceMax: '',
  conditions: [],
  trade: [],
  kind: null,
}

/** The sort menu, in the order 闲鱼 users know it. */
export const SORT_OPTIONS: { id: SearchSort; label: string }[] = [
  { id: 'relevance', label: '综合' },
  { id: 'newest', label: '最新发布' },
  { id: 'price_asc', label: '价格从低到高' },
  { id: 'price_desc', label: '价格从高到低' },
  { id: 'distance', label: '离我最近' },
]

export const sortLabel = (sort: SearchSort) =>
  sort === 'relevance'
    ? '综合'
    : sort === 'price_asc'
      ? '价格↑'
      : sort === 'price_desc'
        ? '价格↓'
        : sort === 'newest'
          ? '最新'
          : '距离'

// The search contract's cap on a price bound; over it the box says the maximum, as the publish
// form's price field does.
const PriceBoundSchema = fenAtMost(MAX_PRICE_FEN, `价格最多 ${formatFen(MAX_PRICE_FEN)}`)

/** A price box's text in fen ('' is "no bound", null is not an amount); any number of digits reads. */
const typedFen = (text: string): number | undefined | null =>
  text.trim() === '' ? undefined : parseYuanInput(text)

/** What is wrong with one typed bound, or null. */
const boundError = (text: string): string | null => {
  const fen = typedFen(text)
  if (fen === undefined) return null
  if (fen === null) return '价格最多两位小数'
  const checked = PriceBoundSchema.safeParse(fen)
  return checked.success ? null : checked.error.issues[0].message
}

/** A bound that can be sent: undefined when empty, null when it cannot (unreadable, over the cap). */
const bound = (text: string): number | undefined | null =>
  boundError(text) ? null : typedFen(text)

/** What is wrong with the typed price range, or null when it can be applied. */
export const priceRangeError = (min: string, max: string): string | null => {
  const err = boundError(min) ?? boundError(max)
  if (err) return err
  const lo = bound(min)
  const hi = bound(max)
  if (lo != null && hi != null && lo > hi) return '最高价不能低于最低价'
  return null
}

/** Yuan without separators, so the bar's narrow button fits "¥100-1000". */
const yuan = (fen: number) => formatFen(fen).replace(/[¥,]/g, '')

/** "¥100-500", "¥100以上", "¥500以下", or '价格' when unbounded. */
export const priceLabel = (f: Pick<SearchFilters, 'priceMin' | 'priceMax'>): string => {
  const lo = bound(f.priceMin)
  const hi = bound(f.priceMax)
  if (lo != null && hi != null) return `¥${yuan(lo)}-${yuan(hi)}`
  if (lo != null) return `¥${yuan(lo)}以上`
  if (hi != null) return `¥${yuan(hi)}以下`
  return '价格'
}

/** '分类', a top-level label, or a leaf label. */
export const categoryFilterLabel = (category: string | null) =>
  category ? categoryLabel(category) : '分类'

/** How many choices sit behind the 筛选 button (condition, trade, kind). */
export const extraFilterCount = (f: SearchFilters) =>
  f.conditions.length + f.trade.length + (f.kind ? 1 : 0)

/** Top-level category of the current choice, for opening the two-level picker on the right column. */
export const topOf = (category: string | null): string | null =>
  category === null ? null : category.includes('.') ? (parentCategory(category) ?? null) : category

export interface QueryContext {
  city: string
  keyword?: string
  near?: GeoPoint | null
  communityId?: string
  cursor?: string
  limit?: number
}

/**
 * The search function's query from the filter bar. Empty filters are left out rather than sent
 * empty; goods-only filters (condition, trade) are dropped when only services are wanted; an
 * unreadable price bound is dropped (the panel refuses to apply one, so this is only a guard).
 */
export const toSearchQuery = (f: SearchFilters, ctx: QueryContext): SearchQuery => {
  const q: SearchQuery = { city: ctx.city, sort: f.sort }
  const keyword = ctx.keyword?.trim()
  if (keyword) q.keyword = keyword
  if (f.category) q.category = f.category as SearchQuery['category']
  const lo = bound(f.priceMin)
  const hi = bound(f.priceMax)
  if (lo != null) q.priceMinFen = lo
  if (hi != null) q.priceMaxFen = hi
  if (f.kind) q.kind = f.kind
  if (f.kind !== 'service') {
    if (f.conditions.length) q.conditions = [...f.conditions]
    if (f.trade.length) q.trade = [...f.trade]
  }
  if (ctx.near) q.near = { latitude: ctx.near.latitude, longitude: ctx.near.longitude }
  // Without a position the server cannot sort by distance: fall back to relevance, never fail.
  if (q.sort === 'distance' && !q.near) q.sort = keyword ? 'relevance' : 'newest'
  if (q.sort === 'relevance' && !keyword) q.sort = 'newest'
  if (ctx.communityId) q.communityId = ctx.communityId
  if (ctx.cursor) q.cursor = ctx.cursor
  if (ctx.limit) q.limit = ctx.limit
  return q
}
