import { aFinishedMerchant } from '../local/mothers/merchant.mother'
import { aUser } from '../local/mothers/user.mother'
import { main as listingMain } from '../src/functions/listing'
import { Orders } from '../src/modules/order/domain/order.record'
import { goodsInput } from './fixtures'
import { invoke, startTestCloud, type TestCloud } from './harness'

const DAY = 86_400_000

/**
 * Real-name before publishing more: sellers past the month's volume (¥5,000 or 20 orders) or
 * selling phones, digital goods and computers at ¥2,000 or more need 实名认证 — a finished
 * 开通收款 counts. Through the listing function.
 */
describe('real-name requirement on publish', () => {
  let cloud: TestCloud
  let sellerId: string
  beforeEach(async () => {
    cloud = startTestCloud()
    sellerId = (await aUser(cloud.container, 'o-seller'))._id
  })
  afterEach(() => cloud.stop())

  const create = async (over: Record<string, unknown>) =>
    invoke(listingMain, cloud, 'o-seller', 'create', await goodsInput(cloud, over))
  /** Orders sold by the seller at `at` (only the fields the volume count reads). */
  const sold = async (n: number, totalFen: number, at: number, state = 'completed') => {
    for (let i = 0; i < n; i++)
      await cloud.container.store.insert(Orders, {
        _id: cloud.container.ids.next(),
        sellerId,
        buyerId: 'someone',
        state,
        totalFen,
        createdAt: at,
      } as never)
  }

  it('a phone at ¥2,000 or more needs real-name; a cheaper one and other categories do not', async () => {
    const phone = { category: 'phone', subcategory: null }
    expect(await create({ ...phone, priceFen: 250_000 })).toMatchObject({
      ok: false,
      error: {
        code: 'REALNAME.REQUIRED',
        message: expect.stringContaining('完成实名认证'),
        details: { reason: 'sensitive' },
      },
    })
    expect((await create({ ...phone, priceFen: 150_000 })).ok).toBe(true)
    expect((await create({ category: 'furniture', subcategory: null, priceFen: 250_000 })).ok).toBe(
      true,
    )
    // A draft is not a publication: it may be saved, and publishing it asks again.
    const draft = await create({ ...phone, priceFen: 250_000, publish: false })
    expect(draft.ok).toBe(true)
    expect(
      await invoke(listingMain, cloud, 'o-seller', 'publish', { id: (draft as any).data.id }),
    ).toMatchObject({ ok: false, error: { code: 'REALNAME.REQUIRED' } })
  })

  it('¥5,000 sold this China month needs real-name; last month’s sales and refunds do not count', async () => {
    const now = cloud.clock.now()
    await sold(10, 40_000, now - 40 * DAY) // last month: ¥4,000
    await sold(4, 100_000, now - 2 * 60_000, 'refunded') // refunded: nothing kept
    await sold(4, 100_000, now - 60_000) // this month: ¥4,000
    expect((await create({ priceFen: 5_000 })).ok).toBe(true)
    await sold(1, 100_000, now)
    expect(await create({ priceFen: 5_000 })).toMatchObject({
      ok: false,
      error: { code: 'REALNAME.REQUIRED', details: { reason: 'volume' } },
    })
  })

  it('20 orders this month needs real-name', async () => {
    await sold(19, 1_000, cloud.clock.now())
    expect((await create({ priceFen: 5_000 })).ok).toBe(true)
    await sold(1, 1_000, cloud.clock.now())
    expect(await create({ priceFen: 5_000 })).toMatchObject({
      ok: false,
      error: { code: 'REALNAME.REQUIRED' },
    })
  })

  it('a seller whose 开通收款 is done publishes past every threshold', async () => {
    await aFinishedMerchant(cloud.container, sellerId)
    await sold(25, 100_000, cloud.clock.now())
    expect((await create({ category: 'phone', subcategory: null, priceFen: 800_000 })).ok).toBe(
      true,
    )
  })
})
