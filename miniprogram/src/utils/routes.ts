/** Page paths in one place: tab pages are switched to, the rest are navigated to. */
export const Routes = {
  home: '/pages/index/index',
  publishTab: '/pages/publish/index',
  messages: '/pages/messages/index',
  me: '/pages/me/index',
  publishForm: '/package-listing/publish/index',
  editListing: (id: string) => `/package-listing/publish/index?id=${encodeURIComponent(id)}`,
  detail: (id: string) => `/package-listing/detail/index?id=${encodeURIComponent(id)}`,
  mine: '/package-listing/mine/index',
  /** 分享海报 of the caller's own share token (share.create's `token`). */
  poster: (token: string) => `/package-listing/poster/index?st=${encodeURIComponent(token)}`,
  /**
   * Sign-in; it returns to `from` (the page that asked) or, once signed in, opens `then` (what
   * the tap meant to do, e.g. 确认订单 for 立即购买). utils/login-return.ts reads both.
   */
  login: (r: { from?: string; then?: string } = {}) => {
    const query = (['from', 'then'] as const)
      .filter((k) => r[k])
      .map((k) => `${k}=${encodeURIComponent(r[k]!)}`)
    return `/package-user/login/index${query.length ? `?${query.join('&')}` : ''}`
  },
  profileEdit: '/package-user/profile-edit/index',
  /** 设置: "在信任标签中显示我". */
  settings: '/package-user/settings/index',
  /** 群闲置 of one group circle (share.group's key). */
  shareGroup: (groupKey: string) =>
    `/package-share/group/index?key=${encodeURIComponent(groupKey)}`,
  /** 我的群闲置: the caller's group circles. */
  myGroups: '/package-share/groups/index',
  /** 分享数据 of the seller's own listing. */
  shareStats: (listingId: string) =>
    `/package-share/stats/index?listingId=${encodeURIComponent(listingId)}`,
  search: (keyword?: string) =>
    keyword
      ? `/package-search/search/index?q=${encodeURIComponent(keyword)}`
      : '/package-search/search/index',
  storefront: (userId: string) =>
    `/package-social/storefront/index?id=${encodeURIComponent(userId)}`,
  community: (id: string) => `/package-social/community/index?id=${encodeURIComponent(id)}`,
  joinCommunity: (code?: string) =>
    code
      ? `/package-social/community-join/index?code=${encodeURIComponent(code)}`
      : '/package-social/community-join/index',
  myCommunities: '/package-social/communities/index',
  favorites: '/package-social/favorites/index',
  following: '/package-social/following/index',
  /** 立即购买, or with an accepted offer, checkout at the agreed price (the server reads the offer). */
  checkout: (listingId: string, offerId?: string) =>
    `/package-order/confirm/index?listingId=${encodeURIComponent(listingId)}${
      offerId ? `&offerId=${encodeURIComponent(offerId)}` : ''
    }`,
  conversation: (id: string) => `/package-chat/conversation/index?id=${encodeURIComponent(id)}`,
  /** 聊一聊 from a listing: the page opens (or makes) the caller's conversation about it. */
  chatAbout: (listingId: string) =>
    `/package-chat/conversation/index?listingId=${encodeURIComponent(listingId)}`,
  /** A seller's conversations about one of their listings (买家咨询). */
  listingChats: (listingId: string) =>
    `/package-chat/by-listing/index?listingId=${encodeURIComponent(listingId)}`,
  order: (id: string) => `/package-order/detail/index?id=${encodeURIComponent(id)}`,
  orders: (role: 'buyer' | 'seller', tab?: string) =>
    `/package-order/list/index?role=${role}${tab ? `&tab=${encodeURIComponent(tab)}` : ''}`,
  /** The review form: rate the order (评价), add a 追评, or reply to the other party's review. */
  reviewForm: (orderId: string, mode: 'submit' | 'followUp' | 'reply' = 'submit') =>
    `/package-order/review/index?orderId=${encodeURIComponent(orderId)}${mode === 'submit' ? '' : `&mode=${mode}`}`,
  /** 我的评价: 待评价, what the caller gave, what they received. */
  reviews: (box?: 'pending' | 'given' | 'received') =>
    `/package-order/reviews/index${box ? `?box=${box}` : ''}`,
  /** 信用: the caller's own (score, factors, history) or, with a user id, what others may see. */
  credit: (userId?: string) =>
    userId
      ? `/package-user/credit/index?id=${encodeURIComponent(userId)}`
      : '/package-user/credit/index',
  /**
   * 举报 a listing, a user, a chat message or an order. `label` names it in the form's heading;
   * `conversationId` (a chat) or the order itself offers chat messages to attach as evidence.
   */
  report: (
    target: { kind: 'listing' | 'user' | 'message' | 'order'; id: string },
    extra: { label?: string; conversationId?: string } = {},
  ) => {
    const q: [string, string | undefined][] = [
      ['kind', target.kind],
      ['id', target.id],
      ['label', extra.label?.slice(0, 30)],
      ['conv', extra.conversationId],
    ]
    return `/package-user/report/index?${q
      .filter(([, v]) => v)
      .map(([k, v]) => `${k}=${encodeURIComponent(v!)}`)
      .join('&')}`
  },
  /** 我的举报: the caller's reports and how each was decided. */
  myReports: '/package-user/reports/index',
  /** 我的处罚: decisions against the caller, each with its 申诉. */
  penalties: '/package-user/penalties/index',
  /** Moderators: 审核后台, the queue of cases (or of appeals). */
  moderation: (view?: 'cases' | 'appeals') =>
    view === 'appeals'
      ? '/package-moderation/queue/index?view=appeals'
      : '/package-moderation/queue/index',
  /** Moderators: one case with its evidence and the decision form. */
  moderationCase: (caseId: string) =>
    `/package-moderation/case/index?id=${encodeURIComponent(caseId)}`,
  disputes: '/package-order/disputes/index',
  /** 小法庭: the caller's jury cases, or one case with its vote form. */
  jury: (caseId?: string) =>
    caseId
      ? `/package-order/jury/index?caseId=${encodeURIComponent(caseId)}`
      : '/package-order/jury/index',
  failedJobs: '/package-order/jobs/index',
  onboarding: '/package-merchant/onboarding/index',
  wallet: '/package-merchant/wallet/index',
  /** Operators: the guarantee fund (先行赔付) and its movements. */
  guaranteeFund: '/package-merchant/fund/index',
  /** The address book; `choose` returns the picked id to the opener (utils/address-choice.ts). */
  addresses: (choose?: { selectedId?: string }) =>
    choose
      ? `/package-user/addresses/index?choose=1${choose.selectedId ? `&selected=${encodeURIComponent(choose.selectedId)}` : ''}`
      : '/package-user/addresses/index',
  addressEdit: (id?: string) =>
    id
      ? `/package-user/address-edit/index?id=${encodeURIComponent(id)}`
      : '/package-user/address-edit/index',
} as const

const TAB_PAGES: string[] = [Routes.home, Routes.publishTab, Routes.messages, Routes.me]

/** Tab pages are reached with switchTab (which takes no query), every other page with navigateTo. */
export const isTabPage = (url: string) => TAB_PAGES.includes(url.split('?')[0])
