import { isPermanentRefusal, ProviderError } from '../src/modules/core/ports/provider-error'
import { PaymentGatewayError } from '../src/modules/payments/ports/payment-gateway.port'
import { CourierError } from '../src/modules/delivery/ports/courier.port'
import { WechatApiError } from '../src/modules/messaging/ports/wechat-api.port'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'

test('isPermanentRefusal is the error’s own verdict, for provider errors only', () => {
  expect(isPermanentRefusal(new ProviderError('kuaidi100', '408', 'no', undefined, true))).toBe(
    true,
  )
  expect(isPermanentRefusal(new ProviderError('kuaidi100', '502', 'busy', undefined, false))).toBe(
    false,
  )
  // Look-alikes are not refusals: only a branded provider error carries a verdict.
  expect(isPermanentRefusal({ permanent: true, retryable: false, kind: 'wechat' })).toBe(false)
  expect(isPermanentRefusal(new AppError(ErrorCodes.CONFLICT))).toBe(false)
  expect(isPermanentRefusal(new Error('x'))).toBe(false)
  expect(isPermanentRefusal(undefined)).toBe(false)
})

test('a copy of the class from another bundle is recognised by its brand', () => {
  const copy = Object.assign(new Error('refused'), {
    [Symbol.for('linquan.ProviderError')]: true,
    permanent: true,
  })
  expect(copy instanceof ProviderError).toBe(true)
  expect(isPermanentRefusal(copy)).toBe(true)
})

test('the three port errors are provider errors that keep their own names and fields', () => {
  const pay = new PaymentGatewayError(403, 'NOT_ENOUGH', '余额不足', false, 'wechat')
  expect(pay).toBeInstanceOf(ProviderError)
  expect(pay).toBeInstanceOf(PaymentGatewayError)
  expect(pay).not.toBeInstanceOf(CourierError)
  expect(pay).toMatchObject({
    name: 'PaymentGatewayError',
    provider: 'wechat-pay',
    vendorCode: 'NOT_ENOUGH',
    wechatCode: 'NOT_ENOUGH',
    httpStatus: 403,
    permanent: true,
  })
  const courier = new CourierError('vendor', 'PHONE_REQUIRED', 'phone', false, '408')
  expect(courier).toMatchObject({
    name: 'CourierError',
    provider: 'kuaidi100',
    vendorCode: '408',
    permanent: true,
  })
  const wx = new WechatApiError(40003, 'invalid openid', false, 'wechat')
  expect(wx).toMatchObject({
    name: 'WechatApiError',
    provider: 'wechat-api',
    vendorCode: '40003',
    httpStatus: 200,
    permanent: true,
  })
  expect(new WechatApiError('HTTP_STATUS', 'x', false, 'transport', { status: 404 })).toMatchObject(
    { httpStatus: 404 },
  )
})

test('errors built outside an adapter default to the rule each caller used to write by hand', () => {
  // WeChat Pay: only WeChat's own non-retryable answer; a failed check of ours is not a refusal.
  expect(isPermanentRefusal(new PaymentGatewayError(0, 'X', 'x', false, 'verification'))).toBe(
    false,
  )
  expect(
    isPermanentRefusal(new PaymentGatewayError(0, 'NOT_CONFIGURED', 'x', false, 'transport')),
  ).toBe(false)
  expect(isPermanentRefusal(new PaymentGatewayError(429, 'LIMIT', 'x', true, 'wechat'))).toBe(false)
  // kuaidi100: anything non-retryable except the wire (a local container without a courier retries).
  expect(isPermanentRefusal(new CourierError('transport', 'NOT_CONFIGURED', 'x', false))).toBe(
    false,
  )
  expect(isPermanentRefusal(new CourierError('verification', 'PUSH_MALFORMED', 'x', false))).toBe(
    true,
  )
  expect(isPermanentRefusal(new CourierError('vendor', 'NO_RESULT', 'x', true, '500'))).toBe(false)
  // WeChat API: anything non-retryable, a missing configuration included.
  expect(
    isPermanentRefusal(new WechatApiError('NOT_CONFIGURED', 'x', false, 'not-configured')),
  ).toBe(true)
  expect(isPermanentRefusal(new WechatApiError(-1, 'busy', true, 'wechat'))).toBe(false)
  // An adapter's explicit verdict wins over the default.
  expect(
    isPermanentRefusal(new CourierError('vendor', 'VENDOR_ERROR', 'x', false, '9', false)),
  ).toBe(false)
})
