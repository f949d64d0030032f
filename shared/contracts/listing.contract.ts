import { z } from 'zod'
import { CITY_NAMES } from '../domain/cities'
import { GeoPointSchema } from '../domain/geo'
import { CATEGORY_IDS, CONDITION_IDS, LISTING_LIMITS, LISTING_STATUSES } from '../domain/listing'
import { FenSchema } from '../domain/money'
import { ErrorCodes } from '../errors/error-codes'
import {
  CursorSchema,
  FileIdSchema,
  IdSchema,
  PageSizeSchema,
  PublicUserSchema,
  pageOf,
} from './common.schema'
import { defineContract } from './define-contract'

const L = LISTING_LIMITS

/** Where the item is: the exact point stays on the server, only city and district are shown. */
export const ListingLocationSchema = GeoPointSchema.extend({
  city: z.enum(CITY_NAMES, { error: '暂不支持该城市' }),
  district: z.string().trim().min(1, '请选择区域').max(20, '区域名称过长'),
})
export type ListingLocation = z.infer<typeof ListingLocationSchema>

const listingFields = {
  title: z
    .string()
    .trim()
    .min(L.titleMin, `标题至少 ${L.titleMin} 个字`)
    .max(L.titleMax, `标题最多 ${L.titleMax} 个字`),
  description: z
    .string()
    .trim()
    .min(L.descriptionMin, `描述至少 ${L.descriptionMin} 个字`)
    .max(L.descriptionMax, `描述最多 ${L.descriptionMax} 个字`),
  priceFen: FenSchema.min(1, '价格至少 ¥0.01'),
  originalPriceFen: FenSchema.nullable().default(null),
  category: z.enum(CATEGORY_IDS, { error: '请选择分类' }),
  condition: z.enum(CONDITION_IDS, { error: '请选择成色' }),
  photoFileIds: z
    .array(FileIdSchema)
    .min(L.photosMin, `至少上传 ${L.photosMin} 张图片`)
    .max(L.photosMax, `最多上传 ${L.photosMax} 张图片`)
    .refine((ids) => new Set(ids).size === ids.length, '图片重复'),
  location: ListingLocationSchema,
}

export const CreateListingInputSchema = z.object(listingFields).strict()
export type CreateListingInput = z.input<typeof CreateListingInputSchema>

export const UpdateListingInputSchema = z
  .object({
    id: IdSchema,
    /** Optimistic concurrency: the version the editor started from. */
    expectedVersion: z.number().int().min(1),
    patch: z.object(listingFields).partial().strict(),
  })
  .strict()

export const ListingCardSchema = z.object({
  id: IdSchema,
  title: z.string(),
  priceFen: z.number().int(),
  originalPriceFen: z.number().int().nullable(),
  category: z.enum(CATEGORY_IDS),
  condition: z.enum(CONDITION_IDS),
  coverUrl: z.string(),
  city: z.string(),
  /** Coarse area (district) — never the exact point. */
  area: z.string(),
  /** From the viewer's point to the listing's snapped point, when the viewer sent one. */
  distanceMeters: z.number().int().nullable(),
  status: z.enum(LISTING_STATUSES),
  createdAt: z.number().int(),
  seller: PublicUserSchema,
})
export type ListingCard = z.infer<typeof ListingCardSchema>

export const ListingDetailSchema = ListingCardSchema.extend({
  description: z.string(),
  photos: z.array(z.object({ fileId: z.string(), url: z.string() })),
  updatedAt: z.number().int(),
  version: z.number().int(),
  isMine: z.boolean(),
  /** The exact point, present only for the seller's own listing. */
  location: ListingLocationSchema.nullable(),
})
export type ListingDetail = z.infer<typeof ListingDetailSchema>

export const ListingPageSchema = pageOf(ListingCardSchema)
export type ListingPage = z.infer<typeof ListingPageSchema>

export const ListingContract = defineContract('listing', {
  create: {
    summary: 'Publishes a listing of the caller with photos already uploaded through Files.',
    auth: 'user',
    input: CreateListingInputSchema,
    output: ListingDetailSchema,
    errors: [ErrorCodes.LISTING_PHOTO_MISSING, ErrorCodes.LISTING_LOCATION_OUTSIDE_CITY],
  },
  update: {
    summary: "Edits the caller's own listing if nobody changed it since expectedVersion.",
    auth: 'user',
    input: UpdateListingInputSchema,
    output: ListingDetailSchema,
    errors: [ErrorCodes.LISTING_PHOTO_MISSING, ErrorCodes.LISTING_LOCATION_OUTSIDE_CITY],
  },
  get: {
    summary: 'One listing with its photos; distance only if the viewer sends a point.',
    auth: 'public',
    input: z.object({ id: IdSchema, from: GeoPointSchema.optional() }).strict(),
    output: ListingDetailSchema,
    errors: [],
  },
  feed: {
    summary: "A city's active listings, newest first.",
    auth: 'public',
    input: z
      .object({
        city: z.enum(CITY_NAMES, { error: '暂不支持该城市' }),
        cursor: CursorSchema.optional(),
        limit: PageSizeSchema,
        from: GeoPointSchema.optional(),
      })
      .strict(),
    output: ListingPageSchema,
    errors: [],
  },
  mine: {
    summary: "The caller's own listings, newest first, every status.",
    auth: 'user',
    input: z.object({ cursor: CursorSchema.optional(), limit: PageSizeSchema }).strict(),
    output: ListingPageSchema,
    errors: [],
  },
})
