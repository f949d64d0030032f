import fc from 'fast-check'
import { commissionFen, DEFAULT_COMMISSION, discountedPolicy } from '../domain/commission'
import { CREDIT_TIERS } from '../domain/credit/credit-tiers'

describe('the credit discount on commission', () => {
  it('极好 pays half the rate and half the cap; other tiers the normal policy', () => {
    expect(discountedPolicy(DEFAULT_COMMISSION, 50)).toEqual({ rateBps: 50, capFen: 3_000 })
    expect(discountedPolicy(DEFAULT_COMMISSION, 100)).toEqual(DEFAULT_COMMISSION)
    for (const t of CREDIT_TIERS.filter((t) => t.key !== 'excellent'))
      expect(t.commissionPercent).toBe(100)
  })

  it('in whole fen, never negative, never above the normal commission, and a partial release never above checkout', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: -50, max: 150 }),
        (total, refund, percent) => {
          const policy = discountedPolicy(DEFAULT_COMMISSION, percent)
          const atCheckout = commissionFen(total, policy)
          const released = Math.max(0, total - refund)
          // take-transition's partial release: by the checkout policy, capped at checkout's amount.
          const partial = Math.min(atCheckout, commissionFen(released, policy))
          return (
            Number.isInteger(atCheckout) &&
            atCheckout >= 0 &&
            atCheckout <= commissionFen(total) &&
            partial >= 0 &&
            partial <= atCheckout &&
            partial <= released
          )
        },
      ),
    )
  })
})
