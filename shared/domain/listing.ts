/** Categories shown on the publish form and as feed chips. Ids are stable; labels may change. */
export const CATEGORIES = [
  { id: 'phone', label: '手机' },
  { id: 'digital', label: '数码' },
  { id: 'computer', label: '电脑办公' },
  { id: 'appliance', label: '家用电器' },
  { id: 'furniture', label: '家具家居' },
  { id: 'clothing', label: '服饰鞋包' },
  { id: 'beauty', label: '美妆个护' },
  { id: 'baby', label: '母婴童装' },
  { id: 'books', label: '图书教材' },
  { id: 'sports', label: '运动户外' },
  { id: 'toys', label: '玩具乐器' },
  { id: 'other', label: '其他闲置' },
] as const
export type CategoryId = (typeof CATEGORIES)[number]['id']
export const CATEGORY_IDS = CATEGORIES.map((c) => c.id) as [CategoryId, ...CategoryId[]]
export const categoryLabel = (id: string): string =>
  CATEGORIES.find((c) => c.id === id)?.label ?? '其他闲置'

/** Condition grades, best first; the labels are the ones buyers know from 闲鱼. */
export const CONDITIONS = [
  { id: 'new', label: '全新' },
  { id: 'like_new', label: '几乎全新' },
  { id: 'light_wear', label: '轻微使用痕迹' },
  { id: 'heavy_wear', label: '明显使用痕迹' },
] as const
export type ConditionId = (typeof CONDITIONS)[number]['id']
export const CONDITION_IDS = CONDITIONS.map((c) => c.id) as [ConditionId, ...ConditionId[]]
export const conditionLabel = (id: string): string =>
  CONDITIONS.find((c) => c.id === id)?.label ?? ''

export const LISTING_LIMITS = {
  titleMin: 2,
  titleMax: 30,
  descriptionMin: 5,
  descriptionMax: 1500,
  photosMin: 1,
  photosMax: 9,
  pageMax: 50,
  pageDefault: 20,
} as const

/** Listing states this slice knows; the full lifecycle (draft, sold, expired…) builds on these. */
export const LISTING_STATUSES = ['active', 'removed'] as const
export type ListingStatus = (typeof LISTING_STATUSES)[number]
