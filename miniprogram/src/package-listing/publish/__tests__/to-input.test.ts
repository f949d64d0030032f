import {
  CreateListingInputSchema,
  UpdateListingInputSchema,
} from '@shared/contracts/listing.contract'
import type { ListingDetail } from '@shared/contracts/listing.contract'
import type { PhotoItem } from '@/components/PhotoGrid'
import {
  fieldOfPath,
  fieldsFromListing,
  toCreateInput,
  toQualityInput,
  toUpdatePatch,
} from '../to-input'
import type { PublishFields } from '../draft'

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }))

const photo = (fileId: string | null): PhotoItem => ({
  key: fileId ?? 'pending',
  url: '/x.jpg',
  fileId,
  progress: fileId ? 100 : 40,
  status: fileId ? 'done' : 'uploading',
})
const location = {
  city: '上海',
  district: '徐汇区',
  point: { latitude: 31.1885, longitude: 121.4365 },
}
const fields: PublishFields = {
  title: '宜家书桌',
  description: '白色 120cm，九成新',
  price: '150.5',
  category: 'furniture',
  subcategory: 'furniture.table',
  condition: 'like_new',
  tradeMethods: ['meetup'],
}
const goods = { kind: 'goods' as const, videoFileId: null, communityIds: [], publish: true }
const service = { ...goods, kind: 'service' as const }
const issuesOf = (input: unknown) => {
  const r = CreateListingInputSchema.safeParse(input)
  return r.success
    ? []
    : r.error.issues.map((i) => ({ field: fieldOfPath(i.path.join('.')), message: i.message }))
}

/** Goods with one uploaded photo, from `fields` with `patch` over them. */
const goodsWith = (patch: Partial<PublishFields>) =>
  toCreateInput({ ...fields, ...patch }, [photo('local://a/b.jpg')], location, goods)

describe('toCreateInput for goods', () => {
  it('builds input the contract accepts, money in fen and only uploaded photos', () => {
    const input = toCreateInput(
      fields,
      [photo('local://listing-photos/a.jpg'), photo(null)],
      location,
      goods,
    )
    expect(input.priceFen).toBe(15050)
    expect(input.originalPriceFen).toBeNull()
    expect(input.photoFileIds).toEqual(['local://listing-photos/a.jpg'])
    expect(input.trade).toEqual({ shipping: null, meetup: true, pickup: false })
    expect(input.service).toBeNull()
    expect(input.publish).toBe(true)
    expect(issuesOf(input)).toEqual([])
  })

  it('maps 包邮 and 买家付运费 with its fee', () => {
    const free = goodsWith({ tradeMethods: ['shipping', 'pickup'], shippingPayer: 'seller' })
    expect(free.trade).toEqual({ shipping: { payer: 'seller' }, meetup: false, pickup: true })
    const paid = goodsWith({
      tradeMethods: ['shipping'],
      shippingPayer: 'buyer',
      shippingFee: '12',
    })
    expect(paid.trade).toEqual({
      shipping: { payer: 'buyer', feeFen: 1200 },
      meetup: false,
      pickup: false,
    })
    expect(issuesOf(paid)).toEqual([])
  })

  it('maps 买家按实际运费 with the weight, and sends a weight given with the other choices', () => {
    const quote = goodsWith({ tradeMethods: ['shipping'], shippingPayer: 'quote', weight: '2.5' })
    expect(quote.trade).toEqual({
      shipping: { payer: 'quote', weightKg: 2.5 },
      meetup: false,
      pickup: false,
    })
    expect(issuesOf(quote)).toEqual([])
    const free = goodsWith({ tradeMethods: ['shipping'], shippingPayer: 'seller', weight: ' 12 ' })
    expect(free.trade?.shipping).toEqual({ payer: 'seller', weightKg: 12 })
  })

  it('asks for the weight of 按实际运费 on the weight field, and reports weights it cannot take', () => {
    const on = (weight: string | undefined, shippingPayer = 'quote') =>
      issuesOf(goodsWith({ tradeMethods: ['shipping'], shippingPayer, weight }))
    expect(on(undefined)).toEqual([{ field: 'weight', message: '请填写包裹重量' }])
    expect(on('  ')).toEqual([{ field: 'weight', message: '请填写包裹重量' }])
    expect(on('1.25')).toEqual([{ field: 'weight', message: '重量最多一位小数' }])
    expect(on('两斤')).toEqual([{ field: 'weight', message: '重量请填数字（公斤）' }])
    expect(on('60', 'seller')).toEqual([{ field: 'weight', message: '重量最多 50 公斤' }])
    expect(on(undefined, 'seller')).toEqual([])
  })

  it('reports a missing trade method and a bad shipping fee on their own fields', () => {
    expect(issuesOf(goodsWith({ tradeMethods: [] }))).toEqual([
      { field: 'tradeMethods', message: '至少选择一种交易方式' },
    ])
    const badFee = goodsWith({
      tradeMethods: ['shipping'],
      shippingPayer: 'buyer',
      shippingFee: '1.234',
    })
    expect(issuesOf(badFee).map((i) => i.field)).toEqual(['shippingFee'])
  })

  it('saves a draft with publish:false, carrying video and communities', () => {
    const input = toCreateInput(fields, [photo('local://a/b.jpg')], location, {
      ...goods,
      publish: false,
      videoFileId: 'local://listing-videos/v.mp4',
      communityIds: ['01JD0000000000000000000009'],
    })
    expect(input).toMatchObject({
      publish: false,
      videoFileId: 'local://listing-videos/v.mp4',
      communityIds: ['01JD0000000000000000000009'],
    })
    expect(issuesOf(input)).toEqual([])
  })

  it('says the maximum, as ¥ amounts are written, when an amount has too many digits', () => {
    expect(issuesOf(goodsWith({ price: '99999999999' }))).toEqual([
      { field: 'price', message: '最多 ¥999,999' },
    ])
    expect(issuesOf(goodsWith({ price: '1000000' }))).toEqual([
      { field: 'price', message: '最多 ¥999,999' },
    ])
    expect(issuesOf(goodsWith({ price: '9'.repeat(40) }))).toEqual([
      { field: 'price', message: '最多 ¥999,999' },
    ])
    expect(issuesOf(goodsWith({ originalPrice: '99999999999' }))).toEqual([
      { field: 'originalPrice', message: '最多 ¥999,999' },
    ])
    const fee = (shippingFee: string) =>
      issuesOf(goodsWith({ tradeMethods: ['shipping'], shippingPayer: 'buyer', shippingFee }))
    expect(fee('99999999999')).toEqual([{ field: 'shippingFee', message: '运费最多 ¥200' }])
    expect(fee('201')).toEqual([{ field: 'shippingFee', message: '运费最多 ¥200' }])
    expect(issuesOf(goodsWith({ price: '999999' }))).toEqual([])
  })

  it('lets the contract report prices that cannot be read', () => {
    const input = goodsWith({ price: '12.345' })
    expect(issuesOf(input).map((i) => i.field)).toEqual(['price'])
  })
})

