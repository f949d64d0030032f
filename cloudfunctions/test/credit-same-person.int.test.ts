import { aFinishedMerchant, anIdentity } from '../local/mothers/merchant.mother'
import { recomputeCredit, recordCreditEvent } from '../src/modules/credit'
import { CreditAccounts } from '../src/modules/credit/domain/credit.records'
import { samePersonGroups } from '../src/modules/merchant'
import { Merchants, protectIdentity } from '../src/modules/merchant/domain/merchant.records'
import { signUp, startTestCloud, type TestCloud } from './harness'

/**
 * One person's second account (开通收款 under the same ID card, or paying out to the same bank
 * card) is the same party for credit: its trades with the first count nothing after the full run.
 */
describe('credit: accounts of one person count nothing for each other', () => {
  let cloud: TestCloud
  let ids: string[]
  beforeEach(async () => {
    cloud = startTestCloud()
    ids = await signUp(cloud, 'o-a', 'o-b', 'o-c', 'o-d')
  })
  afterEach(() => cloud.stop())

  it('links accounts by ID number or payout card, labels them opaquely, and leaves the rest out', async () => {
    const [a, b, c, d] = ids as [string, string, string, string]
    await aFinishedMerchant(cloud.container, a, { identity: anIdentity(1) })
    // Another account under the same ID card (different phone and card).
    await aFinishedMerchant(cloud.container, b, {
      identity: anIdentity(1, { mobile: '13900000000', accountNumber: '6222000000000000001' }),
    })
    // A third paying out to b's card under another name.
    await aFinishedMerchant(cloud.container, c, {
      identity: anIdentity(3, { accountNumber: '6222000000000000001' }),
    })
    await aFinishedMerchant(cloud.container, d, { identity: anIdentity(4) })
    const groups = await samePersonGroups(cloud.container)
    const label = [a, b, c].sort()[0]
    expect(groups.get(a)).toBe(label)
    expect(groups.get(b)).toBe(label)
    expect(groups.get(c)).toBe(label)
    expect(groups.has(d)).toBe(false)
    // Nothing of the identity is in the labels.
    expect([...groups.values()].join()).not.toMatch(/3101|6222/)
  })

  it('after the full run, five-star trades between two accounts of one person give no selling credit', async () => {
    const [a, b, , d] = ids as [string, string, string, string]
    const now = cloud.clock.now()
    const sellTo = async (buyer: string, n: number) => {
      for (let i = 0; i < n; i++)
        await cloud.container.store.transaction(async (tx) => {
          const sourceId = `order-${buyer}-${i}`
          const base = { sourceId, at: now, amountFen: 50_000 }
          await recordCreditEvent(tx, a, { ...base, kind: 'trade_sold', partnerId: buyer }, now)
          await recordCreditEvent(tx, buyer, { ...base, kind: 'trade_bought', partnerId: a }, now)
          await recordCreditEvent(
            tx,
            a,
            {
              kind: 'review_received',
              sourceId: `review-${buyer}-${i}`,
              at: now,
              stars: 5,
              partnerId: buyer,
            },
            now,
          )
        })
    }
    // Two real-name sellers (each past WeChat Pay's checks), trading as strangers would.
    await aFinishedMerchant(cloud.container, a, { identity: anIdentity(1) })
    await aFinishedMerchant(cloud.container, b, { identity: anIdentity(2) })
    await aFinishedMerchant(cloud.container, d, { identity: anIdentity(4) })
    await sellTo(b, 5)
    const selling = async () =>
      (await cloud.container.store.get(CreditAccounts, a))!.breakdown.points.selling
    await recomputeCredit(cloud.container)
    const strangers = await selling()
    expect(strangers).toBeGreaterThan(0)

    // b turns out to be a's own second account (re-applied under a's ID card): the same trades
    // now count nothing.
    await cloud.container.store.update(
      Merchants,
      b,
      protectIdentity(cloud.container.secrets, anIdentity(1, { mobile: '13900000000' })),
    )
    await recomputeCredit(cloud.container)
    expect(await selling()).toBe(0)
  })
})
