import { CreateListingInputSchema, ListingContract, UpdateListingInputSchema } from '../contracts/listing.contract'
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
    expect(CreateListingInputSchema.safeParse({ ...valid, photoFileIds: ['local://a.png', 'local://a.png'] }).success).toBe(false)
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
    expect(issues({ ...valid, trade: { shipping: null, meetup: false, pickup: false } })).toEqual(['trade'])
    expect(issues({ ...valid, condition: undefined })).toEqual(['condition'])
    expect(issues({ ...valid, subcategory: 'books.exam' })).toEqual(['subcategory'])
    const service = { ...valid, kind: 'service', category: 'services', condition: null, trade: null }
    expect(issues(service)).toEqual(['service'])
    expect(issues({ ...service, service: { unit: 'hour', radiusKm: 3, deliveryStandard: '每次两小时，课后反馈学习情况。' } })).toEqual([])
  })

  it('leaves fields of an edit alone unless they are sent', () => {
    const parsed = UpdateListingInputSchema.parse({ id: '01KAAAAAAAAAAAAAAAAAAAAAAA', expectedVersion: 1, patch: { priceFen: 100 } })
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
    expect(schema.safeParse({ ok: false, error: { code: 'COMMON.INTERNAL', message: 'x' } }).success).toBe(true)
    expect(schema.safeParse({ ok: false }).success).toBe(false)
  })
})
