import { z } from 'zod'
import { CITY_NAMES } from '../domain/cities'
import { GeoPointSchema } from '../domain/geo'
import {
  CATEGORY_IDS,
  CONDITION_IDS,
  LISTING_KINDS,
  LISTING_LIMITS,
  LISTING_STATUSES,
  SERVICE_UNIT_IDS,
  SUBCATEGORY_IDS,
} from '../domain/listing'
import { FenSchema, fenAtMost, formatFen } from '../domain/money'
import { ErrorCodes } from '../errors/error-codes'
import { FileIdSchema, IdSchema, PageQuerySchema } from './common.schema'
import { defineContract } from './define-contract'
import { ListingCardSchema, ListingPageSchema } from './listing-card.schema'
import { checkListingShape } from './listing-shape'
import { userText } from './user-text'

export {
  ListingCardSchema,
  ListingPageSchema,
  type ListingCard,
  type ListingPage,
} from './listing-card.schema'
export { checkListingShape } from './listing-shape'

const L = LISTING_LIMITS

/** Where the item is: the exact point stays on the server, only city and district are shown. */
export const ListingLocationSchema = GeoPointSchema.extend({
  city: z.enum(CITY_NAMES, { error: '暂不支持该城市' }),
  district: userText({
    min: 1,
    max: 20,
    label: '区域',
    tooShort: '请选择区域',
    tooLong: '区域名称过长',
  }),
})
export type ListingLocation = z.infer<typeof ListingLocationSchema>

/**
 * The parcel's weight as the seller states it (kg, one decimal). It lives on the shipping terms,
 * as it only matters when the item is posted; listings from before it have none.
 */
export const ParcelWeightKgSchema = z
  .number({ error: (i) => (i.input === undefined ? '请填写包裹重量' : '重量请填数字（公斤）') })
  .min(L.weightKgMin, `重量至少 ${L.weightKgMin} 公斤`)
  .max(L.weightKgMax, `重量最多 ${L.weightKgMax} 公斤`)
  .multipleOf(0.1, '重量最多一位小数')

/**
 * Who pays shipping: the seller (包邮), the buyer a fixed fee, or the buyer the courier's price
 * quoted at checkout for the route and weight (按实际运费), which needs the weight.
 */
export const ShippingTermsSchema = z.discriminatedUnion('payer', [
  z.object({ payer: z.literal('seller'), weightKg: ParcelWeightKgSchema.optional() }),
  z.object({
    payer: z.literal('buyer'),
    feeFen: fenAtMost(L.shippingFeeMaxFen, `运费最多 ${formatFen(L.shippingFeeMaxFen)}`).min(
      1,
      '运费至少 ¥0.01',
    ),
    weightKg: ParcelWeightKgSchema.optional(),
  }),
  z.object({ payer: z.literal('quote'), weightKg: ParcelWeightKgSchema }),
])
export type ShippingTerms = z.infer<typeof ShippingTermsSchema>

/** How goods change hands: posted (on the shipping terms above), met in the city, or picked up. */
export const TradeOptionsSchema = z
  .object({
    shipping: ShippingTermsSchema.nullable(),
    meetup: z.boolean(),
    pickup: z.boolean(),
  })
  .strict()
  .refine((t) => t.shipping !== null || t.meetup || t.pickup, '至少选择一种交易方式')
export type TradeOptions = z.infer<typeof TradeOptionsSchema>

/** What a service promises: its unit of price, how far the provider travels, what is delivered. */
export const ServiceTermsSchema = z
  .object({
    unit: z.enum(SERVICE_UNIT_IDS, { error: '请选择计价单位' }),
    radiusKm: z
      .number()
      .min(0.5, '服务范围至少 0.5 公里')
      .max(L.serviceRadiusKmMax, '服务范围最多 50 公里'),
    deliveryStandard: userText({
      min: L.deliveryStandardMin,
      max: L.deliveryStandardMax,
      multiline: true,
      label: '服务标准',
    }),
  })
  .strict()
export type ServiceTerms = z.infer<typeof ServiceTermsSchema>

