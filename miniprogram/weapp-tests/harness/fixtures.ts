/**
 * Answers shaped exactly as the functions answer them (each passes its contract: fake-cloud.ts
 * checks), with readable content a test can look for on screen. Override what a test is about.
 */
import { ChatContract } from '@shared/contracts/chat.contract'
import type { ListingCard, ListingDetail } from '@shared/contracts/listing.contract'
import { MerchantContract } from '@shared/contracts/merchant.contract'
import { OrderContract } from '@shared/contracts/order.contract'
import type { RecommendPage } from '@shared/contracts/recommend.contract'
import { ReviewContract } from '@shared/contracts/review.contract'
import { type ShareCreated, ShareContract } from '@shared/contracts/share.contract'
import type { Community, Storefront } from '@shared/contracts/social.contract'
import { SocialContract } from '@shared/contracts/social.contract'
import { type UserSelf, UserContract } from '@shared/contracts/user.contract'
import type { FakeCloud } from './fake-cloud'

/** Valid ULIDs (Crockford base32: no I, L, O, U), one per role in the stories below. */
export const IDS = {
  me: '01JQ8Z0000000000000000ME01',
  seller: '01JQ8Z0000000000000000SE02',
  listing: '01JQ8Z0000000000000000AB03',
  otherListing: '01JQ8Z0000000000000000AB04',
  community: '01JQ8Z0000000000000000CM05',
} as const

/** A fixed moment (2026-06-01 10:00 China time) so relative times read the same in every run. */
export const NOW = Date.UTC(2026, 5, 1, 2, 0, 0)
const DAY = 24 * 3600 * 1000

export const me = (over: Partial<UserSelf> = {}): UserSelf => ({
  id: IDS.me,
  nickname: '楼下的小王',
  avatarFileId: null,
  avatarUrl: null,
  city: '上海',
  roles: ['user'],
  joinedAt: NOW - 90 * DAY,
  ...over,
})

const seller = {
  id: IDS.seller,
  nickname: '卖相机的老陈',
  avatarUrl: null,
  creditBadge: '信用极好',
}

export const listingCard = (over: Partial<ListingCard> = {}): ListingCard => ({
  id: IDS.otherListing,
  kind: 'goods',
  title: '九成新富士X100V相机',
  priceFen: 680000,
  originalPriceFen: 899900,
  category: 'digital',
  subcategory: 'digital.camera',
  condition: 'like_new',
  serviceUnit: null,
  coverUrl: 'https://example.test/x100v.jpg',
  city: '上海',
  area: '徐汇区',
  distanceMeters: null,
  freeShipping: false,
  status: 'active',
  bumpedAt: NOW - 3600 * 1000,
  createdAt: NOW - 2 * DAY,
  favoriteCount: 12,
  seller,
  ...over,
})

export const listingDetail = (over: Partial<ListingDetail> = {}): ListingDetail => ({
  ...listingCard({ id: IDS.listing, title: '索尼WH-1000XM4降噪耳机', priceFen: 95000 }),
  originalPriceFen: 249900,
  subcategory: 'digital.earphones',
  description: '去年双十一买的，通勤用了半年，降噪正常，耳罩无破损，配件盒子都在。',
  photos: [
    { fileId: 'cloud://env/listing-photos/a.jpg', url: 'https://example.test/a.jpg' },
    { fileId: 'cloud://env/listing-photos/b.jpg', url: 'https://example.test/b.jpg' },
  ],
  video: null,
  trade: { shipping: null, meetup: true, pickup: false },
  service: null,
  viewCount: 87,
  isFavorited: false,
  updatedAt: NOW - 3600 * 1000,
  version: 3,
  isMine: false,
  owner: null,
  ...over,
})

export const storefront = (over: Partial<Storefront> = {}): Storefront => ({
  seller: { ...seller, city: '上海', joinedAt: NOW - 400 * DAY },
  activeCount: 5,
  soldCount: 23,
  followerCount: 41,
  isFollowing: false,
  isMe: false,
  ...over,
})

