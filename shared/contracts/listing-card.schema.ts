import { z } from 'zod'
import {
  CATEGORY_IDS,
  CONDITION_IDS,
  LISTING_KINDS,
  LISTING_STATUSES,
  SERVICE_UNIT_IDS,
  SUBCATEGORY_IDS,
} from '../domain/listing'
import { IdSchema, PublicUserSchema, pageOf } from './common.schema'

/**
 * A listing as feeds, search, communities and shares show it. Its own file, apart from the
 * listing contract, so the functions that only show cards (search, social, share, recommend)
 * build these two schemas at load and not the listing contract's every input and output.
 */
export const ListingCardSchema = z.object({
  id: IdSchema,
  kind: z.enum(LISTING_KINDS),
  title: z.string(),
  priceFen: z.number().int(),
  originalPriceFen: z.number().int().nullable(),
  category: z.enum(CATEGORY_IDS),
  subcategory: z.enum(SUBCATEGORY_IDS).nullable(),
  condition: z.enum(CONDITION_IDS).nullable(),
  serviceUnit: z.enum(SERVICE_UNIT_IDS).nullable(),
  coverUrl: z.string(),
  city: z.string(),
  /** Coarse area (district) — never the exact point. */
  area: z.string(),
  /** From the viewer's point to the listing's ~300 m grid point, when the viewer sent one. */
  distanceMeters: z.number().int().nullable(),
  freeShipping: z.boolean(),
  status: z.enum(LISTING_STATUSES),
  /** When it was published or last renewed (擦亮): what "N分钟前" counts from. */
  bumpedAt: z.number().int().nullable(),
  createdAt: z.number().int(),
  favoriteCount: z.number().int(),
  seller: PublicUserSchema,
})
export type ListingCard = z.infer<typeof ListingCardSchema>

export const ListingPageSchema = pageOf(ListingCardSchema)
export type ListingPage = z.infer<typeof ListingPageSchema>
