import { brandReferenceOf, priceAnomalyOf } from '../domain/brand-prices'

const goods = (title: string, yuan: number, subcategory: string) => ({
  kind: 'goods',
  title,
  priceFen: yuan * 100,
  category: subcategory.split('.')[0]!,
  subcategory,
})

describe('price anomaly (possible counterfeit)', () => {
  it('flags luxury and phones far below the brand’s used price', () => {
    expect(priceAnomalyOf(goods('LV Neverfull 老花托特包', 380, 'clothing.bags'))).toMatchObject({
      brand: 'louis-vuitton',
      referenceFen: 500_000,
      action: 'review',
    })
    expect(priceAnomalyOf(goods('香奈儿 CF 小香包 全新', 2_000, 'clothing.bags'))).toMatchObject({
      brand: 'chanel',
      action: 'warn',
    })
    expect(priceAnomalyOf(goods('劳力士 绿水鬼 潜航者', 1_200, 'other.misc'))).toMatchObject({
      brand: 'rolex',
      action: 'review',
      ratio: 0.04,
    })
    expect(priceAnomalyOf(goods('AirPods Pro 2 全新未拆', 99, 'digital.earphones'))).toMatchObject({
      brand: 'apple',
      action: 'warn',
    })
    expect(priceAnomalyOf(goods('iPhone15 Pro Max 256G', 150, 'phone.iphone'))).toMatchObject({
      brand: 'apple',
      action: 'review',
    })
    expect(priceAnomalyOf(goods('戴森吹风机 HD08', 199, 'appliance.personal'))).toMatchObject({
      brand: 'dyson',
    })
    // Full-width letters and case are folded.
    expect(priceAnomalyOf(goods('ＬＶ 钱包', 100, 'clothing.bags'))?.brand).toBe('louis-vuitton')
  })

  it('lets ordinary prices and merely cheap ones through', () => {
    expect(priceAnomalyOf(goods('LV Neverfull 老花托特包', 6_500, 'clothing.bags'))).toBeNull()
    expect(priceAnomalyOf(goods('iPhone 13 mini 128G', 1_900, 'phone.iphone'))).toBeNull()
    // An old phone at a quarter of the reference is cheap, not improbable.
    expect(priceAnomalyOf(goods('iPhone 8 备用机', 500, 'phone.iphone'))).toBeNull()
    expect(priceAnomalyOf(goods('索尼 WH-1000XM4 降噪耳机', 899, 'digital.earphones'))).toBeNull()
    expect(priceAnomalyOf(goods('Nike Air Force 1 42码', 300, 'clothing.shoes'))).toBeNull()
  })

  it('knows nothing of unknown brands, other subcategories, and words inside words', () => {
    expect(priceAnomalyOf(goods('北欧 布艺沙发 三人位', 10, 'furniture.table'))).toBeNull()
    expect(priceAnomalyOf(goods('无牌 托特包', 10, 'clothing.bags'))).toBeNull()
    // 苹果 is a fruit outside phones and computers; an iPhone case is not an iPhone.
    expect(priceAnomalyOf(goods('新鲜苹果 一箱', 30, 'other.misc'))).toBeNull()
    expect(priceAnomalyOf(goods('iPhone 15 手机壳', 20, 'phone.accessory'))).toBeNull()
    // lv is not in silver; omega-3 fish oil is not a watch.
    expect(brandReferenceOf({ title: 'silver 手链', subcategory: 'clothing.bags' })).toBeNull()
    expect(priceAnomalyOf(goods('Omega-3 鱼油', 50, 'other.misc'))).toBeNull()
    expect(
      priceAnomalyOf({ ...goods('劳力士 维修', 50, 'other.misc'), kind: 'service' }),
    ).toBeNull()
    expect(brandReferenceOf({ title: 'LV 包', subcategory: null })).toBeNull()
  })

  it('takes the brand the title names first', () => {
    expect(brandReferenceOf({ title: 'Gucci 包 换 LV', subcategory: 'clothing.bags' })).toEqual({
      brand: 'gucci',
      referenceFen: 400_000,
    })
  })
})
