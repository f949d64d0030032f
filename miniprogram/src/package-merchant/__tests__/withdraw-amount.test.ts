import { readWithdrawAmount } from '../wallet/withdraw-amount'

describe('提现 amount', () => {
  it('reads yuan into fen within what is available', () => {
    expect(readWithdrawAmount('12.5', 5_000)).toEqual({ fen: 1_250 })
    expect(readWithdrawAmount('50', 5_000)).toEqual({ fen: 5_000 })
  })

  it('says how much can be withdrawn when too many digits are typed, not that nothing was', () => {
    expect(readWithdrawAmount('99999999999', 5_000)).toEqual({ error: '最多可提现 ¥50' })
    expect(readWithdrawAmount('51', 5_000)).toEqual({ error: '最多可提现 ¥50' })
  })

  it('asks for an amount when there is none, and names the minimum', () => {
    expect(readWithdrawAmount('', 5_000)).toEqual({ error: '请输入提现金额' })
    expect(readWithdrawAmount('abc', 5_000)).toEqual({ error: '请输入提现金额' })
    expect(readWithdrawAmount('0.5', 5_000)).toEqual({ error: '最少提现 ¥1' })
  })
})
