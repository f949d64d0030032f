import { z } from 'zod'
import { CITY_NAMES } from '../domain/cities'
import { GeoPointSchema } from '../domain/geo'
import { CATEGORY_IDS } from '../domain/listing'
import { ErrorCodes } from '../errors/error-codes'
import { PageQuerySchema } from './common.schema'
import { defineContract } from './define-contract'
import { ListingPageSchema } from './listing-card.schema'

/**
 * What a 推荐 page was ranked by, so the app can say it honestly: the caller's own history
 * (viewed, 想要, searched, followed, bought), or what is popular nearby (guests and new users).
 */
export const RECOMMEND_BASES = ['personal', 'popular'] as const
export type RecommendBasis = (typeof RECOMMEND_BASES)[number]

export const RecommendPageSchema = ListingPageSchema.extend({
  basis: z.enum(RECOMMEND_BASES),
})
export type RecommendPage = z.infer<typeof RecommendPageSchema>

export const RecommendContract = defineContract('recommend', {
  feed: {
    summary:
      "推荐: the city's listings ranked for the caller by their own history, or by what is popular nearby for a guest; later pages continue the first page's ranking.",
    auth: 'public',
    input: z
      .object({
        city: z.enum(CITY_NAMES, { error: '暂不支持该城市' }),
        category: z.enum(CATEGORY_IDS).optional(),
        ...PageQuerySchema.shape,
        from: GeoPointSchema.optional(),
      })
      .strict(),
    output: RecommendPageSchema,
    errors: [ErrorCodes.RECOMMEND_CURSOR_EXPIRED],
  },
})
