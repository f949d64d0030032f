import { z } from 'zod'
import { CARD_STATUSES, SHARE_KINDS, SHARE_LIMITS, SHARE_VIAS } from '../domain/share'
import { ErrorCodes } from '../errors/error-codes'
import { IdSchema, PageQuerySchema } from './common.schema'
import { defineContract } from './define-contract'
import { ListingCardSchema } from './listing-card.schema'
import { userText } from './user-text'

/**
 * Where a token, scene or group key goes: any short string. A forged or mistyped one is not a
 * validation error but simply unknown (ignored, or "no such group"), so it tells nothing.
 */
const LooseKeySchema = z.string().max(SHARE_LIMITS.tokenInputMax, '分享标识过长')

/** What a listing's updatable card shows; storefront and community cards have none. */
const CardStatusSchema = z.enum(CARD_STATUSES)

/** What to pass to wx.updateShareMenu's templateInfo for the card's current state. */
const TemplateInfoSchema = z.object({
  parameterList: z.array(
    z.object({ name: z.enum(['member_count', 'room_limit']), value: z.string() }),
  ),
})

export const ShareCreatedSchema = z.object({
  /** Opaque and random (10 characters); it goes in the path and is the poster's scene. */
  token: z.string(),
  kind: z.enum(SHARE_KINDS),
  targetId: IdSchema,
  /** onShareAppMessage's path, e.g. `/package-listing/detail/index?id=…&st=…`. */
  path: z.string(),
  /** onShareTimeline's query (朋友圈), e.g. `id=…&st=…`. */
  timelineQuery: z.string(),
  /** 1 for a first-hand share, parent's + 1 when the sharer arrived through someone's share. */
  depth: z.number().int(),
  /** True when a recent token of the same sharer, target and parent was handed back. */
  reused: z.boolean(),
  /** Listings only, when WeChat made one: wx.updateShareMenu({ isUpdatableMessage: true, activityId, templateInfo }). */
  activityId: z.string().nullable(),
  activityExpiresAt: z.number().int().nullable(),
  templateInfo: TemplateInfoSchema.nullable(),
  card: z.object({
    title: z.string(),
    /** Cover photo (listing), avatar (storefront) or null: what the card image is drawn from. */
    imageUrl: z.string().nullable(),
    /** Listings only. */
    priceFen: z.number().int().nullable(),
    /** Listings only: 在售 / 已预订 / 已售出 now. */
    status: CardStatusSchema.nullable(),
  }),
})
export type ShareCreated = z.infer<typeof ShareCreatedSchema>

/** A group circle as its members see it; the key is random and says nothing about the WeChat group. */
export const GroupSummarySchema = z.object({
  groupKey: z.string(),
  /** Set by a member (群名称); null until one does: the WeChat group's name is never stored. */
  label: z.string().nullable(),
  /** Members known to 邻圈 (people who opened a card from this group), the caller included. */
  memberCount: z.number().int(),
  /** Listings members posted to this group. */
  postedCount: z.number().int(),
  /** When the caller last opened a card from this group. */
  lastSeenAt: z.number().int(),
})
export type GroupSummary = z.infer<typeof GroupSummarySchema>

export const ShareStatsSchema = z.object({
  listingId: IdSchema,
  totals: z.object({
    shares: z.number().int(),
    views: z.number().int(),
    orders: z.number().int(),
    /** The longest chain any share of this listing reached. */
    maxDepth: z.number().int(),
  }),
  /** One row per share token, most orders then most views first (at most 50). */
  shares: z.array(
    z.object({
      /** The person who shared it, by nickname only; `isYou` for the seller's own shares. */
      sharerNickname: z.string(),
      isYou: z.boolean(),
      depth: z.number().int(),
      /** The deepest share that grew from this one (its own depth when none did). */
      reachedDepth: z.number().int(),
      /** Distinct signed-in viewers (the sharer and the seller not counted). */
      views: z.number().int(),
      /** Paid orders that came through it, refunded ones not counted. */
      orders: z.number().int(),
      fromGroup: z.boolean(),
      createdAt: z.number().int(),
    }),
  ),
  /** People other than the seller who shared it, by what their shares brought (at most 10). */
  topSharers: z.array(
    z.object({
      nickname: z.string(),
      shares: z.number().int(),
      views: z.number().int(),
      orders: z.number().int(),
    }),
  ),
})

export const TrustSignalsSchema = z.object({
  /** 同在 N 个群: how many group circles the viewer and the user are both known in (never which). */
  sameGroupCount: z.number().int(),
  /** 你的好友 X 分享给你: who shared the link that brought the viewer to this listing. */
  sharedBy: z.object({ nickname: z.string(), isTheUser: z.boolean() }).nullable(),
  /** 同一小区: communities both belong to. */
  sameCommunityCount: z.number().int(),
  /** The same, as the lines to show (empty for strangers and guests). */
  labels: z.array(z.string()),
})
export type TrustSignals = z.infer<typeof TrustSignalsSchema>

const SettingsSchema = z.object({
  /** Off: the caller appears in nobody's trust signals, and sees none either. */
  showInTrustSignals: z.boolean(),
})

