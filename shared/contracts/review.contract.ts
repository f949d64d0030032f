import { z } from 'zod'
import { ALL_REVIEW_TAGS, REVIEW_LIMITS, REVIEW_PARTIES } from '../domain/review'
import { ErrorCodes } from '../errors/error-codes'
import { FileIdSchema, IdSchema, PageQuerySchema, pageOf } from './common.schema'
import { defineContract } from './define-contract'
import { userText } from './user-text'

const PartySchema = z.enum(REVIEW_PARTIES)

const StarsSchema = z
  .number({ error: '请选择星级' })
  .int('请选择星级')
  .min(REVIEW_LIMITS.starsMin, '请选择星级')
  .max(REVIEW_LIMITS.starsMax, `最多 ${REVIEW_LIMITS.starsMax} 星`)

/** Tags from the fixed lists; which list applies (the rated party's) the server checks. */
const TagsSchema = z
  .array(z.enum(ALL_REVIEW_TAGS, { error: '请从列表里选择标签' }))
  .max(REVIEW_LIMITS.tagsMax, `最多选 ${REVIEW_LIMITS.tagsMax} 个标签`)
  .refine((tags) => new Set(tags).size === tags.length, '标签不能重复')

const PhotosSchema = z
  .array(FileIdSchema)
  .max(REVIEW_LIMITS.photosMax, `最多 ${REVIEW_LIMITS.photosMax} 张图片`)
  .default([])

const ReviewTextSchema = userText({
  min: 0,
  max: REVIEW_LIMITS.textMax,
  multiline: true,
  label: '评价',
})
const FollowUpTextSchema = userText({
  min: 1,
  max: REVIEW_LIMITS.textMax,
  multiline: true,
  label: '追评',
  tooShort: '请写下追评内容',
})
const ReplyTextSchema = userText({
  min: 1,
  max: REVIEW_LIMITS.replyMax,
  multiline: true,
  label: '回复',
  tooShort: '请写下回复内容',
})

/** A person in a review: nickname and avatar only (no id, so a review never links to whose purchase it was). */
export const ReviewPersonSchema = z.object({
  nickname: z.string(),
  avatarUrl: z.string().nullable(),
})

/** A published review as anyone sees it (a storefront, a profile). */
export const PublicReviewSchema = z.object({
  /** The review's own id (never the order's). */
  id: IdSchema,
  /** Who wrote it: a buyer rating a seller, or a seller rating a buyer. */
  by: PartySchema,
  reviewer: ReviewPersonSchema,
  reviewee: ReviewPersonSchema,
  stars: z.number().int(),
  tags: z.array(z.string()),
  text: z.string().nullable(),
  photoUrls: z.array(z.string()),
  /** What was traded (the listing's title and cover at checkout). */
  item: z.object({ title: z.string(), coverUrl: z.string().nullable() }),
  submittedAt: z.number().int(),
  publishedAt: z.number().int().nullable(),
  /** 追评: the reviewer's one follow-up. */
  followUp: z
    .object({ text: z.string(), photoUrls: z.array(z.string()), at: z.number().int() })
    .nullable(),
  /** The reviewee's one reply. */
  reply: z.object({ text: z.string(), at: z.number().int() }).nullable(),
})
export type PublicReview = z.infer<typeof PublicReviewSchema>

/** A review as one of its order's parties sees it: their own before publication too. */
export const ReviewSchema = PublicReviewSchema.extend({
  orderId: IdSchema,
  /** submitted: in, waiting for the other party or the window's close (only its author sees it). */
  state: z.enum(['submitted', 'published']),
})
export type Review = z.infer<typeof ReviewSchema>

/** Where a party's review of an order stands. */
export const ReviewStatusSchema = z.enum(['due', 'submitted', 'published', 'lapsed', 'none'])
export type ReviewStatus = z.infer<typeof ReviewStatusSchema>

/** An order's reviews as one of its parties may see them under the blind rule. */
export const OrderReviewsSchema = z.object({
  orderId: IdSchema,
  /** The caller's part in the order. */
  role: PartySchema,
  /** blind: nothing of the other party's is shown yet; revealed: what exists is published. */
  state: z.enum(['blind', 'revealed']),
  /** The 7-day window's end; 追评 is possible until followUpUntil. */
  closesAt: z.number().int(),
  followUpUntil: z.number().int(),
  mine: z.object({ status: ReviewStatusSchema, review: ReviewSchema.nullable() }),
  /** The other party's: whether it is in, and the review itself only once published. */
  theirs: z.object({ status: ReviewStatusSchema, review: ReviewSchema.nullable() }),
  /** What the caller may do now: the page's buttons. */
  actions: z.array(z.enum(['submit', 'followUp', 'reply'])),
})
export type OrderReviews = z.infer<typeof OrderReviewsSchema>

