import { z } from 'zod'
import { CITY_NAMES } from '../domain/cities'
import { GeoPointSchema } from '../domain/geo'
import { idsOf } from '../domain/options'
import { ErrorCodes } from '../errors/error-codes'
import { IdSchema, PageQuerySchema, PublicUserSchema, pageOf } from './common.schema'
import { LISTING_STATUSES } from '../domain/listing'
import { MAX_COMMUNITIES_PER_USER } from '../domain/community'
import { defineContract } from './define-contract'
import { ListingPageSchema } from './listing-card.schema'
import { userText } from './user-text'

export const COMMUNITY_TYPES = [
  { id: 'residential', label: '小区' },
  { id: 'campus', label: '校园' },
  { id: 'office', label: '写字楼' },
] as const
export const COMMUNITY_TYPE_IDS = idsOf(COMMUNITY_TYPES)
export type CommunityType = (typeof COMMUNITY_TYPE_IDS)[number]
export { MAX_COMMUNITIES_PER_USER }

export const CommunitySchema = z.object({
  id: IdSchema,
  name: z.string(),
  type: z.enum(COMMUNITY_TYPE_IDS),
  city: z.string(),
  district: z.string(),
  memberCount: z.number().int(),
  /** From the viewer's point, when sent. */
  distanceMeters: z.number().int().nullable(),
  isMember: z.boolean(),
  /** Members see the code they can share; others get null. */
  inviteCode: z.string().nullable(),
})
export type Community = z.infer<typeof CommunitySchema>

export const StorefrontSchema = z.object({
  seller: PublicUserSchema.extend({
    city: z.string().nullable(),
    joinedAt: z.number().int(),
  }),
  activeCount: z.number().int(),
  soldCount: z.number().int(),
  followerCount: z.number().int(),
  isFollowing: z.boolean(),
  isMe: z.boolean(),
})
export type Storefront = z.infer<typeof StorefrontSchema>

const ListingRef = z.object({ listingId: IdSchema }).strict()
const UserRef = z.object({ userId: IdSchema }).strict()
const Paging = PageQuerySchema.strict()

export const SocialContract = defineContract('social', {
  favorite: {
    summary: '想要: remembers a listing for the caller and counts the interest.',
    auth: 'user',
    input: ListingRef,
    output: z.object({ favorited: z.boolean(), favoriteCount: z.number().int() }),
    errors: [],
  },
  unfavorite: {
    summary: 'Forgets a remembered listing.',
    auth: 'user',
    input: ListingRef,
    output: z.object({ favorited: z.boolean(), favoriteCount: z.number().int() }),
    errors: [],
  },
  favorites: {
    summary:
      "The caller's remembered listings, most recent first (sold and removed ones included).",
    auth: 'user',
    input: Paging,
    output: ListingPageSchema,
    errors: [],
  },
  follow: {
    summary: 'Follows a seller, whose new listings then appear in the following feed.',
    auth: 'user',
    input: UserRef,
    output: z.object({ following: z.boolean(), followerCount: z.number().int() }),
    errors: [ErrorCodes.SOCIAL_CANNOT_FOLLOW_SELF],
  },
  unfollow: {
    summary: 'Stops following a seller.',
    auth: 'user',
    input: UserRef,
    output: z.object({ following: z.boolean(), followerCount: z.number().int() }),
    errors: [],
  },
  followingFeed: {
    summary: 'New listings of the sellers the caller follows, newest first.',
    auth: 'user',
    input: Paging,
    output: ListingPageSchema,
    errors: [],
  },
  following: {
    summary: 'The sellers the caller follows, most recently followed first.',
    auth: 'user',
    input: Paging,
    output: pageOf(PublicUserSchema.extend({ followedAt: z.number().int() })),
    errors: [],
  },
  myCounts: {
    summary: 'The numbers on 我的: own listings by status, favourites, following and followers.',
    auth: 'user',
    input: z.object({}).strict(),
    output: z.object({
      listings: z.record(z.enum(LISTING_STATUSES), z.number().int()),
      favorites: z.number().int(),
      following: z.number().int(),
      followers: z.number().int(),
    }),
    errors: [],
  },
  storefront: {
    summary: "A seller's public page: profile, counts and whether the caller follows them.",
    auth: 'public',
    input: UserRef,
    output: StorefrontSchema,
    errors: [],
  },
  communitiesNear: {
    summary: 'Communities around a point chosen on the map, nearest first.',
    auth: 'public',
    input: z.object({ point: GeoPointSchema, city: z.enum(CITY_NAMES) }).strict(),
    output: z.object({ items: z.array(CommunitySchema) }),
    errors: [],
  },
  createCommunity: {
    summary: 'Creates a community at a place on the map and makes the caller its first member.',
    auth: 'user',
    input: z
      .object({
        name: userText({ min: 2, max: 20, label: '名称' }),
        type: z.enum(COMMUNITY_TYPE_IDS, { error: '请选择类型' }),
        location: GeoPointSchema.extend({
          city: z.enum(CITY_NAMES),
          district: userText({ min: 1, max: 20, label: '区域' }),
        }),
      })
      .strict(),
    output: CommunitySchema,
    errors: [
      ErrorCodes.SOCIAL_COMMUNITY_EXISTS,
      ErrorCodes.SOCIAL_TOO_MANY_COMMUNITIES,
      ErrorCodes.LISTING_LOCATION_OUTSIDE_CITY,
      ErrorCodes.CONTENT_BLOCKED,
    ],
  },
  joinCommunity: {
    summary: 'Joins a community found on the map, or one named by an invitation code.',
    auth: 'user',
    input: z.union([
      z.object({ communityId: IdSchema }).strict(),
      z
        .object({
          inviteCode: z
            .string()
            .trim()
            .regex(/^[A-Z0-9]{6}$/, '邀请码是 6 位字母数字'),
        })
        .strict(),
    ]),
    output: CommunitySchema,
    errors: [ErrorCodes.SOCIAL_BAD_INVITE, ErrorCodes.SOCIAL_TOO_MANY_COMMUNITIES],
  },
  leaveCommunity: {
    summary: 'Leaves a community; listings already posted there stay in the city feed.',
    auth: 'user',
    input: z.object({ communityId: IdSchema }).strict(),
    output: z.object({ left: z.literal(true) }),
    errors: [],
  },
  myCommunities: {
    summary: 'The communities the caller belongs to.',
    auth: 'user',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(CommunitySchema) }),
    errors: [],
  },
  community: {
    summary: 'One community (its feed comes from search with communityId).',
    auth: 'public',
    input: z.object({ communityId: IdSchema, from: GeoPointSchema.optional() }).strict(),
    output: CommunitySchema,
    errors: [],
  },
})