/** The fields a seller writes; optional ones get their defaults only on create (see below). */
const listingFields = {
  kind: z.enum(LISTING_KINDS),
  title: userText({ min: L.titleMin, max: L.titleMax, label: '标题' }),
  description: userText({
    min: L.descriptionMin,
    max: L.descriptionMax,
    multiline: true,
    label: '描述',
  }),
  priceFen: FenSchema.min(1, '价格至少 ¥0.01'),
  originalPriceFen: FenSchema.nullable(),
  category: z.enum(CATEGORY_IDS, { error: '请选择分类' }),
  subcategory: z.enum(SUBCATEGORY_IDS, { error: '请选择细分类目' }).nullable(),
  condition: z.enum(CONDITION_IDS, { error: '请选择成色' }).nullable(),
  trade: TradeOptionsSchema.nullable(),
  service: ServiceTermsSchema.nullable(),
  photoFileIds: z
    .array(FileIdSchema)
    .min(L.photosMin, `至少上传 ${L.photosMin} 张图片`)
    .max(L.photosMax, `最多上传 ${L.photosMax} 张图片`)
    .refine((ids) => new Set(ids).size === ids.length, '图片重复'),
  videoFileId: FileIdSchema.nullable(),
  location: ListingLocationSchema,
  /** Communities of the seller to show the listing in, besides the city. */
  communityIds: z.array(IdSchema).max(L.communitiesMax, `最多同步到 ${L.communitiesMax} 个圈子`),
}

export const CreateListingInputSchema = z
  .object({
    ...listingFields,
    // Defaults on create only: on an edit a missing field means "unchanged", never "cleared".
    kind: listingFields.kind.default('goods'),
    originalPriceFen: listingFields.originalPriceFen.default(null),
    subcategory: listingFields.subcategory.default(null),
    condition: listingFields.condition.default(null),
    trade: listingFields.trade.default(null),
    service: listingFields.service.default(null),
    videoFileId: listingFields.videoFileId.default(null),
    communityIds: listingFields.communityIds.default([]),
    /** false keeps it as a draft only the seller sees. */
    publish: z.boolean().default(true),
  })
  .strict()
  .superRefine(checkListingShape)
export type CreateListingInput = z.input<typeof CreateListingInputSchema>

export const UpdateListingInputSchema = z
  .object({
    id: IdSchema,
    /** Optimistic concurrency: the version the editor started from. */
    expectedVersion: z.number().int().min(1),
    patch: z.object(listingFields).omit({ kind: true }).partial().strict(),
  })
  .strict()

export const ListingDetailSchema = ListingCardSchema.extend({
  description: z.string(),
  photos: z.array(z.object({ fileId: z.string(), url: z.string() })),
  video: z.object({ fileId: z.string(), url: z.string() }).nullable(),
  trade: TradeOptionsSchema.nullable(),
  service: ServiceTermsSchema.nullable(),
  viewCount: z.number().int(),
  isFavorited: z.boolean(),
  updatedAt: z.number().int(),
  version: z.number().int(),
  isMine: z.boolean(),
  /** Seller-only fields; null for everyone else. */
  owner: z
    .object({
      location: ListingLocationSchema,
      communityIds: z.array(z.string()),
      expiresAt: z.number().int().nullable(),
      actions: z.array(z.enum(['edit', 'publish', 'takeDown', 'relist', 'markSold', 'renew'])),
      quality: z.object({ score: z.number().int(), hints: z.array(z.string()) }),
      /** Held for review by the content check: only the seller sees it until a moderator decides. */
      heldForReview: z.boolean().optional(),
      /** What the content check told the seller (held, or a warning to describe it truthfully). */
      riskNotice: z.string().nullable().optional(),
    })
    .nullable(),
})
export type ListingDetail = z.infer<typeof ListingDetailSchema>

const ById = z.object({ id: IdSchema }).strict()

export const PriceReferenceSchema = z.object({
  /** How many comparable listings the figures come from (sold and active). */
  count: z.number().int(),
  soldCount: z.number().int(),
  medianFen: z.number().int().nullable(),
  lowFen: z.number().int().nullable(),
  highFen: z.number().int().nullable(),
})
export type PriceReference = z.infer<typeof PriceReferenceSchema>

/** What creating or editing a listing can fail on besides validation. */
const WRITE_ERRORS = [
  ErrorCodes.LISTING_PHOTO_MISSING,
  ErrorCodes.LISTING_LOCATION_OUTSIDE_CITY,
  ErrorCodes.LISTING_NOT_IN_COMMUNITY,
  ErrorCodes.FILE_NOT_OWNED,
  ErrorCodes.CONTENT_BLOCKED,
]