export const community = (over: Partial<Community> = {}): Community => ({
  id: IDS.community,
  name: '徐汇苑',
  type: 'residential',
  city: '上海',
  district: '徐汇区',
  memberCount: 128,
  distanceMeters: null,
  isMember: true,
  inviteCode: 'K7Q2MX',
  ...over,
})

export const recommendPage = (items: ListingCard[], over: Partial<RecommendPage> = {}) =>
  ({ items, nextCursor: null, basis: 'personal', ...over }) satisfies RecommendPage

/**
 * What every page of a signed-in session asks for: the silent login at launch, the 消息 badge
 * (unread notices + chats) each tab page refreshes, 我的's counters, 收款账户 state and 待评价
 * count, the 立即购买 state of a listing, a storefront's (empty) reviews, and on shared pages the
 * share token (share.create) and the (empty) trust signals with the other person.
 */
export const signedInDefaults =
  (user: UserSelf = me()) =>
  (cloud: FakeCloud) =>
    cloud
      .answer(UserContract, 'login', { user, isNew: false })
      .answer(UserContract, 'notices', { items: [], nextCursor: null, unread: 0 })
      .answer(ChatContract, 'unreadTotal', { total: 0 })
      .answer(OrderContract, 'forListing', { reserved: false, myOrderId: null })
      .answer(ReviewContract, 'mine', {
        pending: [],
        reviews: [],
        nextCursor: null,
        pendingCount: 0,
      })
      .answer(ReviewContract, 'forUser', {
        items: [],
        nextCursor: null,
        summary: { count: 0, goodCount: 0 },
      })
      .answer(ShareContract, 'create', (input) => shareCreated(input.kind, input.targetId))
      .answer(ShareContract, 'trust', NO_TRUST)
      .answer(SocialContract, 'myCounts', {
        listings: { draft: 1, active: 3, removed: 0, sold: 7, expired: 0 },
        favorites: 9,
        following: 4,
        followers: 15,
      })
      .answer(MerchantContract, 'status', {
        state: 'checking',
        stateLabel: '审核中',
        stateDesc: '资料审核中，请耐心等待',
        legalValidationUrl: null,
        accountValidation: null,
        signUrl: null,
        rejectReasons: [],
        submitted: null,
        defaultStoreName: '楼下的小王的小店',
        canSell: false,
        submittedAt: NOW - DAY,
        checkedAt: NOW - 3600 * 1000,
      })

/** share.create's answer for a target, as the function words it (ShareContract's output). */
export const shareCreated = (
  kind: ShareCreated['kind'],
  targetId: string,
  over: Partial<ShareCreated> = {},
): ShareCreated => {
  const token = over.token ?? SHARE_TOKEN
  const page = {
    listing: 'package-listing/detail/index',
    storefront: 'package-social/storefront/index',
    community: 'package-social/community/index',
  }[kind]
  const listing = kind === 'listing'
  return {
    token,
    kind,
    targetId,
    path: `/${page}?id=${targetId}&st=${token}`,
    timelineQuery: `id=${targetId}&st=${token}`,
    depth: 1,
    reused: false,
    activityId: listing ? '966_NGiqKR2Vsandbox' : null,
    activityExpiresAt: listing ? NOW + DAY : null,
    templateInfo: listing
      ? {
          parameterList: [
            { name: 'member_count', value: '0' },
            { name: 'room_limit', value: '1' },
          ],
        }
      : null,
    card: listing
      ? {
          title: '索尼WH-1000XM4降噪耳机',
          imageUrl: 'https://example.test/a.jpg',
          priceFen: 95000,
          status: 'on_sale',
        }
      : kind === 'storefront'
        ? { title: '卖相机的老陈的闲置', imageUrl: null, priceFen: null, status: null }
        : { title: '徐汇苑', imageUrl: null, priceFen: null, status: null },
    ...over,
  }
}

/** share.trust between strangers: nothing to show. */
export const NO_TRUST = {
  sameGroupCount: 0,
  sharedBy: null,
  sameCommunityCount: 0,
  labels: [],
}

/** The token share.create hands out in these stories (10 Crockford characters, as the server's). */
export const SHARE_TOKEN = 'K7QX9HM2PA'
