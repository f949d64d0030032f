import { idsOf, labelOf } from './options'

const sub = (id: string, label: string) => ({ id, label })

/**
 * The two-level category tree shown on the publish form, as feed chips and as search filters.
 * Ids are stable (stored on listings); labels may change. Leaf ids are `<top>.<leaf>`.
 */
export const CATEGORIES = [
  {
    id: 'phone',
    label: '手机',
    children: [
      sub('phone.iphone', '苹果手机'),
      sub('phone.android', '安卓手机'),
      sub('phone.accessory', '手机配件'),
    ],
  },
  {
    id: 'digital',
    label: '数码',
    children: [
      sub('digital.earphones', '耳机音箱'),
      sub('digital.camera', '相机摄影'),
      sub('digital.tablet', '平板'),
      sub('digital.wearable', '智能穿戴'),
      sub('digital.gaming', '游戏机'),
    ],
  },
  {
    id: 'computer',
    label: '电脑办公',
    children: [
      sub('computer.laptop', '笔记本'),
      sub('computer.desktop', '台式机'),
      sub('computer.monitor', '显示器'),
      sub('computer.peripheral', '键鼠外设'),
    ],
  },
  {
    id: 'appliance',
    label: '家用电器',
    children: [
      sub('appliance.kitchen', '厨房电器'),
      sub('appliance.cleaning', '清洁电器'),
      sub('appliance.personal', '个护电器'),
      sub('appliance.large', '大家电'),
    ],
  },
  {
    id: 'furniture',
    label: '家具家居',
    children: [
      sub('furniture.table', '桌椅'),
      sub('furniture.storage', '柜架收纳'),
      sub('furniture.bed', '床和床品'),
      sub('furniture.decor', '家居饰品'),
    ],
  },
  {
    id: 'clothing',
    label: '服饰鞋包',
    children: [
      sub('clothing.women', '女装'),
      sub('clothing.men', '男装'),
      sub('clothing.shoes', '鞋靴'),
      sub('clothing.bags', '箱包'),
    ],
  },
  {
    id: 'beauty',
    label: '美妆个护',
    children: [
      sub('beauty.skincare', '护肤'),
      sub('beauty.makeup', '彩妆'),
      sub('beauty.fragrance', '香水'),
    ],
  },
  {
    id: 'baby',
    label: '母婴童装',
    children: [
      sub('baby.stroller', '童车座椅'),
      sub('baby.toys', '早教玩具'),
      sub('baby.clothes', '童装'),
    ],
  },
  {
    id: 'books',
    label: '图书教材',
    children: [
      sub('books.textbook', '教材教辅'),
      sub('books.fiction', '文学小说'),
      sub('books.exam', '考试考证'),
    ],
  },
  {
    id: 'sports',
    label: '运动户外',
    children: [
      sub('sports.bike', '自行车'),
      sub('sports.fitness', '健身器材'),
      sub('sports.outdoor', '户外装备'),
      sub('sports.ball', '球类'),
    ],
  },
  {
    id: 'toys',
    label: '玩具乐器',
    children: [
      sub('toys.models', '模型手办'),
      sub('toys.instrument', '乐器'),
      sub('toys.boardgame', '桌游'),
    ],
  },
  {
    id: 'other',
    label: '其他闲置',
    children: [
      sub('other.tickets', '票券卡券'),
      sub('other.pets', '宠物用品'),
      sub('other.misc', '杂物'),
    ],
  },
  {
    id: 'services',
    label: '本地服务',
    children: [
      sub('services.tutoring', '家教'),
      sub('services.repair', '维修'),
      sub('services.errand', '跑腿'),
      sub('services.cleaning', '保洁'),
      sub('services.moving', '搬家'),
      sub('services.photo', '摄影'),
      sub('services.pet', '宠物照看'),
    ],
  },
] as const

