import {
  badgeText,
  expiryText,
  joinedText,
  priceReferenceText,
  priceText,
  serviceTermLines,
  tradeLabels,
  wantText,
} from '../listing-text'

const DAY = 86_400_000
// 2024-11-24 10:00 in China (02:00 UTC)
const NOW = Date.UTC(2024, 10, 24, 2, 0)

describe('priceText', () => {
  it('shows goods as money and services per unit', () => {
    expect(priceText(1250)).toBe('¥12.50')
    expect(priceText(8000, 'hour')).toBe('¥80/小时')
    expect(priceText(20000, 'session')).toBe('¥200/次')
  })
})

describe('tradeLabels', () => {
  it('lists each way to trade, with the fee when the buyer pays shipping', () => {
    expect(tradeLabels({ shipping: { payer: 'seller' }, meetup: true, pickup: false })).toEqual([
      '包邮',
      '同城面交',
    ])
    expect(
      tradeLabels({ shipping: { payer: 'buyer', feeFen: 1200 }, meetup: false, pickup: true }),
    ).toEqual(['邮寄 运费¥12', '自提'])
    expect(
      tradeLabels({ shipping: { payer: 'quote', weightKg: 2.5 }, meetup: false, pickup: false }),
    ).toEqual(['邮寄 按实际运费'])
    expect(tradeLabels({ shipping: null, meetup: true, pickup: true })).toEqual([
      '同城面交',
      '自提',
    ])
    expect(tradeLabels(null)).toEqual([])
  })
})

describe('serviceTermLines', () => {
  it('says how a service is priced and how far it reaches', () => {
    expect(
      serviceTermLines({ unit: 'hour', radiusKm: 5, deliveryStandard: 'x'.repeat(10) }),
    ).toEqual(['按小时计价', '服务范围 5 公里内'])
  })
})

describe('expiryText', () => {
  it('counts calendar days in China time until the listing comes down', () => {
    expect(expiryText(NOW + 12 * DAY, NOW)).toBe('还有 12 天下架，擦亮可延长')
    // 23:00 the same China day
    expect(expiryText(Date.UTC(2024, 10, 24, 15, 0), NOW)).toBe('今天下架，擦亮可延长')
    // 01:00 the next China day is "1 day" even though fewer than 24 hours remain
    expect(expiryText(Date.UTC(2024, 10, 24, 17, 0), NOW)).toBe('还有 1 天下架，擦亮可延长')
  })
  it('says nothing for listings without an expiry or already past it', () => {
    expect(expiryText(null, NOW)).toBe('')
    expect(expiryText(NOW - 1, NOW)).toBe('')
  })
})

describe('priceReferenceText', () => {
  it('states median, range and count', () => {
    expect(
      priceReferenceText({ count: 14, medianFen: 65000, lowFen: 30000, highFen: 120050 }),
    ).toBe('同城相似宝贝 中位价 ¥650，区间 ¥300–¥1,200.50（14 件）')
  })
  it('is honest when nothing compares', () => {
    expect(priceReferenceText({ count: 0, medianFen: null, lowFen: null, highFen: null })).toMatch(
      /暂无/,
    )
  })
})

describe('small texts', () => {
  it('formats wants, join month and badges', () => {
    expect(wantText(0)).toBe('')
    expect(wantText(3)).toBe('3人想要')
    expect(joinedText(Date.UTC(2024, 10, 30, 17, 0))).toBe('2024年12月加入')
    expect(badgeText(0)).toBe('')
    expect(badgeText(7)).toBe('7')
    expect(badgeText(120)).toBe('99+')
  })
})