export const PosterSchema = z.object({
  token: z.string(),
  /** The 小程序码's scene (the token) and the page it opens. */
  scene: z.string(),
  page: z.string(),
  qrCodeUrl: z.string(),
  coverUrl: z.string().nullable(),
  title: z.string(),
  priceFen: z.number().int(),
  sellerNickname: z.string(),
  status: CardStatusSchema,
})

const GroupKeyInput = { groupKey: LooseKeySchema }
const GROUP_ERRORS = [ErrorCodes.SHARE_GROUP_NOT_FOUND]

export const ShareContract = defineContract('share', {
  create: {
    summary:
      'A share token for a listing, storefront or community (reused for 24 h), with the card and, for listings, an updatable activity id.',
    auth: 'user',
    input: z
      .object({
        kind: z.enum(SHARE_KINDS),
        targetId: IdSchema,
        /** The token the caller arrived through (the page's `st`), if any. */
        parentToken: LooseKeySchema.optional(),
        /** The caller is sharing from a group chat. */
        fromGroup: z.boolean().optional(),
      })
      .strict(),
    output: ShareCreatedSchema,
    errors: [ErrorCodes.SHARE_TARGET_UNAVAILABLE],
  },
  open: {
    summary:
      "Records that the caller opened a share (once per token); with a group's cloudID, that they are in that group. Unknown tokens are ignored.",
    auth: 'public',
    input: z
      .object({
        token: LooseKeySchema,
        /** wx.getGroupEnterInfo's cloudID when the card was opened in a group chat. */
        groupCloudId: z.string().max(SHARE_LIMITS.cloudIdMax, 'cloudID 过长').optional(),
        via: z.enum(SHARE_VIAS),
      })
      .strict(),
    output: z.object({
      group: GroupSummarySchema.pick({ groupKey: true, label: true }).nullable(),
    }),
    errors: [],
  },
  scene: {
    summary:
      "A poster's 小程序码 scene (its token) → what it points to, counted as an open via qrcode; null when unknown.",
    auth: 'public',
    input: z.object({ scene: LooseKeySchema }).strict(),
    output: z
      .object({ kind: z.enum(SHARE_KINDS), targetId: IdSchema, token: z.string() })
      .nullable(),
    errors: [],
  },
  stats: {
    summary: "How the seller's listing travelled: views and orders per share, depth, top sharers.",
    auth: 'user',
    input: z.object({ listingId: IdSchema }).strict(),
    output: ShareStatsSchema,
    errors: [],
  },
  myGroups: {
    summary: "The caller's own group circles (群闲置), most recently seen first.",
    auth: 'user',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(GroupSummarySchema) }),
    errors: [],
  },
  group: {
    summary:
      "A group circle's page for its members: listings posted to it, then what its known members have on sale.",
    auth: 'user',
    input: z.object({ ...GroupKeyInput, ...PageQuerySchema.shape }).strict(),
    output: z.object({
      group: GroupSummarySchema,
      /** Posted to this group, newest post first, on sale only (first page only, at most 10). */
      posted: z.array(ListingCardSchema),
      items: z.array(ListingCardSchema),
      nextCursor: z.string().nullable(),
    }),
    errors: GROUP_ERRORS,
  },
  postToGroup: {
    summary: "Posts the caller's own listing on sale to a group circle they are in.",
    auth: 'user',
    input: z.object({ ...GroupKeyInput, listingId: IdSchema }).strict(),
    output: z.object({ groupKey: z.string(), listingId: IdSchema, postedAt: z.number().int() }),
    errors: [...GROUP_ERRORS, ErrorCodes.SHARE_LISTING_NOT_ON_SALE],
  },
  setGroupLabel: {
    summary: 'Names a group circle the caller is in (every member sees it); null clears it.',
    auth: 'user',
    input: z
      .object({
        ...GroupKeyInput,
        label: userText({
          min: SHARE_LIMITS.labelMin,
          max: SHARE_LIMITS.labelMax,
          label: '群名称',
        }).nullable(),
      })
      .strict(),
    output: GroupSummarySchema.pick({ groupKey: true, label: true }),
    errors: [...GROUP_ERRORS, ErrorCodes.SHARE_LABEL_REFUSED],
  },
  trust: {
    summary:
      'Trust signals between the caller and another user (同在 N 个群, 你的好友 X 分享给你, 同一小区); empty for guests and strangers.',
    auth: 'public',
    input: z.object({ userId: IdSchema, listingId: IdSchema.optional() }).strict(),
    output: TrustSignalsSchema,
    errors: [],
  },
  settings: {
    summary: "The caller's sharing settings.",
    auth: 'user',
    input: z.object({}).strict(),
    output: SettingsSchema,
    errors: [],
  },
  updateSettings: {
    summary: 'Changes the caller\'s sharing settings ("show me in trust signals").',
    auth: 'user',
    input: SettingsSchema.strict(),
    output: SettingsSchema,
    errors: [],
  },
  poster: {
    summary:
      "The poster of the caller's own listing share: cover, title, price, seller and a 小程序码 whose scene is the token.",
    auth: 'user',
    input: z.object({ token: LooseKeySchema }).strict(),
    output: PosterSchema,
    errors: [ErrorCodes.SHARE_TARGET_UNAVAILABLE, ErrorCodes.SHARE_POSTER_UNAVAILABLE],
  },
})
