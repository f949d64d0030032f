import { CreateListingInputSchema } from '@shared/contracts/listing.contract'
import type { PhotoItem } from '@/components/PhotoGrid'
import { fieldOfPath, toCreateInput } from '../to-input'

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }))

const photo = (fileId: string | null): PhotoItem => ({
  key: fileId ?? 'pending',
  url: '/x.jpg',
  fileId,
  progress: fileId ? 100 : 40,
  status: fileId ? 'done' : 'uploading',
})
const location = { city: '上海', district: '徐汇区', point: { latitude: 31.1885, longitude: 121.4365 } }
const fields = { title: '宜家书桌', description: '白色 120cm，九成新', price: '150.5', category: 'furniture', condition: 'like_new' }

describe('toCreateInput', () => {
  it('builds input the contract accepts, money in fen and only uploaded photos', () => {
    const input = toCreateInput(fields, [photo('local://listing-photos/a.jpg'), photo(null)], location)
    expect(input.priceFen).toBe(15050)
    expect(input.originalPriceFen).toBeNull()
    expect(input.photoFileIds).toEqual(['local://listing-photos/a.jpg'])
    expect(CreateListingInputSchema.safeParse(input).success).toBe(true)
  })

  it('lets the contract report prices that cannot be read', () => {
    const input = toCreateInput({ ...fields, price: '12.345' }, [photo('local://a/b.jpg')], location)
    const r = CreateListingInputSchema.safeParse(input)
    expect(r.success).toBe(false)
    expect(r.error?.issues.map((i) => fieldOfPath(i.path.join('.')))).toEqual(['price'])
  })
})

describe('fieldOfPath', () => {
  it('maps contract paths onto form fields', () => {
    expect(fieldOfPath('priceFen')).toBe('price')
    expect(fieldOfPath('originalPriceFen')).toBe('originalPrice')
    expect(fieldOfPath('photoFileIds.2')).toBe('photos')
    expect(fieldOfPath('location.latitude')).toBe('location')
    expect(fieldOfPath('title')).toBe('title')
  })
})
