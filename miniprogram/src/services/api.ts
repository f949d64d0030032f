import { AddressContract } from '@shared/contracts/address.contract'
import { ChatContract } from '@shared/contracts/chat.contract'
import { CreditContract } from '@shared/contracts/credit.contract'
import { DisputeContract } from '@shared/contracts/dispute.contract'
import { ListingContract } from '@shared/contracts/listing.contract'
import { MerchantContract } from '@shared/contracts/merchant.contract'
import { OfferContract } from '@shared/contracts/offer.contract'
import type { ActionInput } from '@shared/contracts/define-contract'
import { OrderContract } from '@shared/contracts/order.contract'
import { RecommendContract } from '@shared/contracts/recommend.contract'
import { ReportContract } from '@shared/contracts/report.contract'
import { ReviewContract } from '@shared/contracts/review.contract'
import { SearchContract } from '@shared/contracts/search.contract'
import { ShareContract } from '@shared/contracts/share.contract'
import { SocialContract } from '@shared/contracts/social.contract'
import { UserContract } from '@shared/contracts/user.contract'
import { createClient } from './client'
import { transport } from './cloud'
import { isAuthError, type ServiceError } from './service-error'

type UnauthenticatedListener = (error: ServiceError) => void
let onUnauthenticated: UnauthenticatedListener | null = null

/** The session store registers here so a dead session is forgotten wherever it is discovered. */
export const setUnauthenticatedListener = (listener: UnauthenticatedListener | null) => {
  onUnauthenticated = listener
}

let onBanned: UnauthenticatedListener | null = null

/** The app registers here to tell a suspended or banned user why, and where to appeal. */
export const setBannedListener = (listener: UnauthenticatedListener | null) => {
  onBanned = listener
}

export const client = createClient(transport, {
  onError: (e) => {
    if (isAuthError(e)) onUnauthenticated?.(e)
    if (e.code === 'USER.BANNED') onBanned?.(e)
  },
})

type L = typeof ListingContract.actions
type U = typeof UserContract.actions
type S = typeof SearchContract.actions
type So = typeof SocialContract.actions
type O = typeof OrderContract.actions
type M = typeof MerchantContract.actions
type A = typeof AddressContract.actions
type C = typeof ChatContract.actions
type Of = typeof OfferContract.actions
type R = typeof RecommendContract.actions
type Sh = typeof ShareContract.actions
type Rv = typeof ReviewContract.actions
type Rp = typeof ReportContract.actions
type Cr = typeof CreditContract.actions

/** The seller's lifecycle actions on one listing, each answering the updated detail. */
export type ListingLifecycleAction = 'publish' | 'takeDown' | 'relist' | 'markSold' | 'renew'

