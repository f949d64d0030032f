import { CATEGORIES } from '@shared/domain/listing'
import { DAY } from '@shared/domain/time'

/**
 * A person's interest profile, built from their own history only: what they opened, marked 想要,
 * paid for and searched, and whom they follow. Pure and small on purpose: every number below is a
 * named weight with its reason, so a ranking can be explained by reading this file.
 */

export type SignalKind = 'view' | 'want' | 'buy'

/** What the profile reads of a listing a signal is about. */
export interface SignalListing {
  category: string
  subcategory: string | null
  title: string
  priceFen: number
}

/** One thing the person did with one listing, and when. */
export interface ListingSignal {
  kind: SignalKind
  at: number
  listing: SignalListing
}

export interface ProfileHistory {
  signals: ListingSignal[]
  /** The person's searches, newest first (the search history keeps no times). */
  keywords: string[]
  followedSellerIds: string[]
}

export const SIGNAL_WEIGHTS: Record<SignalKind, number> = {
  // Opening a listing is the weakest sign: people open whatever caught their eye.
  view: 1,
  // 想要 is a deliberate tap that says "I would buy this".
  want: 3,
  // Paying is the strongest evidence, of the kind of thing and of a price the person accepts.
  buy: 4,
}
/** A keyword is intent in the person's own words, though not yet about any one listing. */
export const SEARCH_WEIGHT = 2
/** The history is newest first; each older keyword is worth this share of the one after it. */
export const SEARCH_POSITION_DECAY = 0.8
/** Only the newest keywords are read: older searches are yesterday's errands. */
export const SEARCH_KEYWORDS_READ = 10
/** Interests drift: a signal's weight halves every two weeks. */
export const SIGNAL_HALF_LIFE_MS = 14 * DAY
/**
 * How much evidence the profile needs before it speaks with half its voice: about one 想要 and a
 * view. Below that, what is popular nearby still decides most of the order (the cold start).
 */
export const HALF_CONFIDENCE_EVIDENCE = 4

export interface InterestProfile {
  /** Total decayed evidence; 0 for someone the ranking knows nothing about (the cold start). */
  evidence: number
  /** 0..1: how far the profile, rather than popularity, orders the feed. */
  confidence: number
  /** Shares of evidence, each map summing to 1 (or empty). */
  categories: Record<string, number>
  subcategories: Record<string, number>
  brands: Record<string, number>
  /** Keyed by `priceBand`, over everything seen. */
  priceBands: Record<string, number>
  /**
   * The same per category: what someone pays depends on what it is (¥50 for a book, ¥3,000 for
   * a camera), so a category's own bands say more than the mix.
   */
  categoryPriceBands: Record<string, Record<string, number>>
  /** Searched words a title may contain (brands, models), lower-cased. */
  keywords: string[]
  followedSellerIds: string[]
}

export const EMPTY_PROFILE: InterestProfile = {
  evidence: 0,
  confidence: 0,
  categories: {},
  subcategories: {},
  brands: {},
  priceBands: {},
  categoryPriceBands: {},
  keywords: [],
  followedSellerIds: [],
}

/**
 * Price bands double: ¥64–127, ¥128–255 … People shopping for one kind of thing look within about
 * a factor of two of a price, and a log scale treats a ¥30 book and a ¥3,000 camera alike.
 */
export const priceBand = (priceFen: number): number =>
  Math.floor(Math.log2(Math.max(1, priceFen / 100)))

/** Words sellers put before the brand; never a brand themselves. */
const NOT_BRANDS = new Set(['自用', '闲置', '全新', '出售', '转让', '急出', '低价', '个人'])

/**
 * The brand, as sellers write titles (索尼 WH-1000XM5, iPhone 15 Pro, 小米14 …): the leading run of
 * Chinese or of Latin letters. Listings have no brand field; when one exists it replaces this.
 */
