import { weightPlaceholder } from '../weight-hint'

describe('the weight box hint', () => {
  it('says the typical weight that stands in for a blank one, by subcategory', () => {
    const cup = { category: 'furniture', subcategory: 'furniture.decor', shippingPayer: 'buyer' }
    expect(weightPlaceholder(cup)).toBe('选填，不填按 1 公斤估算运费')
    expect(weightPlaceholder({ ...cup, subcategory: 'furniture.table' })).toBe(
      '选填，不填按 20 公斤估算运费',
    )
  })

  it('asks for the weight of 按实际运费, which the buyer pays by', () => {
    expect(weightPlaceholder({ category: 'phone', shippingPayer: 'quote' })).toBe(
      '公斤，含包装，买家按它付快递费',
    )
  })
})