/** An order the caller has yet to rate (待评价), with its deadline. */
export const PendingReviewSchema = z.object({
  orderId: IdSchema,
  role: PartySchema,
  /** Whom the caller rates. */
  counterpart: ReviewPersonSchema,
  item: z.object({ title: z.string(), coverUrl: z.string().nullable() }),
  completedAt: z.number().int(),
  closesAt: z.number().int(),
})
export type PendingReview = z.infer<typeof PendingReviewSchema>

export const REVIEW_BOXES = ['pending', 'given', 'received'] as const
export type ReviewBox = (typeof REVIEW_BOXES)[number]

const OrderRef = z.object({ orderId: IdSchema }).strict()
const ORDER_REVIEW_ERRORS = [ErrorCodes.REVIEW_NOT_REVIEWABLE]

export const ReviewContract = defineContract('review', {
  submit: {
    summary:
      'Rates the other party of a completed order (1–5 stars, tags, text, photos) within 7 days; hidden until both are in or the window closes.',
    auth: 'user',
    input: z
      .object({
        orderId: IdSchema,
        stars: StarsSchema,
        tags: TagsSchema.default([]),
        text: ReviewTextSchema.optional(),
        photoFileIds: PhotosSchema,
      })
      .strict(),
    output: OrderReviewsSchema,
    errors: [
      ...ORDER_REVIEW_ERRORS,
      ErrorCodes.REVIEW_ALREADY_SUBMITTED,
      ErrorCodes.REVIEW_WINDOW_CLOSED,
      ErrorCodes.REVIEW_TAG_INVALID,
      ErrorCodes.REVIEW_OFF_PLATFORM,
      ErrorCodes.CONTENT_BLOCKED,
      ErrorCodes.FILE_NOT_OWNED,
    ],
  },
  followUp: {
    summary:
      "追评: adds the caller's one follow-up to their published review, within 30 days of completion.",
    auth: 'user',
    input: z
      .object({ orderId: IdSchema, text: FollowUpTextSchema, photoFileIds: PhotosSchema })
      .strict(),
    output: OrderReviewsSchema,
    errors: [
      ...ORDER_REVIEW_ERRORS,
      ErrorCodes.REVIEW_NOT_PUBLISHED,
      ErrorCodes.REVIEW_FOLLOW_UP_USED,
      ErrorCodes.REVIEW_FOLLOW_UP_CLOSED,
      ErrorCodes.REVIEW_OFF_PLATFORM,
      ErrorCodes.CONTENT_BLOCKED,
      ErrorCodes.FILE_NOT_OWNED,
    ],
  },
  reply: {
    summary:
      "The caller's one reply to the published review the other party wrote about them on this order.",
    auth: 'user',
    input: z.object({ orderId: IdSchema, text: ReplyTextSchema }).strict(),
    output: OrderReviewsSchema,
    errors: [
      ...ORDER_REVIEW_ERRORS,
      ErrorCodes.REVIEW_NOTHING_TO_REPLY,
      ErrorCodes.REVIEW_ALREADY_REPLIED,
      ErrorCodes.REVIEW_OFF_PLATFORM,
      ErrorCodes.CONTENT_BLOCKED,
    ],
  },
  mine: {
    summary:
      "The caller's reviews: 待评价 orders with their deadlines, reviews given (their own unpublished ones too), reviews received (published).",
    auth: 'user',
    input: PageQuerySchema.extend({ box: z.enum(REVIEW_BOXES).default('pending') }).strict(),
    output: z.object({
      pending: z.array(PendingReviewSchema),
      reviews: z.array(ReviewSchema),
      nextCursor: z.string().nullable(),
      /** How many orders wait for the caller's review (the 待评价 badge). */
      pendingCount: z.number().int(),
    }),
    errors: [],
  },
  forUser: {
    summary:
      "A user's published reviews, newest first, as a seller or as a buyer (or both), with the count and 好评 count; public.",
    auth: 'public',
    input: PageQuerySchema.extend({ userId: IdSchema, role: PartySchema.optional() }).strict(),
    output: pageOf(PublicReviewSchema).extend({
      summary: z.object({ count: z.number().int(), goodCount: z.number().int() }),
    }),
    errors: [],
  },
  forOrder: {
    summary:
      "An order's reviews for one of its parties under the blind rule (null before the order is reviewable).",
    auth: 'user',
    input: OrderRef,
    output: OrderReviewsSchema.nullable(),
    errors: [],
  },
})
