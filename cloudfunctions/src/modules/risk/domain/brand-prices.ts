import type { SubcategoryId } from '@shared/domain/listing'
import { foldText } from '@shared/domain/text-fold'
import { LISTING_RISK } from './listing-risk.rules'

/**
 * What the real thing of a brand typically sells for used, per subcategory: the reference a price
 * is held against to spot a possible counterfeit (a ¥99 "AirPods Pro", a ¥300 "LV Neverfull").
 * Brands are the ones counterfeited most on Chinese second-hand platforms — phones, earphones and
 * game consoles; Dyson; sneakers; luxury bags, perfume and watches. Prices are a rough median of
 * used listings of the brand's common current models on 闲鱼 / 转转 (yuan), kept deliberately on
 * the low side (old models are cheap): the rule asks "is this under a quarter of that?", so the
 * reference only has to be right within a factor of two.
 *
 * `'*'` applies in every goods subcategory (a Rolex is a Rolex wherever it is filed). A brand is
 * named in a subcategory only where its words mean the brand: 苹果 in 其他闲置 is a fruit.
 */
export interface BrandPrice {
  id: string
  /** The brand and its common product names as people write them; matched in the title. */
  words: string[]
  usedYuan: Partial<Record<SubcategoryId | '*', number>>
}

export const BRAND_PRICES: BrandPrice[] = [
  {
    id: 'apple',
    words: ['苹果', 'apple', 'iphone', 'ipad', 'macbook', 'airpods', 'iwatch'],
    usedYuan: {
      'phone.iphone': 2_000,
      'digital.tablet': 1_800,
      'computer.laptop': 4_000,
      'digital.earphones': 500,
      'digital.wearable': 1_000,
    },
  },
  {
    id: 'huawei',
    words: ['华为', 'huawei', 'mate60', 'mate 60'],
    usedYuan: { 'phone.android': 1_500, 'computer.laptop': 2_500 },
  },
  {
    id: 'samsung',
    words: ['三星', 'samsung', 'galaxy'],
    usedYuan: { 'phone.android': 1_500 },
  },
  {
    id: 'sony',
    words: ['索尼', 'sony', 'playstation', 'ps5'],
    usedYuan: { 'digital.earphones': 600, 'digital.camera': 4_000, 'digital.gaming': 1_800 },
  },
  {
    id: 'nintendo',
    words: ['任天堂', 'nintendo', 'switch'],
    usedYuan: { 'digital.gaming': 1_200 },
  },
  { id: 'dji', words: ['大疆', 'dji'], usedYuan: { 'digital.camera': 1_800 } },
  {
    id: 'dyson',
    words: ['戴森', 'dyson'],
    usedYuan: {
      'appliance.personal': 1_500,
      'appliance.cleaning': 1_500,
      'beauty.skincare': 1_500,
      'beauty.makeup': 1_500,
    },
  },
  {
    id: 'nike',
    words: ['耐克', 'nike', 'air jordan', 'aj1'],
    usedYuan: { 'clothing.shoes': 400 },
  },
  {
    id: 'adidas',
    words: ['阿迪达斯', 'adidas', 'yeezy', '椰子鞋'],
    usedYuan: { 'clothing.shoes': 300 },
  },
  {
    id: 'louis-vuitton',
    words: ['lv', '路易威登', 'louis vuitton', '驴牌'],
    usedYuan: {
      'clothing.bags': 5_000,
      'clothing.women': 1_500,
      'clothing.men': 1_500,
      'clothing.shoes': 2_000,
    },
  },
  {
    id: 'chanel',
    words: ['香奈儿', 'chanel', '小香包'],
    usedYuan: { 'clothing.bags': 15_000, 'clothing.women': 3_000, 'beauty.fragrance': 500 },
  },
  {
    id: 'hermes',
    words: ['爱马仕', 'hermes', 'hermès', '铂金包', 'birkin', 'kelly包'],
    usedYuan: { 'clothing.bags': 20_000 },
  },
  {
    id: 'gucci',
    words: ['古驰', 'gucci'],
    usedYuan: { 'clothing.bags': 4_000, 'clothing.shoes': 1_500 },
  },
  { id: 'prada', words: ['普拉达', 'prada'], usedYuan: { 'clothing.bags': 3_000 } },
  {
    id: 'dior',
    words: ['迪奥', 'dior'],
    usedYuan: { 'clothing.bags': 8_000, 'beauty.makeup': 150, 'beauty.fragrance': 400 },
  },
  { id: 'rolex', words: ['劳力士', 'rolex', '绿水鬼', '黑水鬼'], usedYuan: { '*': 30_000 } },
  { id: 'cartier', words: ['卡地亚', 'cartier'], usedYuan: { '*': 8_000 } },
  {
    // "omega" is also fish oil (omega-3): only where a watch is filed.
    id: 'omega',
    words: ['欧米茄', 'omega'],
    usedYuan: {
      'digital.wearable': 10_000,
      'clothing.men': 10_000,
      'clothing.women': 10_000,
      'clothing.bags': 10_000,
    },
  },
]

export interface PricedListingText {
  kind: string
  title: string
  priceFen: number
  category: string
  subcategory: string | null
}

export interface PriceAnomaly {
  brand: string
  /** The brand's typical used price in the listing's subcategory, fen. */
  referenceFen: number
  /** priceFen / referenceFen, rounded to 3 places. */
  ratio: number
  /** review: under LISTING_RISK.price.reviewRatio; warn: under warnRatio. */
  action: 'review' | 'warn'
}

const LATIN = /[a-z]/

/**
 * Where the word first occurs in folded text, or -1. A Latin word must stand alone among letters
 * (lv is not in silver, dior not in diorama), while digits may touch it (iphone15, aj1).
 */
const indexOfWord = (text: string, word: string): number => {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!LATIN.test(word)) return at
    const before = text[at - 1] ?? ''
    const after = text[at + word.length] ?? ''
    if (!LATIN.test(before) && !LATIN.test(after)) return at
  }
  return -1
}

/** The brand a title names first, among those with a reference in this subcategory. */
export const brandReferenceOf = (
  listing: Pick<PricedListingText, 'title' | 'subcategory'>,
): { brand: string; referenceFen: number } | null => {
  if (!listing.subcategory) return null
  // Full-width letters and case folded (ＬＶ, Iphone); spaces kept, they separate words.
  const text = foldText(listing.title).text
  let best: { brand: string; referenceFen: number; at: number } | null = null
  for (const b of BRAND_PRICES) {
    const yuan = b.usedYuan[listing.subcategory as SubcategoryId] ?? b.usedYuan['*']
    if (yuan === undefined) continue
    for (const w of b.words) {
      const at = indexOfWord(text, w.toLowerCase())
      if (at >= 0 && (!best || at < best.at)) best = { brand: b.id, referenceFen: yuan * 100, at }
    }
  }
  return best && { brand: best.brand, referenceFen: best.referenceFen }
}

/**
 * A goods listing priced far below what its brand's item sells for used: a possible counterfeit
 * (or bait). Null for services, unknown brands, subcategories without a reference, and prices
 * that are merely low.
 */
export const priceAnomalyOf = (listing: PricedListingText): PriceAnomaly | null => {
  if (listing.kind !== 'goods') return null
  const ref = brandReferenceOf(listing)
  if (!ref) return null
  const ratio = listing.priceFen / ref.referenceFen
  const { warnRatio, reviewRatio } = LISTING_RISK.price
  if (ratio >= warnRatio) return null
  return {
    ...ref,
    ratio: Math.round(ratio * 1000) / 1000,
    action: ratio < reviewRatio ? 'review' : 'warn',
  }
}
