import { priceDoubtText, priceDoubts } from '../domain/price-check'

const phone = { category: 'phone', subcategory: 'phone.iphone' }
const yuan = (n: number) => n * 100

describe('price doubts', () => {
  it('doubts a price far above the stated 原价', () => {
    const d = priceDoubts({ ...phone, priceFen: yuan(888_888), originalPriceFen: yuan(8_999) })
    expect(d).toEqual([
      { kind: 'over-original', priceFen: yuan(888_888), originalFen: yuan(8_999) },
    ])
    expect(priceDoubtText(d[0]!)).toBe('售价 ¥888,888 远高于原价 ¥8,999')
  })

  it('lets a collectible sell up to three times its retail, and small amounts over a tiny 原价', () => {
    const figure = { category: 'toys', subcategory: 'toys.models' }
    expect(priceDoubts({ ...figure, priceFen: yuan(1_140), originalPriceFen: yuan(380) })).toEqual(
      [],
    )
    expect(
      priceDoubts({ ...figure, priceFen: yuan(1_141), originalPriceFen: yuan(380) }),
    ).toHaveLength(1)
    const sample = { category: 'beauty', subcategory: 'beauty.makeup' }
    expect(priceDoubts({ ...sample, priceFen: yuan(20), originalPriceFen: yuan(15) })).toEqual([])
  })

  it('doubts a 原价 far below what such an item costs new, by subcategory', () => {
    const d = priceDoubts({ ...phone, priceFen: yuan(50), originalPriceFen: yuan(100) })
    expect(d).toEqual([
      { kind: 'original-under-typical', originalFen: yuan(100), typicalFen: yuan(5_000) },
    ])
    expect(priceDoubtText(d[0]!)).toBe('原价 ¥100 远低于同类新品常见价（约 ¥5,000）')
    // ¥100 is an ordinary 原价 for a phone case.
    expect(
      priceDoubts({
        category: 'phone',
        subcategory: 'phone.accessory',
        priceFen: yuan(50),
        originalPriceFen: yuan(100),
      }),
    ).toEqual([])
  })

  it('says both for ¥888,888 with a 原价 of ¥1', () => {
    const kinds = priceDoubts({ ...phone, priceFen: yuan(888_888), originalPriceFen: yuan(1) }).map(
      (d) => d.kind,
    )
    expect(kinds).toEqual(['over-original', 'original-under-typical'])
  })

  it('has nothing to say without a 原价, nor about what a service costs new', () => {
    expect(priceDoubts({ ...phone, priceFen: yuan(888_888), originalPriceFen: null })).toEqual([])
    expect(
      priceDoubts({
        category: 'services',
        subcategory: 'services.tutoring',
        priceFen: yuan(200),
        originalPriceFen: yuan(100),
      }),
    ).toEqual([])
  })
})
