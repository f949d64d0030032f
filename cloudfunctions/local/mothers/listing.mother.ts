import { CreateListingInputSchema } from '@shared/contracts/listing.contract'
import type { Deps } from '../../src/modules/deps'
import { createListing } from '../../src/modules/listing/application/create-listing.use-case'
import type { ListingRecord } from '../../src/modules/listing/domain/listing.record'
import type { UserRecord } from '../../src/modules/user/domain/user.record'

/** A point in 徐汇区, Shanghai. */
export const XUHUI = { latitude: 31.18853, longitude: 121.43651, city: '上海', district: '徐汇区' }

/**
 * What a seller types for a goods listing (headphones in 徐汇区, shipped free or met in person),
 * without photos: a listing may only show its seller's own uploads. `over` replaces fields.
 */
export const aGoodsListingInput = (over: Record<string, unknown> = {}) => ({
  title: '索尼 WH-1000XM4 降噪耳机',
  description: '去年双十一购入，使用不多，配件齐全，可当面验货。',
  priceFen: 89_900,
  originalPriceFen: 249_900,
  category: 'digital',
  subcategory: 'digital.earphones',
  condition: 'like_new',
  trade: { shipping: { payer: 'seller' }, meetup: true, pickup: false },
  location: XUHUI,
  ...over,
})

/** What replaces the goods fields for a local service (tutoring by the hour): no condition, no trade. */
export const SERVICE_LISTING = {
  kind: 'service',
  title: '初中数学一对一家教',
  category: 'services',
  subcategory: 'services.tutoring',
  condition: null,
  trade: null,
  priceFen: 15_000,
  service: { unit: 'hour', radiusKm: 5, deliveryStandard: '每次两小时，课后留作业并反馈进度。' },
} as const

/**
 * A listing published through createListing, as the listing function does after validating
 * the input; `input` is what the seller sent (photos must be the seller's uploads).
 */
export const aListing = (deps: Deps, seller: UserRecord, input: Record<string, unknown>) =>
  createListing(deps, seller, CreateListingInputSchema.parse(input))

/**
 * An active goods listing as the store keeps it, built without any use case: for filling a
 * database by the hundred thousand (benches), where going through createListing would be the
 * thing measured. Needs at least its id; its time fields default to `at`.
 */
export const aListingRecord = (
  { _id, ...over }: Partial<ListingRecord> & Pick<ListingRecord, '_id'>,
  at = 0,
): ListingRecord => ({
  _id,
  sellerId: 'seller0',
  kind: 'goods',
  title: '闲置',
  description: '九成新，配件齐全，可小刀。',
  priceFen: 10_000,
  originalPriceFen: null,
  category: 'digital',
  subcategory: null,
  condition: 'like_new',
  trade: { shipping: { payer: 'seller' }, meetup: true, pickup: false },
  service: null,
  photoFileIds: ['local://seed/p.png'],
  videoFileId: null,
  location: XUHUI,
  city: (over.location ?? XUHUI).city,
  communityIds: [],
  status: 'active',
  sortKey: _id,
  bumpedAt: at,
  expiresAt: null,
  remindedFor: null,
  soldAt: null,
  favoriteCount: 0,
  viewCount: 0,
  qualityScore: 50,
  createdAt: at,
  updatedAt: at,
  version: 1,
  ...over,
})
