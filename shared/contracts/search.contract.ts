import { z } from 'zod'
import { CITY_NAMES } from '../domain/cities'
import { GeoPointSchema } from '../domain/geo'
import {
  CATEGORY_IDS,
  CONDITION_IDS,
  LISTING_KINDS,
  SUBCATEGORY_IDS,
  TRADE_METHOD_IDS,
} from '../domain/listing'
import { FenSchema } from '../domain/money'
import { SEARCH_LIMITS } from '../domain/search'
import { IdSchema, PageQuerySchema } from './common.schema'
import { defineContract } from './define-contract'
import { userText } from './user-text'
import { ListingPageSchema } from './listing-card.schema'

export { SEARCH_LIMITS }

export const SEARCH_SORTS = ['relevance', 'newest', 'price_asc', 'price_desc', 'distance'] as const
export type SearchSort = (typeof SEARCH_SORTS)[number]

export const KeywordSchema = userText({
  min: 1,
  max: SEARCH_LIMITS.keywordMax,
  label: '关键词',
  tooShort: '请输入关键词',
})

/** One query combining keyword, filters, distance and sort; every field but city is optional. */
export const SearchQuerySchema = z
  .object({
    keyword: KeywordSchema.optional(),
    city: z.enum(CITY_NAMES, { error: '暂不支持该城市' }),
    category: z
      .union([z.enum(CATEGORY_IDS), z.enum(SUBCATEGORY_IDS)], { error: '未知分类' })
      .optional(),
    priceMinFen: FenSchema.optional(),
    priceMaxFen: FenSchema.optional(),
    conditions: z.array(z.enum(CONDITION_IDS)).max(4).optional(),
    trade: z.array(z.enum(TRADE_METHOD_IDS)).max(3).optional(),
    kind: z.enum(LISTING_KINDS).optional(),
    /** The viewer's point: needed for distance sort and radius, and to show distances. */
    near: GeoPointSchema.optional(),
    radiusKm: z
      .number()
      .min(SEARCH_LIMITS.radiusKmMin, `距离至少 ${SEARCH_LIMITS.radiusKmMin} 公里`)
      .max(SEARCH_LIMITS.radiusKmMax, `距离最多 ${SEARCH_LIMITS.radiusKmMax} 公里`)
      .optional(),
    communityId: IdSchema.optional(),
    sort: z.enum(SEARCH_SORTS).default('relevance'),
    ...PageQuerySchema.shape,
  })
  .strict()
  .superRefine((q, ctx) => {
    if (
      q.priceMinFen !== undefined &&
      q.priceMaxFen !== undefined &&
      q.priceMinFen > q.priceMaxFen
    ) {
      ctx.addIssue({ code: 'custom', path: ['priceMaxFen'], message: '最高价不能低于最低价' })
    }
    if ((q.sort === 'distance' || q.radiusKm !== undefined) && !q.near) {
      ctx.addIssue({ code: 'custom', path: ['near'], message: '按距离查找需要你的位置' })
    }
  })
export type SearchQuery = z.input<typeof SearchQuerySchema>

/** What to try when a keyword found nothing. */
export const SearchFallbackSchema = z.object({
  /** The category closest to what was asked that has listings in the city. */
  category: z
    .object({ id: z.union([z.enum(CATEGORY_IDS), z.enum(SUBCATEGORY_IDS)]), label: z.string() })
    .nullable(),
  /** The keyword with its least telling words left out, when that finds listings. */
  keyword: z.string().nullable(),
})
export type SearchFallback = z.infer<typeof SearchFallbackSchema>

export const SearchPageSchema = ListingPageSchema.extend({
  /** Only on a first page that found nothing for a keyword, when there is something to offer. */
  fallback: SearchFallbackSchema.nullable(),
})
export type SearchPage = z.infer<typeof SearchPageSchema>

export const SearchContract = defineContract('search', {
  query: {
    summary:
      'Active listings matching keyword (synonyms, brands, categories, pinyin understood), filters and distance, in the chosen order; a nearest category and a shorter keyword when nothing matched.',
    auth: 'public',
    input: SearchQuerySchema,
    output: SearchPageSchema,
    errors: [],
  },
  suggest: {
    summary:
      'Completions for what the user is typing: their own history, then category names, brands and things (typed or as pinyin) that find listings in the city, then title words.',
    auth: 'public',
    input: z.object({ prefix: KeywordSchema, city: z.enum(CITY_NAMES) }).strict(),
    output: z.object({ suggestions: z.array(z.string()) }),
    errors: [],
  },
  hot: {
    summary: "The city's most searched keywords over the last 7 days.",
    auth: 'public',
    input: z.object({ city: z.enum(CITY_NAMES) }).strict(),
    output: z.object({ keywords: z.array(z.string()) }),
    errors: [],
  },
  history: {
    summary: "The caller's recent searches, newest first.",
    auth: 'user',
    input: z.object({}).strict(),
    output: z.object({ keywords: z.array(z.string()) }),
    errors: [],
  },
  clearHistory: {
    summary: "Forgets the caller's search history.",
    auth: 'user',
    input: z.object({}).strict(),
    output: z.object({ cleared: z.number().int() }),
    errors: [],
  },
})
