import type {
  ListingLocation,
  ServiceTerms,
  TradeOptions,
} from '@shared/contracts/listing.contract'
import type {
  CategoryId,
  ConditionId,
  ListingKind,
  ListingStatus,
  SubcategoryId,
} from '@shared/domain/listing'
import { DAY } from '@shared/domain/time'
import { defineCollection } from '../../core/ports/document-store.port'

/** A listing as stored. `location` is exact and never leaves the backend except to its seller. */
export interface ListingRecord {
  _id: string
  sellerId: string
  kind: ListingKind
  title: string
  description: string
  priceFen: number
  originalPriceFen: number | null
  category: CategoryId
  subcategory: SubcategoryId | null
  condition: ConditionId | null
  trade: TradeOptions | null
  service: ServiceTerms | null
  photoFileIds: string[]
  videoFileId: string | null
  location: ListingLocation
  /** Denormalised from location for the city feed index. */
  city: string
  communityIds: string[]
  status: ListingStatus
  /**
   * Newest-first order: a ULID minted at publish, relist and 擦亮, so renewing moves a listing to
   * the top without any sort. Drafts carry their creation id until published.
   */
  sortKey: string
  /** When it was last published, relisted or renewed; null while a draft. */
  bumpedAt: number | null
  /** When the expiry timer takes it down; null unless active. */
  expiresAt: number | null
  /** The expiresAt a reminder was sent for, so each expiry is reminded once. */
  remindedFor: number | null
  soldAt: number | null
  /**
   * The live order holding these goods (written with the order's lock, cleared when the order is
   * over): the seller cannot take down or mark sold what a buyer is paying for or waiting on.
   */
  heldBy?: string | null
  /**
   * The end of the seller's ban, copied here by the ban (modules/user ban-user.use-case.ts): the
   * listing keeps its status but leaves feeds, search and the storefront while this is set, and
   * others cannot open it. Cleared when the ban is lifted or the cron finds it over; listings no
   * ban ever touched lack the field, which reads as null in every filter.
   */
  sellerBannedUntil?: number | null
  /**
   * Held for review (modules/risk): its text or a photo was judged doubtful, so it keeps its status
   * but leaves feeds, search and the storefront, and only its seller can open it, until a moderator
   * releases it. When it was held; listings never held lack the field, which reads as null.
   */
  reviewHeldAt?: number | null
  /**
   * Photos WeChat's image check judged risky (modules/risk → hold-for-image): taken out of
   * photoFileIds so no view serves them, kept here for the moderator. Absent: none.
   */
  hiddenPhotoFileIds?: string[]
  /** What the content check told the seller (held for review, or a warning); null or absent: nothing. */
  riskNotice?: string | null
  favoriteCount: number
  viewCount: number
  qualityScore: number
  createdAt: number
  updatedAt: number
  version: number
}

/** Whether it is held for review (modules/risk): only its seller sees it. */
export const heldForReview = (l: ListingRecord): boolean => l.reviewHeldAt != null

/**
 * Whether others are kept from a listing right now: its seller is banned, or it is held for
 * review. (Named for the ban, its first reason; every reader of "may others see it" calls this.)
 */
export const hiddenByBan = (l: ListingRecord, now: number): boolean =>
  (l.sellerBannedUntil != null && l.sellerBannedUntil > now) || heldForReview(l)

export const Listings = defineCollection<ListingRecord>('listings', [
  // The same-city feed: active listings of one city, newest (or most recently renewed) first.
  {
    name: 'city_status_sort',
    fields: [{ field: 'city' }, { field: 'status' }, { field: 'sortKey', direction: 'desc' }],
  },
  // The same feed narrowed to a category chip.
  {
    name: 'city_status_category_sort',
    fields: [
      { field: 'city' },
      { field: 'status' },
      { field: 'category' },
      { field: 'sortKey', direction: 'desc' },
    ],
  },
  // 我发布的 and a seller's storefront, newest first.
  {
    name: 'seller_status_sort',
    fields: [{ field: 'sellerId' }, { field: 'status' }, { field: 'sortKey', direction: 'desc' }],
  },
  { name: 'seller_id', fields: [{ field: 'sellerId' }, { field: '_id', direction: 'desc' }] },
  // The expiry timer: active listings whose time is up.
  { name: 'status_expires', fields: [{ field: 'status' }, { field: 'expiresAt' }] },
])

/**
 * One viewer counted once a day per listing; the id is the whole key, so a repeat is a CONFLICT.
 * A signed-in viewer's id is kept so their own 推荐 can learn from what they opened; it is read
 * only for that viewer (`viewsBy`), and swept after VIEW_RETENTION_MS. Records from before it
 * carry neither field.
 */
export interface ListingViewRecord {
  _id: string
  at: number
  listingId?: string
  /** The signed-in viewer; null when the viewer was anonymous (known only by OPENID). */
  viewerId?: string | null
}

/** How long a view is remembered: long enough for a month's interests, no longer. */
export const VIEW_RETENTION_MS = 30 * DAY

export const ListingViews = defineCollection<ListingViewRecord>('listing_views', [
  // A viewer's own recent views, newest first (their 推荐 profile).
  { name: 'viewer_at', fields: [{ field: 'viewerId' }, { field: 'at', direction: 'desc' }] },
  // The hourly sweep of views past retention.
  { name: 'at', fields: [{ field: 'at' }] },
])
