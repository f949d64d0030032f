import { GOODS_CATEGORY_IDS, LISTING_LIMITS, SUBCATEGORY_IDS } from '../domain/listing'
import { TYPICAL_ITEMS, typicalItem, typicalParcelKg } from '../domain/typical-items'

describe('typical items', () => {
  it('weighs a parcel by subcategory: a cup is not a sofa', () => {
    expect(typicalParcelKg('furniture', 'furniture.decor')).toBe(1)
    expect(typicalParcelKg('furniture', 'furniture.table')).toBe(20)
    expect(typicalParcelKg('phone', 'phone.iphone')).toBe(0.5)
  })

  it('falls back to the category for a listing without a subcategory, and to 1 kg otherwise', () => {
    expect(typicalParcelKg('furniture', null)).toBe(20)
    expect(typicalParcelKg('appliance')).toBe(8)
    expect(typicalParcelKg('phone', null)).toBe(1)
    expect(typicalParcelKg('services', 'services.tutoring')).toBe(1)
    expect(typicalItem('services', 'services.tutoring')).toBeUndefined()
  })

  it('has every goods subcategory, with a weight a seller could state and a price in whole fen', () => {
    const goods = SUBCATEGORY_IDS.filter((id) => !id.startsWith('services.'))
    expect(Object.keys(TYPICAL_ITEMS).sort()).toEqual([...goods].sort())
    for (const item of Object.values(TYPICAL_ITEMS)) {
      expect(item.parcelKg).toBeGreaterThanOrEqual(LISTING_LIMITS.weightKgMin)
      expect(item.parcelKg).toBeLessThanOrEqual(LISTING_LIMITS.weightKgMax)
      expect(Number.isInteger(item.newFen) && item.newFen > 0).toBe(true)
    }
    for (const c of GOODS_CATEGORY_IDS) expect(typicalItem(c)).toBeDefined()
  })
})