export type CategoryId = (typeof CATEGORIES)[number]['id']
export type SubcategoryId = (typeof CATEGORIES)[number]['children'][number]['id']
export const CATEGORY_IDS = idsOf(CATEGORIES)
export const SUBCATEGORY_IDS = CATEGORIES.flatMap((c) => c.children.map((s) => s.id)) as [
  SubcategoryId,
  ...SubcategoryId[],
]
/** Goods categories: everything but 本地服务. */
export const GOODS_CATEGORY_IDS = CATEGORY_IDS.filter((id) => id !== 'services')
export const SERVICE_CATEGORY: CategoryId = 'services'

export const categoryLabel = (id: string): string => {
  for (const c of CATEGORIES) {
    if (c.id === id) return c.label
    const leaf = c.children.find((s) => s.id === id)
    if (leaf) return leaf.label
  }
  return '其他闲置'
}

/** The top-level category a leaf id belongs to (`digital.camera` → `digital`). */
export const parentCategory = (subcategory: string): CategoryId | undefined =>
  CATEGORIES.find((c) => c.children.some((s) => s.id === subcategory))?.id

/** Condition grades, best first; the labels are the ones buyers know from 闲鱼. */
export const CONDITIONS = [
  { id: 'new', label: '全新' },
  { id: 'like_new', label: '几乎全新' },
  { id: 'light_wear', label: '轻微使用痕迹' },
  { id: 'heavy_wear', label: '明显使用痕迹' },
] as const
export type ConditionId = (typeof CONDITIONS)[number]['id']
export const CONDITION_IDS = idsOf(CONDITIONS)
export const conditionLabel = (id: string | null): string => labelOf(CONDITIONS, id)

/** Goods are things; services are work done locally (家教, 维修, 跑腿 …). */
export const LISTING_KINDS = ['goods', 'service'] as const
export type ListingKind = (typeof LISTING_KINDS)[number]

/** How a service is priced: ¥80/小时, ¥200/次 … */
export const SERVICE_UNITS = [
  { id: 'hour', label: '小时' },
  { id: 'session', label: '次' },
  { id: 'day', label: '天' },
  { id: 'item', label: '件' },
] as const
export type ServiceUnitId = (typeof SERVICE_UNITS)[number]['id']
export const SERVICE_UNIT_IDS = idsOf(SERVICE_UNITS)
export const serviceUnitLabel = (id: string): string => labelOf(SERVICE_UNITS, id)

/** Ways to hand an item over; a listing offers at least one. */
export const TRADE_METHODS = [
  { id: 'shipping', label: '邮寄' },
  { id: 'meetup', label: '同城面交' },
  { id: 'pickup', label: '自提' },
] as const
export type TradeMethod = (typeof TRADE_METHODS)[number]['id']
export const TRADE_METHOD_IDS = idsOf(TRADE_METHODS)

export const LISTING_LIMITS = {
  titleMin: 2,
  titleMax: 30,
  descriptionMin: 5,
  descriptionMax: 1500,
  photosMin: 1,
  photosMax: 9,
  pageMax: 50,
  pageDefault: 20,
  /** A fixed fee above this is not shipping: it would move the price out of the commission's sight. */
  shippingFeeMaxFen: 20_000,
  /** A parcel's stated weight, kg: what couriers take as an ordinary parcel. */
  weightKgMin: 0.1,
  weightKgMax: 50,
  serviceRadiusKmMax: 50,
  deliveryStandardMin: 10,
  deliveryStandardMax: 500,
  communitiesMax: 5,
} as const

/**
 * A listing's life: draft → active ⇄ removed (taken down / relisted), active → sold,
 * active → expired (30 days without 擦亮) → active (relist). Only active listings are found.
 */
export const LISTING_STATUSES = ['draft', 'active', 'removed', 'sold', 'expired'] as const
export type ListingStatus = (typeof LISTING_STATUSES)[number]

export const LISTING_STATUS_LABELS: Record<ListingStatus, string> = {
  draft: '草稿',
  active: '在售',
  removed: '已下架',
  sold: '已卖出',
  expired: '已过期',
}
