import { SearchQuerySchema } from '@shared/contracts/search.contract'
import {
  EMPTY_FILTERS,
  categoryFilterLabel,
  extraFilterCount,
  priceLabel,
  priceRangeError,
  toSearchQuery,
  topOf,
} from '../filters'

const near = { latitude: 31.1885, longitude: 121.4365 }

describe('toSearchQuery', () => {
  it('sends only the city, keyword and sort when nothing is filtered', () => {
    expect(toSearchQuery(EMPTY_FILTERS, { city: '上海', keyword: ' 耳机 ' })).toEqual({
      city: '上海',
      keyword: '耳机',
      sort: 'relevance',
    })
  })

  it('maps every filter onto the contract, money in fen', () => {
    const q = toSearchQuery(
      {
        sort: 'price_asc',
        category: 'digital.earphones',
        priceMin: '100',
        priceMax: '599.5',
        conditions: ['new', 'like_new'],
        trade: ['shipping'],
        kind: 'goods',
      },
      { city: '上海', keyword: '耳机', near, cursor: 'c2', limit: 20 },
    )
    expect(q).toEqual({
      city: '上海',
      keyword: '耳机',
      sort: 'price_asc',
      category: 'digital.earphones',
      priceMinFen: 10000,
      priceMaxFen: 59950,
      conditions: ['new', 'like_new'],
      trade: ['shipping'],
      kind: 'goods',
      near,
      cursor: 'c2',
      limit: 20,
    })
    expect(SearchQuerySchema.safeParse(q).success).toBe(true)
  })

  it('drops goods-only filters when only services are wanted', () => {
    const q = toSearchQuery(
      { ...EMPTY_FILTERS, kind: 'service', conditions: ['new'], trade: ['meetup'] },
      { city: '杭州', keyword: '家教' },
    )
    expect(q).toEqual({ city: '杭州', keyword: '家教', sort: 'relevance', kind: 'service' })
  })

  it('never asks for distance order without a position, nor relevance without a keyword', () => {
    expect(
      toSearchQuery({ ...EMPTY_FILTERS, sort: 'distance' }, { city: '上海', keyword: '相机' }).sort,
    ).toBe('relevance')
    expect(toSearchQuery({ ...EMPTY_FILTERS, sort: 'distance' }, { city: '上海' }).sort).toBe(
      'newest',
    )
    expect(toSearchQuery({ ...EMPTY_FILTERS, sort: 'distance' }, { city: '上海', near }).sort).toBe(
      'distance',
    )
    expect(
      toSearchQuery(EMPTY_FILTERS, { city: '上海', communityId: '01JD0000000000000000000009' }),
    ).toEqual({
      city: '上海',
      sort: 'newest',
      communityId: '01JD0000000000000000000009',
    })
  })

  it('produces queries the contract accepts for open price bounds', () => {
    const lo = toSearchQuery(
      { ...EMPTY_FILTERS, priceMin: '50' },
      { city: '上海', keyword: 'iPhone 13' },
    )
    expect(lo).toMatchObject({ priceMinFen: 5000 })
    expect(lo).not.toHaveProperty('priceMaxFen')
    expect(SearchQuerySchema.safeParse(lo).success).toBe(true)
  })
})

describe('price range', () => {
  it('checks the typed bounds', () => {
    expect(priceRangeError('', '')).toBeNull()
    expect(priceRangeError('100', '')).toBeNull()
    expect(priceRangeError('500', '100')).toBe('最高价不能低于最低价')
    expect(priceRangeError('1.234', '')).toBe('价格最多两位小数')
  })
  it('says the maximum for a bound over it, as the publish form does, however long', () => {
    expect(priceRangeError('', '99999999999')).toBe('价格最多 ¥999,999')
    expect(priceRangeError('1000000', '')).toBe('价格最多 ¥999,999')
    expect(priceRangeError('', '999999')).toBeNull()
    expect(priceRangeError('99999999999999999999999', '1')).toBe('价格最多 ¥999,999')
    // Never sent: the server would refuse the whole query.
    expect(
      toSearchQuery({ ...EMPTY_FILTERS, priceMax: '99999999999' }, { city: '上海' }),
    ).not.toHaveProperty('priceMaxFen')
  })
  it('labels the bar button', () => {
    expect(priceLabel({ priceMin: '', priceMax: '' })).toBe('价格')
    expect(priceLabel({ priceMin: '100', priceMax: '1500.5' })).toBe('¥100-1500.50')
    expect(priceLabel({ priceMin: '100', priceMax: '' })).toBe('¥100以上')
    expect(priceLabel({ priceMin: '', priceMax: '50' })).toBe('¥50以下')
  })
})

describe('labels', () => {
  it('names categories, counts extra filters and finds the top level', () => {
    expect(categoryFilterLabel(null)).toBe('分类')
    expect(categoryFilterLabel('digital')).toBe('数码')
    expect(categoryFilterLabel('digital.earphones')).toBe('耳机音箱')
    expect(extraFilterCount({ ...EMPTY_FILTERS, conditions: ['new'], kind: 'goods' })).toBe(2)
    expect(topOf('digital.earphones')).toBe('digital')
    expect(topOf('books')).toBe('books')
    expect(topOf(null)).toBeNull()
  })
})