describe('toCreateInput for services', () => {
  const serviceFields: PublishFields = {
    ...fields,
    title: '小学数学家教',
    description: '师范大学在读，两年家教经验，可上门',
    price: '80',
    category: 'furniture', // left over from goods: ignored for a service
    subcategory: 'services.tutoring',
    condition: 'new',
    serviceUnit: 'hour',
    serviceRadius: '5',
    serviceStandard: '每次课 2 小时，课后留作业并反馈给家长',
  }
  it('sends the 本地服务 category, the terms and neither condition nor trade', () => {
    const input = toCreateInput(serviceFields, [photo('local://a/b.jpg')], location, service)
    expect(input).toMatchObject({
      kind: 'service',
      category: 'services',
      subcategory: 'services.tutoring',
      condition: null,
      trade: null,
      service: {
        unit: 'hour',
        radiusKm: 5,
        deliveryStandard: '每次课 2 小时，课后留作业并反馈给家长',
      },
    })
    expect(issuesOf(input)).toEqual([])
  })
  it('reports missing terms on their fields', () => {
    const input = toCreateInput(
      { ...serviceFields, serviceUnit: undefined, serviceRadius: 'abc', serviceStandard: '短' },
      [photo('local://a/b.jpg')],
      location,
      service,
    )
    expect(
      issuesOf(input)
        .map((i) => i.field)
        .sort(),
    ).toEqual(['serviceRadius', 'serviceStandard', 'serviceUnit'])
  })
})

describe('editing', () => {
  const detail = {
    title: '索尼降噪耳机',
    description: '用了一年，功能正常',
    priceFen: 89900,
    originalPriceFen: 249900,
    category: 'digital',
    subcategory: 'digital.earphones',
    condition: 'like_new',
    trade: { shipping: { payer: 'buyer', feeFen: 1050 }, meetup: true, pickup: false },
    service: null,
  } as unknown as ListingDetail
  it('keeps 按实际运费 and its weight through an edit', () => {
    const f = fieldsFromListing({
      ...detail,
      trade: { shipping: { payer: 'quote', weightKg: 3.5 }, meetup: false, pickup: false },
    })
    expect(f).toMatchObject({ tradeMethods: ['shipping'], shippingPayer: 'quote', weight: '3.5' })
    expect(toCreateInput(f, [photo('local://a/b.jpg')], location, goods).trade?.shipping).toEqual({
      payer: 'quote',
      weightKg: 3.5,
    })
  })
  it('fills the form from a listing and sends it back as a valid patch', () => {
    const f = fieldsFromListing(detail)
    expect(f).toMatchObject({
      price: '899',
      originalPrice: '2499',
      tradeMethods: ['shipping', 'meetup'],
      shippingPayer: 'buyer',
      shippingFee: '10.50',
    })
    const patch = toUpdatePatch(toCreateInput(f, [photo('local://a/b.jpg')], location, goods))
    expect(patch).not.toHaveProperty('kind')
    expect(patch).not.toHaveProperty('publish')
    expect(
      UpdateListingInputSchema.safeParse({
        id: '01JD0000000000000000000000',
        expectedVersion: 3,
        patch,
      }).success,
    ).toBe(true)
  })
})

describe('toQualityInput', () => {
  it('reads the quality inputs from the form, ignoring unreadable prices', () => {
    expect(toQualityInput({ ...fields, originalPrice: 'abc' }, 4, 'goods', true)).toEqual({
      kind: 'goods',
      title: '宜家书桌',
      description: '白色 120cm，九成新',
      photoCount: 4,
      condition: 'like_new',
      originalPriceFen: null,
      hasVideo: true,
    })
  })
})

describe('fieldOfPath', () => {
  it.each([
    ['priceFen', 'price'],
    ['originalPriceFen', 'originalPrice'],
    ['photoFileIds.2', 'photos'],
    ['location.latitude', 'location'],
    ['trade', 'tradeMethods'],
    ['trade.shipping.feeFen', 'shippingFee'],
    ['trade.shipping.weightKg', 'weight'],
    ['service.radiusKm', 'serviceRadius'],
    ['service', 'serviceStandard'],
    ['title', 'title'],
  ])('maps the contract path %s onto the form field %s', (path, field) => {
    expect(fieldOfPath(path)).toBe(field)
  })
})
