/** The browser's payment: the sandbox cashier URL and the trip there. */
const pay = jest.fn()
jest.mock('../api', () => ({ api: { order: { pay: (id: string) => pay(id) } } }))

import { CASHIER_PATH, appPageUrl, cashierUrl, payOrder, prepayIdOf } from '../pay.h5'

const params = {
  appId: 'wx0000000000000001',
  timeStamp: '1700000000',
  nonceStr: 'n',
  package: 'prepay_id=wx24000000000000abc',
  signType: 'RSA' as const,
  paySign: 's',
}

describe('pay (H5)', () => {
  it('takes the prepay id out of the package', () => {
    expect(prepayIdOf('prepay_id=wx24000000000000abc')).toBe('wx24000000000000abc')
    expect(prepayIdOf('foo=1&prepay_id=wx%2Bx')).toBe('wx+x')
    expect(() => prepayIdOf('nothing')).toThrow('支付参数有误')
  })

  it('builds the app page URL of the hash router', () => {
    expect(
      appPageUrl('/package-order/detail/index?id=01ABC', {
        origin: 'http://localhost:8791',
        pathname: '/',
      }),
    ).toBe('http://localhost:8791/#/package-order/detail/index?id=01ABC')
  })

  it('sends the cashier the prepay id and the encoded way back', () => {
    const back = 'http://localhost:8791/#/package-order/detail/index?id=01ABC'
    const url = cashierUrl(params, back)
    expect(url.startsWith(`${CASHIER_PATH}?`)).toBe(true)
    const q = new URLSearchParams(url.slice(url.indexOf('?') + 1))
    expect(q.get('prepay_id')).toBe('wx24000000000000abc')
    expect(q.get('redirect_url')).toBe(back)
    // the whole way back travels as one parameter: its ? # & = are encoded
    expect(url).toContain(
      'redirect_url=http%3A%2F%2Flocalhost%3A8791%2F%23%2Fpackage-order%2Fdetail%2Findex%3Fid%3D01ABC',
    )
    expect(url.split('&')).toHaveLength(2)
  })

  it('leaves for the cashier with the server-signed package, replacing the confirm page when asked', async () => {
    pay.mockResolvedValue({ params, payBy: 0 })
    const assign = jest.fn()
    const replace = jest.fn()
    const original = window.location
    Object.defineProperty(window, 'location', {
      configurable: true,
      value: { origin: 'http://localhost:8791', pathname: '/', assign, replace },
    })
    try {
      await expect(payOrder('01ORDER')).resolves.toEqual({ kind: 'redirected' })
      expect(pay).toHaveBeenCalledWith('01ORDER')
      expect(assign).toHaveBeenCalledWith(
        `${CASHIER_PATH}?prepay_id=wx24000000000000abc&redirect_url=${encodeURIComponent('http://localhost:8791/#/package-order/detail/index?id=01ORDER')}`,
      )
      await payOrder('01ORDER', { replace: true })
      expect(replace).toHaveBeenCalledTimes(1)
    } finally {
      Object.defineProperty(window, 'location', { configurable: true, value: original })
    }
  })
})
