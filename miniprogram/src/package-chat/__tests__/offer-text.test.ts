import { offerButtons, offerStateText, offerSuggestions, readOfferPrice } from '../offer-text'

describe('offer card text', () => {
  it('reads the state from the viewer’s side', () => {
    expect(offerStateText({ state: 'awaiting_seller', role: 'seller' })).toBe('等你回应')
    expect(offerStateText({ state: 'awaiting_seller', role: 'buyer' })).toBe('等待卖家回应')
    expect(offerStateText({ state: 'accepted', role: 'buyer' })).toContain('24 小时内')
  })

  it('orders the buttons with the main move last and shows only the viewer’s', () => {
    expect(offerButtons({ actions: ['accept', 'decline', 'counter'] })).toEqual([
      'decline',
      'counter',
      'accept',
    ])
    expect(offerButtons({ actions: ['withdraw'] })).toEqual(['withdraw'])
    expect(offerButtons({ actions: [] })).toEqual([])
  })

  it('checks a typed price as the server does', () => {
    expect(readOfferPrice('80', 10_000)).toEqual({ priceFen: 8_000 })
    expect(readOfferPrice('80.5', 10_000)).toEqual({ priceFen: 8_050 })
    expect(readOfferPrice('100', 10_000)).toEqual({ error: '出价须低于标价' })
    expect(readOfferPrice('0', 10_000)).toEqual({ error: '出价须大于 0' })
    expect(readOfferPrice('8.123', 10_000)).toHaveProperty('error')
    expect(readOfferPrice('', 10_000)).toHaveProperty('error')
    // Too many digits to be a price is still above the listed one, not "not a number".
    expect(readOfferPrice('99999999999', 10_000)).toEqual({ error: '出价须低于标价' })
  })

  it('suggests whole-yuan discounts below the listed price, without repeats', () => {
    expect(offerSuggestions(10_000)).toEqual([9_500, 9_000, 8_500])
    expect(offerSuggestions(150)).toEqual([100])
    expect(offerSuggestions(100)).toEqual([])
  })
})
