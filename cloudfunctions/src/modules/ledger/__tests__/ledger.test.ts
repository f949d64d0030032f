import fc from 'fast-check'
import { commissionFen } from '@shared/domain/commission'
import {
  type LedgerEntry,
  UnbalancedEntryError,
  balances,
  compensationEntry,
  orderMoney,
  paymentEntry,
  refundEntry,
  releaseEntry,
  withdrawalEntry,
} from '../domain/ledger'

describe('ledger entries', () => {
  it('refuse fractions of a fen', () => {
    expect(() => paymentEntry('k', 'o1', 10.5, 0)).toThrow(UnbalancedEntryError)
  })

  it('take the commission at 1% capped at ¥60, rounded down', () => {
    expect(commissionFen(89_900)).toBe(899)
    expect(commissionFen(99)).toBe(0)
    expect(commissionFen(10_000_000)).toBe(6_000)
    expect(commissionFen(12_345)).toBe(123)
  })

  /**
   * Random orders, each paid then settled in one of the ways the order graph allows (release,
   * full refund, partial refund then release, release then compensation), with withdrawals in
   * between. After every entry the books balance, and for every order paid = in escrow +
   * released + refunded, and no order is both released and fully refunded.
   */
  it('keeps every order and the whole book balanced through random histories', () => {
    const order = fc.record({
      totalFen: fc.integer({ min: 1, max: 20_000_000 }),
      settle: fc.constantFrom('release', 'refund', 'partial', 'compensate', 'open'),
      partialShare: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    fc.assert(
      fc.property(fc.array(order, { minLength: 1, maxLength: 25 }), (orders) => {
        const entries: LedgerEntry[] = []
        const post = (e: LedgerEntry) => {
          entries.push(e)
          const sum = [...balances(entries).values()].reduce((s, v) => s + v, 0)
          expect(sum).toBe(0)
        }
        orders.forEach((o, i) => {
          const id = `order${i}`
          const seller = `seller${i % 3}`
          post(paymentEntry(`pay-${id}`, id, o.totalFen, i))
          if (o.settle === 'release' || o.settle === 'compensate') {
            post(releaseEntry(`ps-${id}`, id, seller, o.totalFen, commissionFen(o.totalFen), i))
            if (o.settle === 'compensate')
              post(compensationEntry(`comp-${id}`, id, seller, o.totalFen, i))
          } else if (o.settle === 'refund') {
            post(refundEntry(`rf-${id}`, id, o.totalFen, i))
          } else if (o.settle === 'partial') {
            const refund = Math.floor(o.totalFen * o.partialShare)
            post(refundEntry(`rf-${id}`, id, refund, i))
            const rest = o.totalFen - refund
            post(releaseEntry(`ps-${id}`, id, seller, rest, commissionFen(rest), i))
          }
          const m = orderMoney(entries, id)
          expect(m.paid).toBe(m.inEscrow + m.released + m.refunded)
          expect(m.released > 0 && m.refunded === m.paid).toBe(false)
        })
        const sellerBalance = balances(entries).get('seller:seller0') ?? 0
        if (sellerBalance > 0) post(withdrawalEntry('wd-1', 'seller0', sellerBalance, 99))
        const b = balances(entries)
        expect(b.get('seller:seller0') ?? 0).toBe(0)
        // What buyers paid net of refunds and compensation is exactly what escrow, sellers,
        // withdrawals and commission hold, less what the guarantee fund paid out.
        const held = [...b.entries()]
          .filter(([a]) => /^(escrow|seller|withdrawn):/.test(a) || a === 'platform:commission')
          .reduce((s, [, v]) => s + v, 0)
        expect(held + (b.get('platform:guarantee') ?? 0)).toBe(-(b.get('buyers') ?? 0) || 0)
      }),
    )
  })
})
