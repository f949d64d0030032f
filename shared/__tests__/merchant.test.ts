import { SubmitOnboardingInputSchema, WithdrawInputSchema } from '../contracts/merchant.contract'
import {
  idCheckChar,
  isValidIdNumber,
  maskBankAccount,
  maskIdNumber,
  maskMobile,
  maskName,
} from '../domain/merchant'

describe('resident ID numbers', () => {
  it('computes the GB 11643 check character, X included', () => {
    expect(idCheckChar('11010519491231002')).toBe('X')
    expect(idCheckChar('11010119900307001')).toBe('1')
  })

  it('accepts valid numbers (lower-case x too) and refuses a wrong check digit, a bad date or a wrong length', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true)
    expect(isValidIdNumber('11010519491231002x')).toBe(true)
    expect(isValidIdNumber('110101199003070011')).toBe(true)
    expect(isValidIdNumber('110101199003070012')).toBe(false)
    expect(isValidIdNumber('110101199002300011')).toBe(false) // 30 February
    expect(isValidIdNumber('11010119900307001')).toBe(false)
    expect(isValidIdNumber('1101011990030700111')).toBe(false)
  })
})

describe('masking', () => {
  it('shows the family name, and the last character of longer names', () => {
    expect(maskName('张三')).toBe('张*')
    expect(maskName('张小三')).toBe('张*三')
    expect(maskName('欧阳小明')).toBe('欧**明')
  })
  it('keeps the first digit and the last four of an ID number, 138****1234 for phones, the last four of a card', () => {
    expect(maskIdNumber('11010519491231002x')).toBe('1*************002X')
    expect(maskIdNumber('110101199003070011')).toHaveLength(18)
    expect(maskMobile('13812341234')).toBe('138****1234')
    expect(maskBankAccount('6225880000001234')).toBe('**** 1234')
  })
})

describe('the onboarding form', () => {
  const valid = {
    idCardName: '张小三',
    idCardNumber: '11010519491231002x',
    idCardValidBegin: '2020-01-01',
    idCardValidEnd: '长期',
    idCardFrontFileId: 'local://id-cards/a.png',
    idCardBackFileId: 'local://id-cards/b.png',
    mobile: '13812341234',
    accountBank: '招商银行',
    bankAddressCode: '310000',
    accountNumber: '6225 8800 0000 1234',
  }
  const paths = (v: object) => {
    const r = SubmitOnboardingInputSchema.safeParse(v)
    return r.success ? [] : r.error.issues.map((i) => i.path.join('.'))
  }
  it('normalises the ID number and the card number', () => {
    const parsed = SubmitOnboardingInputSchema.parse(valid)
    expect(parsed.idCardNumber).toBe('11010519491231002X')
    expect(parsed.accountNumber).toBe('6225880000001234')
  })
  it('names the field of each problem', () => {
    expect(paths({ ...valid, idCardNumber: '110101199003070012' })).toEqual(['idCardNumber'])
    expect(paths({ ...valid, idCardValidEnd: '2019-01-01' })).toEqual(['idCardValidEnd'])
    expect(paths({ ...valid, idCardBackFileId: valid.idCardFrontFileId })).toEqual([
      'idCardBackFileId',
    ])
    expect(paths({ ...valid, mobile: '1381234123' })).toEqual(['mobile'])
    expect(paths({ ...valid, accountBank: '某某银行' })).toEqual(['accountBank'])
    expect(paths({ ...valid, idCardName: 'Zhang San' })).toEqual(['idCardName'])
    expect(paths({ ...valid, userId: 'x' })).toEqual([''])
  })
  it('withdrawals need whole fen of at least ¥1 and a request key', () => {
    expect(
      WithdrawInputSchema.safeParse({ amountFen: 99, requestKey: 'TAP00000001' }).success,
    ).toBe(false)
    expect(WithdrawInputSchema.safeParse({ amountFen: 100, requestKey: 'short' }).success).toBe(
      false,
    )
    expect(
      WithdrawInputSchema.safeParse({ amountFen: 100, requestKey: 'TAP00000001' }).success,
    ).toBe(true)
  })
})