export const brandOf = (title: string): string | null => {
  const m = /^\s*([\u4e00-\u9fff]{2,4}|[A-Za-z]{2,})/.exec(title.normalize('NFKC'))
  const word = m?.[1]?.toLowerCase() ?? null
  return word && !NOT_BRANDS.has(word) ? word : null
}

/** Keywords shorter than this say too little to stand for a category (机, 包). */
const MIN_TOPIC_KEYWORD = 2

/**
 * What a searched word is about, from the category tree's own names: 相机 → 相机摄影, 苹果 →
 * 苹果手机, 耳机 → 耳机音箱. A word naming several leaves shares its weight among them.
 */
export const keywordTopics = (
  keyword: string,
): { category: string; subcategory: string | null }[] => {
  const k = keyword.trim().toLowerCase()
  if ([...k].length < MIN_TOPIC_KEYWORD) return []
  const names = (label: string) => label.includes(k) || k.includes(label)
  const leaves = CATEGORIES.flatMap((c) =>
    c.children.filter((s) => names(s.label)).map((s) => ({ category: c.id, subcategory: s.id })),
  )
  if (leaves.length > 0) return leaves
  return CATEGORIES.filter((c) => names(c.label)).map((c) => ({
    category: c.id,
    subcategory: null,
  }))
}

const decay = (ageMs: number) => 0.5 ** (Math.max(0, ageMs) / SIGNAL_HALF_LIFE_MS)

const add = (m: Map<string, number>, key: string, w: number) => m.set(key, (m.get(key) ?? 0) + w)

const shares = (m: Map<string, number>): Record<string, number> => {
  const total = [...m.values()].reduce((a, b) => a + b, 0)
  return total > 0 ? Object.fromEntries([...m].map(([k, v]) => [k, v / total])) : {}
}

/** The profile of one person's history, as of `now`. */
export const buildProfile = (history: ProfileHistory, now: number): InterestProfile => {
  const categories = new Map<string, number>()
  const subcategories = new Map<string, number>()
  const brands = new Map<string, number>()
  const bands = new Map<string, number>()
  const categoryBands = new Map<string, Map<string, number>>()
  let evidence = 0
  for (const s of history.signals) {
    const w = SIGNAL_WEIGHTS[s.kind] * decay(now - s.at)
    evidence += w
    add(categories, s.listing.category, w)
    if (s.listing.subcategory) add(subcategories, s.listing.subcategory, w)
    const brand = brandOf(s.listing.title)
    if (brand) add(brands, brand, w)
    const band = String(priceBand(s.listing.priceFen))
    add(bands, band, w)
    const own = categoryBands.get(s.listing.category) ?? new Map<string, number>()
    categoryBands.set(s.listing.category, add(own, band, w))
  }
  const keywords = history.keywords.slice(0, SEARCH_KEYWORDS_READ)
  keywords.forEach((keyword, i) => {
    // A word with no category (a brand such as 索尼) still counts: titles are matched against it.
    const w = SEARCH_WEIGHT * SEARCH_POSITION_DECAY ** i
    evidence += w
    const topics = keywordTopics(keyword)
    for (const t of topics) {
      add(categories, t.category, w / topics.length)
      if (t.subcategory) add(subcategories, t.subcategory, w / topics.length)
    }
  })
  return {
    evidence,
    confidence: evidence / (evidence + HALF_CONFIDENCE_EVIDENCE),
    categories: shares(categories),
    subcategories: shares(subcategories),
    brands: shares(brands),
    priceBands: shares(bands),
    categoryPriceBands: Object.fromEntries([...categoryBands].map(([c, m]) => [c, shares(m)])),
    keywords: keywords
      .map((k) => k.trim().toLowerCase())
      .filter((k) => [...k].length >= MIN_TOPIC_KEYWORD),
    followedSellerIds: history.followedSellerIds,
  }
}

/** The categories the profile leans to most, strongest first (where to look for more candidates). */
export const topCategories = (profile: InterestProfile, n: number): string[] =>
  Object.entries(profile.categories)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([c]) => c)
