/** Sharing (issue 13): what a share card is about, how it was opened, and the state it shows. */

/** What can be shared: a listing (with an updatable card and a poster), a storefront, a community. */
export const SHARE_KINDS = ['listing', 'storefront', 'community'] as const
export type ShareKind = (typeof SHARE_KINDS)[number]

/** How a viewer reached a share: the chat card, 朋友圈 (timeline), or a poster's 小程序码. */
export const SHARE_VIAS = ['card', 'timeline', 'qrcode'] as const
export type ShareVia = (typeof SHARE_VIAS)[number]

/**
 * What a listing's updatable card (动态消息) says: 在售, 已预订 (paid, not yet completed), 已售出
 * (completed: final, it never goes back).
 */
export const CARD_STATUSES = ['on_sale', 'reserved', 'sold'] as const
export type CardStatus = (typeof CARD_STATUSES)[number]
export const CARD_STATUS_LABELS: Record<CardStatus, string> = {
  on_sale: '在售',
  reserved: '已预订',
  sold: '已售出',
}

/** The query parameter a shared path carries its token in (`?id=…&st=…`). */
export const SHARE_TOKEN_PARAM = 'st'

export const SHARE_LIMITS = {
  /** Longest string accepted where a token or scene goes: anything else is simply not a token. */
  tokenInputMax: 64,
  /** A cloudID from wx.getGroupEnterInfo / wx.getShareInfo is well under this. */
  cloudIdMax: 1024,
  /** A group label (群名称 set by a member), in code points. */
  labelMin: 1,
  labelMax: 20,
} as const
