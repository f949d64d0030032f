import {
  CreateListingInputSchema,
  ListingContract,
  ListingDetailSchema,
  TradeOptionsSchema,
  UpdateListingInputSchema,
} from '../contracts/listing.contract'
import { freightCityOf } from '../domain/regions'
import { UpdateProfileInputSchema, UserContract } from '../contracts/user.contract'
import { envelopeSchema } from '../contracts/envelope'
import { IdSchema } from '../contracts/common.schema'
import { SearchContract } from '../contracts/search.contract'
import { SocialContract } from '../contracts/social.contract'

const valid = {
  title: '九成新 iPhone 13 128G',
  description: '自用一年，电池健康 88%，无拆修。',
  priceFen: 260_000,
  category: 'phone',
  condition: 'like_new',
  trade: { shipping: { payer: 'seller' }, meetup: true, pickup: false },
  photoFileIds: ['local://listing-photos/a.png'],
  location: { latitude: 31.2, longitude: 121.45, city: '上海', district: '徐汇区' },
}

describe('contracts', () => {
  it('accepts a valid listing and trims text', () => {
    const parsed = CreateListingInputSchema.parse({ ...valid, title: '  九成新 iPhone 13 128G  ' })
    expect(parsed.title).toBe('九成新 iPhone 13 128G')
    expect(parsed.originalPriceFen).toBeNull()
  })

  it('rejects unknown fields, duplicate photos and whitespace-only titles', () => {
    expect(CreateListingInputSchema.safeParse({ ...valid, status: 'removed' }).success).toBe(false)
    expect(
      CreateListingInputSchema.safeParse({
        ...valid,
        photoFileIds: ['local://a.png', 'local://a.png'],
      }).success,
    ).toBe(false)
    expect(CreateListingInputSchema.safeParse({ ...valid, title: '      ' }).success).toBe(false)
  })

  it('gives messages in Chinese that name the problem', () => {
    const res = CreateListingInputSchema.safeParse({ ...valid, photoFileIds: [] })
    expect(res.success).toBe(false)
    if (!res.success) expect(res.error.issues[0]?.message).toBe('至少上传 1 张图片')
  })

  it('ties goods to a condition and a trade method, and services to their terms', () => {
    const issues = (v: object) => {
      const r = CreateListingInputSchema.safeParse(v)
      return r.success ? [] : r.error.issues.map((i) => i.path.join('.'))
    }
    expect(issues({ ...valid, trade: { shipping: null, meetup: false, pickup: false } })).toEqual([
      'trade',
    ])
    expect(issues({ ...valid, condition: undefined })).toEqual(['condition'])
    expect(issues({ ...valid, subcategory: 'books.exam' })).toEqual(['subcategory'])
    const service = {
      ...valid,
      kind: 'service',
      category: 'services',
      condition: null,
      trade: null,
    }
    expect(issues(service)).toEqual(['service'])
    expect(
      issues({
        ...service,
        service: { unit: 'hour', radiusKm: 3, deliveryStandard: '每次两小时，课后反馈学习情况。' },
      }),
    ).toEqual([])
  })

  it('shipping: 包邮, a fixed fee, or 按实际运费 which needs the parcel weight', () => {
    const issues = (shipping: object) => {
      const r = TradeOptionsSchema.safeParse({ shipping, meetup: false, pickup: false })
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`)
    }
    expect(issues({ payer: 'quote', weightKg: 2.5 })).toEqual([])
    expect(issues({ payer: 'quote' })).toEqual(['shipping.weightKg 请填写包裹重量'])
    expect(issues({ payer: 'quote', weightKg: 0 })).toEqual(['shipping.weightKg 重量至少 0.1 公斤'])
    expect(issues({ payer: 'quote', weightKg: 50.1 })).toEqual([
      'shipping.weightKg 重量最多 50 公斤',
    ])
    expect(issues({ payer: 'quote', weightKg: 1.25 })).toEqual([
      'shipping.weightKg 重量最多一位小数',
    ])
    expect(issues({ payer: 'seller', weightKg: 0.3 })).toEqual([])
    expect(issues({ payer: 'buyer', feeFen: 800, weightKg: 12.9 })).toEqual([])
    expect(issues({ payer: 'nobody' }).length).toBe(1)
    expect(
      CreateListingInputSchema.safeParse({
        ...valid,
        trade: { shipping: { payer: 'quote' }, meetup: true, pickup: false },
      }).success,
    ).toBe(false)
  })

  it('still reads listings stored before the weight: 包邮 and fixed fees without one', () => {
    for (const shipping of [{ payer: 'seller' }, { payer: 'buyer', feeFen: 1200 }, null]) {
      expect(TradeOptionsSchema.parse({ shipping, meetup: true, pickup: false }).shipping).toEqual(
        shipping,
      )
    }
    // The public view parses the stored trade options as they are.
    const trade = ListingDetailSchema.shape.trade.parse({
      shipping: { payer: 'buyer', feeFen: 1200 },
      meetup: false,
      pickup: true,
    })
    expect(trade?.shipping).toEqual({ payer: 'buyer', feeFen: 1200 })
  })

  it('prices freight to the city a region line names, however it is written', () => {
    expect(freightCityOf('广东省 深圳市 南山区')).toBe('深圳市')
    expect(freightCityOf('上海市 浦东新区')).toBe('上海市')
    expect(freightCityOf('上海市徐汇区')).toBe('上海市')
    expect(freightCityOf('浙江 杭州 西湖区')).toBe('杭州市')
    expect(freightCityOf('  福建省厦门市思明区 ')).toBe('厦门市')
    // Not in the table: the line goes to the courier as written, cut to a city's length.
    expect(freightCityOf('广东省 东莞市 南城街道')).toBe('广东省 东莞市 南城街道')
    expect(freightCityOf('某某省某某市某某区某某街道某某社区某某小区')).toHaveLength(20)
  })

  it('leaves fields of an edit alone unless they are sent', () => {
    const parsed = UpdateListingInputSchema.parse({
      id: '01KAAAAAAAAAAAAAAAAAAAAAAA',
      expectedVersion: 1,
      patch: { priceFen: 100 },
    })
    expect(parsed.patch).toEqual({ priceFen: 100 })
  })

  it('needs at least one profile change', () => {
    expect(UpdateProfileInputSchema.safeParse({}).success).toBe(false)
    expect(UpdateProfileInputSchema.safeParse({ city: '杭州' }).success).toBe(true)
  })

  it('declares every action with a summary and an auth level', () => {
    for (const contract of [UserContract, ListingContract, SearchContract, SocialContract]) {
      for (const [name, spec] of Object.entries(contract.actions)) {
        expect([name, spec.summary.length > 10]).toEqual([name, true])
        expect(['public', 'identified', 'user']).toContain(spec.auth)
      }
    }
  })

  it('parses envelopes strictly', () => {
    const schema = envelopeSchema(IdSchema)
    expect(schema.safeParse({ ok: true, data: '01KAAAAAAAAAAAAAAAAAAAAAAA' }).success).toBe(true)
    expect(schema.safeParse({ ok: true, data: 'nope' }).success).toBe(false)
    expect(
      schema.safeParse({ ok: false, error: { code: 'COMMON.INTERNAL', message: 'x' } }).success,
    ).toBe(true)
    expect(schema.safeParse({ ok: false }).success).toBe(false)
  })
})