export const ListingContract = defineContract('listing', {
  create: {
    summary:
      'Publishes (or saves as a draft) a listing of the caller with photos already uploaded.',
    auth: 'user',
    input: CreateListingInputSchema,
    output: ListingDetailSchema,
    errors: [
      ...WRITE_ERRORS,
      ErrorCodes.LISTING_TOO_MANY_LIVE,
      ErrorCodes.REALNAME_REQUIRED,
      ErrorCodes.USER_RESTRICTED,
    ],
  },
  update: {
    summary: "Edits the caller's own listing if nobody changed it since expectedVersion.",
    auth: 'user',
    input: UpdateListingInputSchema,
    output: ListingDetailSchema,
    errors: WRITE_ERRORS,
  },
  publish: {
    summary: 'Publishes a draft (within the live-listing cap of the seller’s credit tier).',
    auth: 'user',
    input: ById,
    output: ListingDetailSchema,
    errors: [
      ErrorCodes.LISTING_WRONG_STATUS,
      ErrorCodes.LISTING_TOO_MANY_LIVE,
      ErrorCodes.REALNAME_REQUIRED,
      ErrorCodes.USER_RESTRICTED,
    ],
  },
  takeDown: {
    summary: 'Takes an active listing down (下架).',
    auth: 'user',
    input: ById,
    output: ListingDetailSchema,
    errors: [ErrorCodes.LISTING_WRONG_STATUS],
  },
  relist: {
    summary: 'Puts a taken-down or expired listing back up for another 30 days.',
    auth: 'user',
    input: ById,
    output: ListingDetailSchema,
    errors: [
      ErrorCodes.LISTING_WRONG_STATUS,
      ErrorCodes.LISTING_TOO_MANY_LIVE,
      ErrorCodes.REALNAME_REQUIRED,
      ErrorCodes.USER_RESTRICTED,
    ],
  },
  markSold: {
    summary: 'Marks an active listing sold (sold elsewhere or offline).',
    auth: 'user',
    input: ById,
    output: ListingDetailSchema,
    errors: [ErrorCodes.LISTING_WRONG_STATUS],
  },
  renew: {
    summary: '擦亮: moves an active listing back to the top and restarts its 30 days, once a day.',
    auth: 'user',
    input: ById,
    output: ListingDetailSchema,
    errors: [ErrorCodes.LISTING_WRONG_STATUS, ErrorCodes.LISTING_ALREADY_RENEWED],
  },
  get: {
    summary: 'One listing with its photos; distance only if the viewer sends a point.',
    auth: 'public',
    input: z.object({ id: IdSchema, from: GeoPointSchema.optional() }).strict(),
    output: ListingDetailSchema,
    errors: [],
  },
  feed: {
    summary: "A city's active listings, newest (or most recently renewed) first.",
    auth: 'public',
    input: z
      .object({
        city: z.enum(CITY_NAMES, { error: '暂不支持该城市' }),
        category: z.enum(CATEGORY_IDS).optional(),
        ...PageQuerySchema.shape,
        from: GeoPointSchema.optional(),
      })
      .strict(),
    output: ListingPageSchema,
    errors: [],
  },
  mine: {
    summary: "The caller's own listings, newest first, optionally of one status.",
    auth: 'user',
    input: z
      .object({ status: z.enum(LISTING_STATUSES).optional(), ...PageQuerySchema.shape })
      .strict(),
    output: ListingPageSchema,
    errors: [],
  },
  bySeller: {
    summary: "A seller's active listings for their storefront, newest first.",
    auth: 'public',
    input: z.object({ sellerId: IdSchema, ...PageQuerySchema.shape }).strict(),
    output: ListingPageSchema,
    errors: [],
  },
  priceReference: {
    summary: 'Median and range of similar sold and active listings in the city, for pricing.',
    auth: 'public',
    input: z
      .object({
        city: z.enum(CITY_NAMES),
        category: z.enum(CATEGORY_IDS),
        subcategory: z.enum(SUBCATEGORY_IDS).optional(),
        keyword: userText({ min: 1, max: 30, label: '关键词' }).optional(),
      })
      .strict(),
    output: PriceReferenceSchema,
    errors: [],
  },
})
