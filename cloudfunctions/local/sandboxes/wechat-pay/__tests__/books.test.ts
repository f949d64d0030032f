import { Books } from '../books'

describe('books', () => {
  test('refuses to go negative and stays balanced', () => {
    const b = new Books()
    b.pay('1', 1_000, true)
    expect(() => b.share('1', 1_001)).toThrow()
    b.share('1', 10)
    b.unfreeze('1', 990)
    expect(() => b.withdraw('1', 991)).toThrow()
    b.withdraw('1', 500)
    expect(() => b.refund('1', 491, 0)).toThrow()
    b.refund('1', 490, 0)
    b.returnShare('1', 10)
    expect(b.snapshot()).toEqual({
      paid: 1_000,
      refunded: 490,
      platform: 0,
      advanceFund: 0,
      subMerchants: { '1': { frozen: 0, available: 10, withdrawn: 500 } },
    })
    expect(b.balanced()).toBe(true)
    expect(() => b.advanceRefund(1)).toThrow() // no 垫付 deposit in this book
    expect(() => b.pay('1', 1.5, true)).toThrow()
  })
})

describe('books: 垫付 (advance refunds)', () => {
  it('pays the buyer from the platform deposit, leaves the seller alone and stays balanced', () => {
    const b = new Books(1_000)
    b.pay('1', 300, true)
    b.unfreeze('1', 300)
    b.advanceRefund(200)
    expect(b.snapshot()).toMatchObject({
      paid: 300,
      refunded: 200,
      advanceFund: 800,
      subMerchants: { '1': { available: 300 } },
    })
    expect(b.balanced()).toBe(true)
    expect(() => b.advanceRefund(801)).toThrow()
  })
})
