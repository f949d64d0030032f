import { ACTION_SPECS } from '../actions'

/** The first message the sheet shows for these values, or the parsed input. */
const check = (action: 'resolvePartial' | 'compensate', values: Record<string, string>) => {
  const r = ACTION_SPECS[action].form!.schema.safeParse({ note: '核实后按比例退款', ...values })
  return r.success ? r.data : r.error.issues[0]?.message
}

describe('money fields of the operator sheets', () => {
  it('read yuan into fen', () => {
    expect(check('resolvePartial', { refund: '12.5' })).toMatchObject({ refund: 1_250 })
    expect(check('compensate', { amount: '30' })).toMatchObject({ amount: 3_000 })
  })

  it('say the maximum for an amount with too many digits, not that it is missing', () => {
    expect(check('resolvePartial', { refund: '99999999999' })).toBe('最多 ¥999,999')
    expect(check('compensate', { amount: '99999999999' })).toBe('最多 ¥999,999')
    expect(check('compensate', { amount: '' })).toBe('请填写赔付金额')
  })
})