/** The backend as pages see it: one typed function per contract action. */
export const api = {
  user: {
    login: () => client.call(UserContract, 'login', {}),
    me: () => client.call(UserContract, 'me', {}),
    updateProfile: (input: ActionInput<U['updateProfile']>) =>
      client.call(UserContract, 'updateProfile', input),
    notices: (input: ActionInput<U['notices']>) => client.call(UserContract, 'notices', input),
    markNoticesRead: () => client.call(UserContract, 'markNoticesRead', {}),
  },
  listing: {
    create: (input: ActionInput<L['create']>) => client.call(ListingContract, 'create', input),
    update: (input: ActionInput<L['update']>) => client.call(ListingContract, 'update', input),
    get: (input: ActionInput<L['get']>) => client.call(ListingContract, 'get', input),
    feed: (input: ActionInput<L['feed']>) => client.call(ListingContract, 'feed', input),
    mine: (input: ActionInput<L['mine']>) => client.call(ListingContract, 'mine', input),
    bySeller: (input: ActionInput<L['bySeller']>) =>
      client.call(ListingContract, 'bySeller', input),
    priceReference: (input: ActionInput<L['priceReference']>) =>
      client.call(ListingContract, 'priceReference', input),
    /** publish / takeDown / relist / markSold / renew (擦亮), all `{ id }` → the listing. */
    act: (action: ListingLifecycleAction, id: string) =>
      client.call(ListingContract, action, { id }),
  },
  recommend: {
    /** 推荐: a page of the caller's ranking (what is popular nearby for a guest). */
    feed: (input: ActionInput<R['feed']>) => client.call(RecommendContract, 'feed', input),
  },
  search: {
    query: (input: ActionInput<S['query']>) => client.call(SearchContract, 'query', input),
    suggest: (input: ActionInput<S['suggest']>) => client.call(SearchContract, 'suggest', input),
    hot: (input: ActionInput<S['hot']>) => client.call(SearchContract, 'hot', input),
    history: () => client.call(SearchContract, 'history', {}),
    clearHistory: () => client.call(SearchContract, 'clearHistory', {}),
  },
  social: {
    favorite: (listingId: string) => client.call(SocialContract, 'favorite', { listingId }),
    unfavorite: (listingId: string) => client.call(SocialContract, 'unfavorite', { listingId }),
    favorites: (input: ActionInput<So['favorites']>) =>
      client.call(SocialContract, 'favorites', input),
    follow: (userId: string) => client.call(SocialContract, 'follow', { userId }),
    unfollow: (userId: string) => client.call(SocialContract, 'unfollow', { userId }),
    followingFeed: (input: ActionInput<So['followingFeed']>) =>
      client.call(SocialContract, 'followingFeed', input),
    storefront: (userId: string) => client.call(SocialContract, 'storefront', { userId }),
    following: (input: ActionInput<So['following']>) =>
      client.call(SocialContract, 'following', input),
    myCounts: () => client.call(SocialContract, 'myCounts', {}),
    communitiesNear: (input: ActionInput<So['communitiesNear']>) =>
      client.call(SocialContract, 'communitiesNear', input),
    createCommunity: (input: ActionInput<So['createCommunity']>) =>
      client.call(SocialContract, 'createCommunity', input),
    joinCommunity: (input: ActionInput<So['joinCommunity']>) =>
      client.call(SocialContract, 'joinCommunity', input),
    leaveCommunity: (communityId: string) =>
      client.call(SocialContract, 'leaveCommunity', { communityId }),
    myCommunities: () => client.call(SocialContract, 'myCommunities', {}),
    community: (input: ActionInput<So['community']>) =>
      client.call(SocialContract, 'community', input),
  },
  order: {
    terms: () => client.call(OrderContract, 'terms', {}),
    messageTemplates: () => client.call(OrderContract, 'messageTemplates', {}),
    freightQuote: (input: ActionInput<O['freightQuote']>) =>
      client.call(OrderContract, 'freightQuote', input),
    checkout: (input: ActionInput<O['checkout']>) => client.call(OrderContract, 'checkout', input),
    pay: (orderId: string) => client.call(OrderContract, 'pay', { orderId }),
    syncPayment: (orderId: string) => client.call(OrderContract, 'syncPayment', { orderId }),
    get: (orderId: string) => client.call(OrderContract, 'get', { orderId }),
    mine: (input: ActionInput<O['mine']>) => client.call(OrderContract, 'mine', input),
    forListing: (listingId: string) => client.call(OrderContract, 'forListing', { listingId }),
    cancel: (orderId: string) => client.call(OrderContract, 'cancel', { orderId }),
    ship: (input: ActionInput<O['ship']>) => client.call(OrderContract, 'ship', input),
    detectCourier: (input: ActionInput<O['detectCourier']>) =>
      client.call(OrderContract, 'detectCourier', input),
    handOver: (input: ActionInput<O['handOver']>) => client.call(OrderContract, 'handOver', input),
    deliverService: (orderId: string) => client.call(OrderContract, 'deliverService', { orderId }),
    confirm: (orderId: string) => client.call(OrderContract, 'confirm', { orderId }),
    requestRefund: (input: ActionInput<O['requestRefund']>) =>
      client.call(OrderContract, 'requestRefund', input),
    answerRefund: (input: ActionInput<O['answerRefund']>) =>
      client.call(OrderContract, 'answerRefund', input),
    shipReturn: (input: ActionInput<O['shipReturn']>) =>
      client.call(OrderContract, 'shipReturn', input),
    receiveReturn: (orderId: string) => client.call(OrderContract, 'receiveReturn', { orderId }),
    contestReturn: (input: ActionInput<O['contestReturn']>) =>
      client.call(OrderContract, 'contestReturn', input),
    pickupQuote: (input: ActionInput<O['pickupQuote']>) =>
      client.call(OrderContract, 'pickupQuote', input),
    bookPickup: (input: ActionInput<O['bookPickup']>) =>
      client.call(OrderContract, 'bookPickup', input),
    cancelPickup: (orderId: string) => client.call(OrderContract, 'cancelPickup', { orderId }),
    disputes: (input: ActionInput<O['disputes']>) => client.call(OrderContract, 'disputes', input),
    failedJobs: (input: ActionInput<O['failedJobs']>) =>
      client.call(OrderContract, 'failedJobs', input),
    retryJob: (jobId: string) => client.call(OrderContract, 'retryJob', { jobId }),
    resolve: (input: ActionInput<O['resolve']>) => client.call(OrderContract, 'resolve', input),
    compensate: (input: ActionInput<O['compensate']>) =>
      client.call(OrderContract, 'compensate', input),
  },
  merchant: {
    status: () => client.call(MerchantContract, 'status', {}),
    submit: (input: ActionInput<M['submit']>) => client.call(MerchantContract, 'submit', input),
    refresh: () => client.call(MerchantContract, 'refresh', {}),
    wallet: () => client.call(MerchantContract, 'wallet', {}),
    withdraw: (input: ActionInput<M['withdraw']>) =>
      client.call(MerchantContract, 'withdraw', input),
    guaranteeFund: () => client.call(MerchantContract, 'guaranteeFund', {}),
  },
  address: {
    list: () => client.call(AddressContract, 'list', {}),
    get: (id: string) => client.call(AddressContract, 'get', { id }),
    create: (input: ActionInput<A['create']>) => client.call(AddressContract, 'create', input),
    update: (input: ActionInput<A['update']>) => client.call(AddressContract, 'update', input),
    remove: (id: string) => client.call(AddressContract, 'remove', { id }),
    setDefault: (id: string) => client.call(AddressContract, 'setDefault', { id }),
  },
  chat: {
    open: (listingId: string) => client.call(ChatContract, 'open', { listingId }),
    get: (conversationId: string) => client.call(ChatContract, 'get', { conversationId }),
    list: (input: ActionInput<C['list']>) => client.call(ChatContract, 'list', input),
    /** The caller's own listings buyers asked about (N 人咨询); with listingId, that one. */
    listings: (input: ActionInput<C['listings']>) => client.call(ChatContract, 'listings', input),
    history: (input: ActionInput<C['history']>) => client.call(ChatContract, 'history', input),
    since: (input: ActionInput<C['since']>) => client.call(ChatContract, 'since', input),
    send: (input: ActionInput<C['send']>) => client.call(ChatContract, 'send', input),
    markRead: (conversationId: string, seq: number) =>
      client.call(ChatContract, 'markRead', { conversationId, seq }),
    unreadTotal: () => client.call(ChatContract, 'unreadTotal', {}),
    block: (conversationId: string) => client.call(ChatContract, 'block', { conversationId }),
    unblock: (conversationId: string) => client.call(ChatContract, 'unblock', { conversationId }),
  },
  dispute: {
    /** The order's dispute: stage, deadlines, both sides' evidence, proposals, jury, outcome. */
    get: (orderId: string) => client.call(DisputeContract, 'get', { orderId }),
    /** Messages of the order's conversation the caller may pick as evidence. */
    chatMessages: (orderId: string) => client.call(DisputeContract, 'chatMessages', { orderId }),
    /** The caller's evidence (once): text, photos, picked chat messages, the parcels' trace. */
    submitEvidence: (input: ActionInput<(typeof DisputeContract)['actions']['submitEvidence']>) =>
      client.call(DisputeContract, 'submitEvidence', input),
    /** A settlement offer to the other party. */
    propose: (input: ActionInput<(typeof DisputeContract)['actions']['propose']>) =>
      client.call(DisputeContract, 'propose', input),
    /** Accept or reject the other party's latest proposal. */
    answer: (orderId: string, proposalId: string, accept: boolean) =>
      client.call(DisputeContract, 'answer', { orderId, proposalId, accept }),
    /** 申请小法庭: end the negotiation now. */
    escalate: (orderId: string) => client.call(DisputeContract, 'escalate', { orderId }),
    /** 小法庭: the cases the caller was drawn for. */
    jurorCases: () => client.call(DisputeContract, 'jurorCases', {}),
    /** One case, anonymised, as its juror sees it. */
    juryCase: (caseId: string) => client.call(DisputeContract, 'juryCase', { caseId }),
    /** The juror's vote with a reason. */
    vote: (input: ActionInput<(typeof DisputeContract)['actions']['vote']>) =>
      client.call(DisputeContract, 'vote', input),
  },
  report: {
    /** 举报 a listing, a user, a chat message or an order. */
    create: (input: ActionInput<Rp['create']>) => client.call(ReportContract, 'create', input),
    /** 我的举报 with their outcome. */
    mine: (cursor?: string) => client.call(ReportContract, 'mine', cursor ? { cursor } : {}),
    /** 我的处罚 with the appeal each allows. */
    myPenalties: () => client.call(ReportContract, 'myPenalties', {}),
    /** One appeal of a decision, within 7 days. */
    appeal: (decisionId: string, text: string) =>
      client.call(ReportContract, 'appeal', { decisionId, text }),
    /** Moderators: the queue (cases or appeals). */
    queue: (view: 'cases' | 'appeals', cursor?: string) =>
      client.call(ReportContract, 'queue', cursor ? { view, cursor } : { view }),
    /** Moderators: one case with its evidence. */
    case: (caseId: string) => client.call(ReportContract, 'case', { caseId }),
    /** Moderators: the decision on a case. */
    decide: (input: ActionInput<Rp['decide']>) => client.call(ReportContract, 'decide', input),
    /** Moderators (not the one who decided): the answer to an appeal. */
    answerAppeal: (input: ActionInput<Rp['answerAppeal']>) =>
      client.call(ReportContract, 'answerAppeal', input),
  },
  review: {
    /** Rates the other party of a completed order (hidden until both are in or 7 days pass). */
    submit: (input: ActionInput<Rv['submit']>) => client.call(ReviewContract, 'submit', input),
    /** 追评 on the caller's published review. */
    followUp: (input: ActionInput<Rv['followUp']>) =>
      client.call(ReviewContract, 'followUp', input),
    /** The caller's one reply to the other party's published review of them. */
    reply: (orderId: string, text: string) =>
      client.call(ReviewContract, 'reply', { orderId, text }),
    /** 待评价 / 我评价的 / 收到的评价. */
    mine: (input: ActionInput<Rv['mine']>) => client.call(ReviewContract, 'mine', input),
    /** A user's published reviews (a storefront's 评价). */
    forUser: (input: ActionInput<Rv['forUser']>) => client.call(ReviewContract, 'forUser', input),
    /** An order's reviews as the caller may see them (null before the order is reviewable). */
    forOrder: (orderId: string) => client.call(ReviewContract, 'forOrder', { orderId }),
  },
  credit: {
    /** The caller's score, tier, factors, ways up, privileges, paged history and 已存证 status. */
    mine: (input: ActionInput<Cr['mine']> = {}) => client.call(CreditContract, 'mine', input),
    /** What strangers see of a user's credit (tier, badge, 成交/好评率), e.g. on a storefront. */
    forUser: (userId: string) => client.call(CreditContract, 'forUser', { userId }),
    /** 信用存证: the caller's hash chain and the Merkle proof for a day (latest by default). */
    evidence: (day?: string) => client.call(CreditContract, 'evidence', day ? { day } : {}),
  },
  offer: {
    make: (listingId: string, priceFen: number) =>
      client.call(OfferContract, 'make', { listingId, priceFen }),
    get: (offerId: string) => client.call(OfferContract, 'get', { offerId }),
    forListing: (input: ActionInput<Of['forListing']>) =>
      client.call(OfferContract, 'forListing', input),
    accept: (offerId: string) => client.call(OfferContract, 'accept', { offerId }),
    decline: (offerId: string) => client.call(OfferContract, 'decline', { offerId }),
    withdraw: (offerId: string) => client.call(OfferContract, 'withdraw', { offerId }),
    counter: (offerId: string, priceFen: number) =>
      client.call(OfferContract, 'counter', { offerId, priceFen }),
  },
  share: {
    /** A share token and card for onShareAppMessage / onShareTimeline (and wx.updateShareMenu). */
    create: (input: ActionInput<Sh['create']>) => client.call(ShareContract, 'create', input),
    /** A page opened with `st` (and the group's cloudID from wx.getGroupEnterInfo). */
    open: (input: ActionInput<Sh['open']>) => client.call(ShareContract, 'open', input),
    /** A poster's 小程序码: `query.scene` → what to open. */
    scene: (scene: string) => client.call(ShareContract, 'scene', { scene }),
    stats: (listingId: string) => client.call(ShareContract, 'stats', { listingId }),
    myGroups: () => client.call(ShareContract, 'myGroups', {}),
    group: (input: ActionInput<Sh['group']>) => client.call(ShareContract, 'group', input),
    postToGroup: (groupKey: string, listingId: string) =>
      client.call(ShareContract, 'postToGroup', { groupKey, listingId }),
    setGroupLabel: (groupKey: string, label: string | null) =>
      client.call(ShareContract, 'setGroupLabel', { groupKey, label }),
    trust: (input: ActionInput<Sh['trust']>) => client.call(ShareContract, 'trust', input),
    settings: () => client.call(ShareContract, 'settings', {}),
    updateSettings: (input: ActionInput<Sh['updateSettings']>) =>
      client.call(ShareContract, 'updateSettings', input),
    poster: (token: string) => client.call(ShareContract, 'poster', { token }),
  },
}
