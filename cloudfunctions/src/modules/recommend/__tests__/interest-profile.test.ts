import { DAY } from '@shared/domain/time'
import {
  EMPTY_PROFILE,
  HALF_CONFIDENCE_EVIDENCE,
  SIGNAL_WEIGHTS,
  brandOf,
  buildProfile,
  keywordTopics,
  priceBand,
  topCategories,
  type ListingSignal,
} from '../domain/interest-profile'

const NOW = Date.UTC(2026, 11, 2)
const camera = {
  category: 'digital',
  subcategory: 'digital.camera',
  title: '富士 X-T30 微单套机',
  priceFen: 480_000,
}
const book = {
  category: 'books',
  subcategory: 'books.fiction',
  title: '三体 全三册',
  priceFen: 4_500,
}
const signal = (kind: ListingSignal['kind'], listing: ListingSignal['listing'], ageDays = 0) => ({
  kind,
  at: NOW - ageDays * DAY,
  listing,
})
const history = (
  signals: ListingSignal[],
  keywords: string[] = [],
  followedSellerIds: string[] = [],
) => buildProfile({ signals, keywords, followedSellerIds }, NOW)

describe('the interest profile (a fixed history, no store)', () => {
  it('knows nothing of someone with no history: no evidence, no confidence', () => {
    expect(history([])).toEqual(EMPTY_PROFILE)
  })

  it('weighs a 想要 as three views and a purchase as four', () => {
    const p = history([signal('view', book), signal('want', camera)])
    expect(p.evidence).toBe(SIGNAL_WEIGHTS.view + SIGNAL_WEIGHTS.want)
    expect(p.categories).toEqual({ books: 1 / 4, digital: 3 / 4 })
    expect(p.subcategories['digital.camera']).toBe(3 / 4)
    expect(history([signal('buy', book)]).evidence).toBe(4)
  })

  it('halves a signal every two weeks', () => {
    const p = history([signal('view', camera, 14), signal('view', book, 0)])
    expect(p.evidence).toBeCloseTo(1.5)
    expect(p.categories.books).toBeCloseTo(2 / 3)
  })

  it('grows confidence with evidence: half at HALF_CONFIDENCE_EVIDENCE', () => {
    const wants = (n: number) => history(Array.from({ length: n }, () => signal('view', camera)))
    expect(wants(HALF_CONFIDENCE_EVIDENCE).confidence).toBeCloseTo(0.5)
    expect(wants(20).confidence).toBeGreaterThan(wants(4).confidence)
  })

  it('keeps price bands and brands of what was seen', () => {
    const p = history([
      signal('want', camera),
      signal('view', { ...camera, title: '富士 XF 35mm 镜头', priceFen: 200_000 }),
    ])
    expect(p.brands).toEqual({ 富士: 1 })
    expect(p.priceBands).toEqual({
      [String(priceBand(480_000))]: 0.75,
      [String(priceBand(200_000))]: 0.25,
    })
  })

  it('turns searched words into categories through the category names, newest keyword strongest', () => {
    const p = history([], ['相机', '三体'])
    expect(p.categories.digital).toBeGreaterThan(0)
    expect(p.subcategories['digital.camera']).toBe(1)
    // 三体 names no category, but a title may still contain it.
    expect(p.keywords).toEqual(['相机', '三体'])
    expect(p.evidence).toBeCloseTo(2 + 2 * 0.8)
  })

  it('orders categories by strength for the candidate reads', () => {
    const p = history([signal('want', camera), signal('view', book)])
    expect(topCategories(p, 2)).toEqual(['digital', 'books'])
  })
})

describe('profile helpers', () => {
  it('reads the brand sellers put first, and no filler word', () => {
    expect(brandOf('索尼 WH-1000XM5 降噪耳机')).toBe('索尼')
    expect(brandOf('iPhone 15 Pro 256G')).toBe('iphone')
    expect(brandOf('小米14 16+512G')).toBe('小米')
    expect(brandOf('自用 九成新 椅子')).toBeNull()
    expect(brandOf('95新 台灯')).toBeNull()
  })

  it('maps 相机, 苹果 and 耳机 to their leaves, a one-character word to nothing', () => {
    expect(keywordTopics('相机')).toEqual([{ category: 'digital', subcategory: 'digital.camera' }])
    expect(keywordTopics('苹果')).toEqual([{ category: 'phone', subcategory: 'phone.iphone' }])
    expect(keywordTopics('耳机')).toEqual([
      { category: 'digital', subcategory: 'digital.earphones' },
    ])
    expect(keywordTopics('数码')).toEqual([{ category: 'digital', subcategory: null }])
    expect(keywordTopics('包')).toEqual([])
  })

  it('bands prices by doubling', () => {
    expect(priceBand(100)).toBe(0)
    expect(priceBand(12_800)).toBe(7)
    expect(priceBand(25_500)).toBe(7)
    expect(priceBand(25_600)).toBe(8)
  })
})
