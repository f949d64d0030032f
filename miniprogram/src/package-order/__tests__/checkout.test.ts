import { ServiceError } from '@/services/service-error'
import {
  checkoutProblem,
  escrowLine,
  fieldOfCheckoutPath,
  fulfilmentOptions,
  shippingFenOf,
  shippingText,
  type FreightState,
} from '../confirm/checkout'

describe('checkout field errors', () => {
  it.each([
    ['address.phone', 'phone'],
    ['address.detail', 'detail'],
    ['address', 'address'],
    ['fulfilment', 'fulfilment'],
    ['listingId', null],
  ])('maps the validation path %s onto the confirm form field %s', (path, field) => {
    expect(fieldOfCheckoutPath(path)).toBe(field)
  })

  it('puts every message of a COMMON.VALIDATION answer under its field', () => {
    const e = new ServiceError('COMMON.VALIDATION', '请输入 11 位手机号', {
      path: 'address.phone',
      issues: [
        { path: 'address.phone', message: '请输入 11 位手机号' },
        { path: 'address.region', message: '请填写省市区' },
      ],
    })
    expect(checkoutProblem(e)).toEqual({
      fields: { phone: '请输入 11 位手机号', region: '请填写省市区' },
      message: null,
      blocked: false,
    })
  })

  it('leaves a message nobody owns for the page', () => {
    const e = new ServiceError('COMMON.VALIDATION', '商品编号有误', {
      path: 'listingId',
      issues: [{ path: 'listingId', message: '商品编号有误' }],
    })
    expect(checkoutProblem(e)).toEqual({ fields: {}, message: '商品编号有误', blocked: false })
  })

  it('stops the purchase for a reserved listing, an unonboarded seller or an own listing', () => {
    for (const code of [
      'ORDER.LISTING_RESERVED',
      'ORDER.SELLER_NOT_ONBOARDED',
      'ORDER.OWN_LISTING',
      'ORDER.LISTING_UNAVAILABLE',
    ]) {
      const p = checkoutProblem(new ServiceError(code, 'x'))
      expect(p.blocked).toBe(true)
      expect(p.message).toBeTruthy()
    }
    expect(checkoutProblem(new ServiceError('ORDER.LISTING_RESERVED', 'x')).message).toContain(
      '已被拍下',
    )
  })

  it('points fulfilment and address codes at their fields', () => {
    expect(
      checkoutProblem(new ServiceError('ORDER.FULFILMENT_UNAVAILABLE', '卖家不支持这种交易方式'))
        .fields,
    ).toEqual({ fulfilment: '卖家不支持这种交易方式' })
    expect(
      checkoutProblem(new ServiceError('ORDER.ADDRESS_REQUIRED', '邮寄需要填写收货地址')).fields,
    ).toEqual({ address: '邮寄需要填写收货地址' })
  })
})

describe('fulfilment options', () => {
  it('offers what the listing allows, with the shipping fee the buyer pays', () => {
    const opts = fulfilmentOptions({
      kind: 'goods',
      trade: { shipping: { payer: 'buyer', feeFen: 1200 }, meetup: true, pickup: true },
    })
    expect(opts.map((o) => [o.label, o.fulfilment, o.shippingFen])).toEqual([
      ['邮寄', 'courier', 1200],
      ['同城面交', 'meetup', 0],
      ['自提', 'meetup', 0],
    ])
    expect(
      fulfilmentOptions({
        kind: 'goods',
        trade: { shipping: { payer: 'seller' }, meetup: false, pickup: false },
      })[0]!.sub,
    ).toBe('包邮')
    expect(fulfilmentOptions({ kind: 'service', trade: null }).map((o) => o.fulfilment)).toEqual([
      'service',
    ])
  })
})

describe('按实际运费 at checkout', () => {
  const [quoted] = fulfilmentOptions({
    kind: 'goods',
    trade: { shipping: { payer: 'quote', weightKg: 2 }, meetup: false, pickup: false },
  })
  const [fixed] = fulfilmentOptions({
    kind: 'goods',
    trade: { shipping: { payer: 'buyer', feeFen: 1200 }, meetup: false, pickup: false },
  })
  const [free, meetup] = fulfilmentOptions({
    kind: 'goods',
    trade: { shipping: { payer: 'seller' }, meetup: true, pickup: false },
  })
  const quote: FreightState = {
    kind: 'quoted',
    toCity: '深圳市',
    company: '韵达快递',
    priceFen: 950,
  }

  it('offers 邮寄 with the fee to be quoted', () => {
    expect(quoted).toMatchObject({ fulfilment: 'courier', sub: '按实际运费', quoted: true })
    expect(fixed!.quoted).toBe(false)
  })

  it('counts the quote in the total only once it is in, and says why otherwise', () => {
    expect(shippingFenOf(quoted!, quote)).toBe(950)
    expect(shippingText(quoted!, quote)).toBe('¥9.50（韵达快递，寄往深圳市）')
    expect(shippingFenOf(quoted!, { kind: 'loading', toCity: '深圳市' })).toBeNull()
    expect(shippingText(quoted!, { kind: 'no-address' })).toBe('选择收货地址后按实际计算')
    expect(shippingText(quoted!, { kind: 'unavailable', toCity: '深圳市' })).toBe('暂时查不到运费')
    // Other ways to trade ignore any quote.
    expect([shippingFenOf(fixed!, quote), shippingText(fixed!, quote)]).toEqual([1200, '¥12'])
    expect([shippingFenOf(free!, quote), shippingText(free!, quote)]).toEqual([0, '包邮'])
    expect([shippingFenOf(meetup!, quote), shippingText(meetup!, quote)]).toEqual([0, '无'])
  })
})

describe('escrow line', () => {
  it('promises escrow in the words of the way to trade', () => {
    expect(escrowLine('courier')).toContain('钱款由微信支付担保，确认收货后才到卖家账户')
    expect(escrowLine('courier')).toContain('未发货自动退款')
    expect(escrowLine('meetup')).toContain('未完成面交自动退款')
    expect(escrowLine('service')).toContain('确认服务完成后')
  })
})
