import {
  addressFormErrors,
  byAddressField,
  initialAddressForm,
  regionFromPath,
  regionToPath,
  REGION_OPTIONS,
  toAddressInput,
  type AddressForm,
} from '../address-edit/form'

const filled = (over: Partial<AddressForm> = {}): AddressForm => ({
  ...initialAddressForm(null),
  name: '李明华',
  phone: '138 1234 8000',
  region: { province: '浙江省', city: '杭州市', district: '西湖区' },
  detail: '文三路 478 号',
  ...over,
})

describe('address form', () => {
  it('passes a complete form and sends the phone without spaces', () => {
    expect(addressFormErrors(filled())).toEqual({})
    expect(toAddressInput(filled({ tag: '公司', isDefault: true }))).toEqual({
      name: '李明华',
      phone: '13812348000',
      region: { province: '浙江省', city: '杭州市', district: '西湖区' },
      detail: '文三路 478 号',
      tag: '公司',
      isDefault: true,
    })
  })

  it('says what is missing for empty fields and why for wrong ones', () => {
    expect(addressFormErrors(initialAddressForm(null))).toEqual({
      name: '请填写收货人',
      phone: '请填写手机号',
      region: '请选择所在地区',
      detail: '请填写详细地址',
    })
    expect(addressFormErrors(filled({ phone: '1381234', detail: '12345' }))).toEqual({
      phone: '请输入 11 位手机号',
      detail: '详细地址需包含街道或小区名称',
    })
    expect(
      addressFormErrors(filled({ region: { province: '浙江省', city: '杭州市', district: '' } })),
    ).toEqual({ region: '请选择区县' })
  })

  it('puts the server’s nested paths (region.district) on the region picker', () => {
    expect(
      byAddressField([
        { path: 'region.district', message: '请选择区县' },
        { path: 'phone', message: 'a' },
        { path: 'phone', message: 'b' },
      ]),
    ).toEqual({
      region: '请选择区县',
      phone: 'a',
    })
  })

  it('turns cascader paths into regions and back, with cities at city level as leaves', () => {
    expect(regionFromPath(['上海市', '上海市', '浦东新区'])).toEqual({
      province: '上海市',
      city: '上海市',
      district: '浦东新区',
    })
    expect(regionFromPath(['北京市', '北京市'])).toEqual({
      province: '北京市',
      city: '北京市',
      district: '',
    })
    expect(regionFromPath(['北京市'])).toBeNull()
    expect(regionToPath({ province: '北京市', city: '北京市', district: '' })).toEqual([
      '北京市',
      '北京市',
    ])
    const shanghai = REGION_OPTIONS.find((p) => p.value === '上海市')!
    expect(shanghai.children![0].children).toHaveLength(16)
    expect(REGION_OPTIONS.find((p) => p.value === '北京市')!.children![0].children).toBeUndefined()
  })

  it('fills the edit form from the full address', () => {
    const f = initialAddressForm({
      id: '01KAAAAAAAAAAAAAAAAAAAAAAA',
      name: '李明华',
      phone: '13812348000',
      region: { province: '北京市', city: '北京市', district: '' },
      regionText: '北京市',
      detail: '长安街 1 号',
      tag: '家',
      isDefault: true,
      version: 3,
      updatedAt: 0,
    })
    expect(f).toEqual({
      name: '李明华',
      phone: '13812348000',
      region: { province: '北京市', city: '北京市', district: '' },
      detail: '长安街 1 号',
      tag: '家',
      isDefault: true,
    })
  })
})
