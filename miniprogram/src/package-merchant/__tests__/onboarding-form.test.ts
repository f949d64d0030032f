import {
  byField,
  formErrors,
  initialForm,
  toSubmitInput,
  type OnboardingForm,
} from '../onboarding/form'

const filled = (over: Partial<OnboardingForm> = {}): OnboardingForm => ({
  ...initialForm(null),
  idCardName: '张小三',
  idCardNumber: '11010519491231002x',
  idCardValidBegin: '2020-01-01',
  idCardValidEnd: '2040-01-01',
  front: { fileId: 'local://id-cards/a.png', url: 'a', progress: null },
  back: { fileId: 'local://id-cards/b.png', url: 'b', progress: null },
  mobile: '13812341234',
  accountNumber: '6225 8800 0000 1234',
  ...over,
})

describe('开通收款 form', () => {
  it('passes a complete form and sends 长期 and the default store name as the contract wants', () => {
    expect(formErrors(filled())).toEqual({})
    const input = toSubmitInput(filled({ longTerm: true, storeName: '  ' }))
    expect(input.idCardValidEnd).toBe('长期')
    expect(input).not.toHaveProperty('storeName')
  })

  it('maps each problem to its field, with plain words for empty fields and missing photos', () => {
    const errors = formErrors(
      filled({
        idCardNumber: '110101199003070012',
        mobile: '',
        front: null,
        back: { fileId: null, url: 'b', progress: 40 },
      }),
    )
    expect(errors).toEqual({
      idCardNumber: expect.stringContaining('校验码'),
      mobile: '请填写手机号',
      idCardFrontFileId: '请上传身份证人像面照片',
      idCardBackFileId: '国徽面照片上传中，请稍候',
    })
  })

  it('keeps the server’s field paths (details.issues) on their top-level field', () => {
    expect(
      byField([
        { path: 'idCardNumber', message: 'a' },
        { path: 'idCardNumber', message: 'b' },
        { path: 'x.y', message: 'c' },
      ]),
    ).toEqual({ idCardNumber: 'a', x: 'c' })
  })

  it('brings back the non-sensitive answers after 驳回, never the real-name ones', () => {
    const f = initialForm({
      idCardName: '张*三',
      idCardNumber: '1***',
      idCardValidBegin: '2020-01-01',
      idCardValidEnd: '长期',
      mobile: '138****1234',
      accountBank: '招商银行',
      bankAddressCode: '330100',
      accountNumber: '**** 1234',
      storeName: '小店',
    })
    expect(f).toMatchObject({
      idCardName: '',
      idCardNumber: '',
      mobile: '',
      accountNumber: '',
      longTerm: true,
      accountBank: '招商银行',
      bankAddressCode: '330100',
      storeName: '小店',
    })
  })
})
