import type { CommunityType } from '@shared/contracts/social.contract'
import type { GeoPoint } from '@shared/domain/geo'
import { defineCollection } from '../../core/ports/document-store.port'

/** A 小区, 校园 or 写字楼 people join to trade with the neighbours they actually have. */
export interface CommunityRecord {
  _id: string
  name: string
  type: CommunityType
  city: string
  district: string
  /** Snapped to the ~300 m grid at creation: a community's centre is public. */
  center: GeoPoint
  inviteCode: string
  memberCount: number
  createdBy: string
  createdAt: number
  version: number
}

/** Membership, keyed `${communityId}:${userId}` so joining twice is a CONFLICT, not a duplicate. */
export interface MembershipRecord {
  _id: string
  communityId: string
  userId: string
  via: 'map' | 'invite' | 'created'
  joinedAt: number
}

/** 想要, keyed `${userId}:${listingId}`. */
export interface FavoriteRecord {
  _id: string
  userId: string
  listingId: string
  at: number
}

/** Following a seller, keyed `${followerId}:${sellerId}`. */
export interface FollowRecord {
  _id: string
  followerId: string
  sellerId: string
  at: number
}

/** Per-seller counters kept beside the user so a storefront is one read. */
export interface SellerStatsRecord {
  _id: string
  followerCount: number
  version: number
}

export const Communities = defineCollection<CommunityRecord>('communities', [
  { name: 'city', fields: [{ field: 'city' }, { field: '_id' }] },
  { name: 'invite', fields: [{ field: 'inviteCode' }], unique: true },
])
export const Memberships = defineCollection<MembershipRecord>('community_members', [
  { name: 'user', fields: [{ field: 'userId' }, { field: 'joinedAt' }] },
])
export const Favorites = defineCollection<FavoriteRecord>('favorites', [
  { name: 'user_at', fields: [{ field: 'userId' }, { field: 'at', direction: 'desc' }] },
])
export const Follows = defineCollection<FollowRecord>('follows', [
  { name: 'follower', fields: [{ field: 'followerId' }, { field: 'at', direction: 'desc' }] },
])
export const SellerStats = defineCollection<SellerStatsRecord>('seller_stats')

export const membershipId = (communityId: string, userId: string) => `${communityId}:${userId}`
export const favoriteId = (userId: string, listingId: string) => `${userId}:${listingId}`
export const followId = (followerId: string, sellerId: string) => `${followerId}:${sellerId}`
