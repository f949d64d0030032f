import type { CardStatus, ShareKind, ShareVia } from '@shared/domain/share'
import { defineCollection } from '../../core/ports/document-store.port'

/** One hop of a share chain: a token and the person who made it. */
export interface ChainLink {
  token: string
  sharerId: string
}

/**
 * A share token, keyed by the token itself (random, never derived from ids or time). `chain` is
 * the path from the first share of the target to this one (root first, this token last, at most
 * MAX_CHAIN links, nearest kept): attribution reads it without walking the parents.
 */
export interface ShareRecord {
  _id: string
  kind: ShareKind
  targetId: string
  sharerId: string
  parentToken: string | null
  depth: number
  chain: ChainLink[]
  /** The sharer said they were sharing from a group chat (informational: trust never reads it). */
  fromGroup: boolean
  createdAt: number
  /** The latest updatable card (动态消息) made for this token, and when WeChat lets it lapse. */
  activityId: string | null
  activityExpiresAt: number | null
  /** The 小程序码 made for this token's poster, kept so it is made once. */
  posterFileId: string | null
}

/** A viewer's first open of a token, keyed `${token}:${viewerId}`: a view counts once per token. */
export interface ShareOpenRecord {
  _id: string
  token: string
  viewerId: string
  via: ShareVia
  /** Opened with a cloudID WeChat confirmed for this viewer. */
  fromGroup: boolean
  firstAt: number
  lastAt: number
}

/**
 * The share a viewer most recently arrived through for one target, keyed
 * `${viewerId}:${kind}:${targetId}`: what an order is attributed to and who 分享给你.
 */
export interface ShareArrivalRecord {
  _id: string
  token: string
  sharerId: string
  at: number
}

/** An updatable card (动态消息): WeChat's activity id for one share of a listing, and what it was last told. */
export interface ShareActivityRecord {
  _id: string
  listingId: string
  token: string
  expiresAt: number
  /** The state the card shows: set when it was shared, then by each update WeChat accepted. */
  sentStatus: CardStatus
  sentAt: number
  /** WeChat refused it for good (expired on its side, unknown): never sent again. */
  dead: boolean
}

/**
 * A listing's card state as the order process leaves it, keyed by listing id; `hasActivities`
 * says an updatable card exists, so order moves of listings nobody shared enqueue nothing.
 */
export interface ShareCardRecord {
  _id: string
  status: CardStatus
  hasActivities: boolean
  /** Bumped at each change: the update job's key, so each change is delivered once. */
  seq: number
  changedAt: number
  version: number
}

/**
 * A group circle (群闲置), keyed by a random key: the only name clients ever see. No WeChat name is
 * stored; `label` is what a member typed.
 */
export interface GroupRecord {
  _id: string
  label: string | null
  labelBy: string | null
  labelAt: number | null
  createdAt: number
}

/**
 * The openGId WeChat gave for a group, keyed by it, pointing at the group's key. It never leaves
 * the backend: it is how a second member's open finds the same group.
 */
export interface GroupIdRecord {
  _id: string
  groupKey: string
  createdAt: number
}

/** "User U is in group G", learnt only from a cloudID WeChat confirmed; keyed `${groupKey}:${userId}`. */
export interface GroupMemberRecord {
  _id: string
  groupKey: string
  userId: string
  firstAt: number
  lastAt: number
}

/** A listing a member posted to a group, keyed `${groupKey}:${listingId}`. */
export interface GroupPostRecord {
  _id: string
  groupKey: string
  listingId: string
  sellerId: string
  postedAt: number
}

/** A user's sharing settings, keyed by user id; absent means the defaults. */
export interface ShareSettingsRecord {
  _id: string
  showInTrustSignals: boolean
  updatedAt: number
}

/** Why an order's chain earns nobody a referral. */
export type AttributionVoid = 'self' | 'loop' | 'seller'

/**
 * The share chain an order came through, keyed by order id, written when it is paid. `referrers`
 * are who a reward programme may credit (empty when void); `token` counts toward the share's
 * orders unless the buyer is in its chain.
 */
export interface AttributionRecord {
  _id: string
  listingId: string
  buyerId: string
  sellerId: string
  token: string
  chain: ChainLink[]
  referrers: string[]
  voided: AttributionVoid | null
  outcome: 'paid' | 'completed' | 'refunded'
  createdAt: number
  updatedAt: number
}

export const Shares = defineCollection<ShareRecord>('shares', [
  // A sharer's recent tokens for a target (reuse), and a target's shares (stats, card updates).
  {
    name: 'sharer_target',
    fields: [
      { field: 'sharerId' },
      { field: 'targetId' },
      { field: 'createdAt', direction: 'desc' },
    ],
  },
  { name: 'target', fields: [{ field: 'targetId' }, { field: 'createdAt', direction: 'desc' }] },
])
export const ShareOpens = defineCollection<ShareOpenRecord>('share_opens', [
  { name: 'token', fields: [{ field: 'token' }] },
  // The jury draw: whose links a user opened.
  { name: 'viewer', fields: [{ field: 'viewerId' }, { field: 'lastAt', direction: 'desc' }] },
])
export const ShareArrivals = defineCollection<ShareArrivalRecord>('share_arrivals')
export const ShareActivities = defineCollection<ShareActivityRecord>('share_activities', [
  { name: 'listing_expires', fields: [{ field: 'listingId' }, { field: 'expiresAt' }] },
  // The sweep: cards WeChat no longer updates.
  { name: 'expires', fields: [{ field: 'expiresAt' }] },
])
export const ShareCards = defineCollection<ShareCardRecord>('share_cards')
export const Groups = defineCollection<GroupRecord>('share_groups')
export const GroupIds = defineCollection<GroupIdRecord>('share_group_ids')
export const GroupMembers = defineCollection<GroupMemberRecord>('share_group_members', [
  { name: 'user', fields: [{ field: 'userId' }, { field: 'lastAt', direction: 'desc' }] },
  { name: 'group', fields: [{ field: 'groupKey' }, { field: 'lastAt', direction: 'desc' }] },
])
export const GroupPosts = defineCollection<GroupPostRecord>('share_group_posts', [
  { name: 'group', fields: [{ field: 'groupKey' }, { field: 'postedAt', direction: 'desc' }] },
])
export const ShareSettings = defineCollection<ShareSettingsRecord>('share_settings')
export const Attributions = defineCollection<AttributionRecord>('share_attributions', [
  { name: 'token', fields: [{ field: 'token' }] },
  { name: 'listing', fields: [{ field: 'listingId' }] },
])

export const openId = (token: string, viewerId: string) => `${token}:${viewerId}`
export const arrivalId = (viewerId: string, kind: ShareKind, targetId: string) =>
  `${viewerId}:${kind}:${targetId}`
export const memberId = (groupKey: string, userId: string) => `${groupKey}:${userId}`
export const postId = (groupKey: string, listingId: string) => `${groupKey}:${listingId}`
