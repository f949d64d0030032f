import { CourierError } from '../../../modules/delivery/ports/courier.port'
import { kuaidi100ConfigFromEnv } from '../kuaidi100.config'
import { kuaidi100Verdict, Kuaidi100Courier } from '../kuaidi100.courier'
import { isPermanentRefusal } from '../../../modules/core/ports/provider-error'
import {
  borderSign,
  formatTime,
  md5Upper,
  parseTime,
  pushSign,
  querySign,
} from '../kuaidi100.protocol'

const config = {
  baseUrls: { poll: 'https://poll.example', autonumber: 'https://www.example' },
  key: 'K',
  customer: 'C',
  secret: 'S',
  salt: 'salt-0123456789',
  callbackUrl: 'https://api.example/http/courier-notify/kuaidi100',
}

/** A fetch that records requests and answers from a list. */
const fakeFetch = (answers: (object | unknown[] | Error | 'hang')[]) => {
  const calls: { url: string; form: URLSearchParams; headers: Record<string, string> }[] = []
  const impl = (async (url: string, init: RequestInit) => {
    calls.push({
      url,
      form: new URLSearchParams(String(init.body)),
      headers: init.headers as Record<string, string>,
    })
    const a = answers.shift()
    if (a === 'hang')
      return new Promise((_r, reject) =>
        init.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      )
    if (a instanceof Error) throw a
    return new Response(JSON.stringify(a), { status: 200 })
  }) as unknown as typeof fetch
  return { impl, calls }
}

test('signatures are MD5 upper-case hex over the documented concatenations', () => {
  expect(md5Upper('abc')).toBe('900150983CD24FB0D6963F7D28E17F72')
  expect(querySign('{"com":"yuantong"}', 'K', 'C')).toBe(md5Upper('{"com":"yuantong"}KC'))
  expect(borderSign('{}', '1700000000000', 'K', 'S')).toBe(md5Upper('{}1700000000000KS'))
  expect(pushSign('{}', 'salt')).toBe(md5Upper('{}salt'))
  const t = Date.UTC(2026, 0, 1, 0, 30, 5)
  expect(formatTime(t)).toBe('2026-01-01 08:30:05')
  expect(parseTime(formatTime(t))).toBe(t)
  expect(parseTime('yesterday')).toBeNaN()
})

test('config from KUAIDI100_* variables, with the production hosts by default', () => {
  const c = kuaidi100ConfigFromEnv({
    KUAIDI100_KEY: 'K',
    KUAIDI100_CUSTOMER: 'C',
    KUAIDI100_SECRET: 'S',
    KUAIDI100_SALT: 'salt-0123456789',
    KUAIDI100_CALLBACK_URL: 'https://api.example/http/courier-notify/kuaidi100',
    KUAIDI100_QUOTE_COMPANIES: 'shunfeng, yunda',
  })
  expect(c.baseUrls).toEqual({
    poll: 'https://poll.kuaidi100.com',
    autonumber: 'https://www.kuaidi100.com',
  })
  expect(c.quoteCompanies).toEqual(['shunfeng', 'yunda'])
  expect(() => kuaidi100ConfigFromEnv({ KUAIDI100_KEY: 'K' })).toThrow()
})

test('query.do is a form POST of customer, sign and param', async () => {
  const f = fakeFetch([
    {
      message: 'ok',
      nu: 'YT1234567890123',
      ischeck: '0',
      com: 'yuantong',
      status: '200',
      state: '1',
      data: [{ ftime: '2026-01-01 08:00:00', context: '已揽收', statusCode: '1' }],
    },
  ])
  const courier = new Kuaidi100Courier({ config, fetch: f.impl })
  const t = await courier.track({ company: 'yuantong', waybillNo: 'yt1234567890123' })
  expect(t).toMatchObject({
    state: 'collected',
    events: [{ state: 'collected', at: Date.UTC(2026, 0, 1) }],
  })
  const { url, form, headers } = f.calls[0]
  expect(url).toBe('https://poll.example/poll/query.do')
  expect(headers['Content-Type']).toContain('application/x-www-form-urlencoded')
  expect(JSON.parse(form.get('param')!)).toMatchObject({ com: 'yuantong', num: 'YT1234567890123' })
  expect(form.get('sign')).toBe(querySign(form.get('param')!, 'K', 'C'))
  expect(form.get('customer')).toBe('C')
})

test('borderapi carries method, key, t from the clock and the secret-based sign', async () => {
  const f = fakeFetch([
    {
      result: true,
      returnCode: '200',
      message: '成功',
      data: {
        kuaidiCom: 'yunda',
        price: '12.50',
        firstPrice: '10.00',
        overPrice: '2.50',
        serviceType: '标准快递',
      },
    },
  ])
  const courier = new Kuaidi100Courier({
    config,
    fetch: f.impl,
    clock: { now: () => 1_700_000_000_000 },
  })
  expect(
    await courier.quote({ fromCity: '上海', toCity: '北京', weightKg: 2, company: 'yunda' }),
  ).toEqual([
    {
      company: 'yunda',
      priceFen: 1250,
      firstWeightFen: 1000,
      continuedWeightFen: 250,
      serviceType: '标准快递',
    },
  ])
  const { url, form } = f.calls[0]
  expect(url).toBe('https://poll.example/order/borderapi.do')
  expect(form.get('method')).toBe('price')
  expect(form.get('t')).toBe('1700000000000')
  expect(form.get('sign')).toBe(borderSign(form.get('param')!, '1700000000000', 'K', 'S'))
})

test('timeouts and network failures are retryable transport errors; non-JSON is a bad response', async () => {
  const slow = new Kuaidi100Courier({
    config: { ...config, timeoutMs: 20 },
    fetch: fakeFetch(['hang']).impl,
  })
  await expect(slow.detectCompany('SF1234567890123')).rejects.toMatchObject({
    kind: 'transport',
    code: 'TIMEOUT',
    retryable: true,
  })
  const down = new Kuaidi100Courier({ config, fetch: fakeFetch([new Error('ECONNREFUSED')]).impl })
  await expect(down.detectCompany('SF1234567890123')).rejects.toMatchObject({
    code: 'NETWORK',
    retryable: true,
  })
  const html = new Kuaidi100Courier({
    config,
    fetch: (async () => new Response('<html>', { status: 200 })) as unknown as typeof fetch,
  })
  await expect(html.detectCompany('SF1234567890123')).rejects.toBeInstanceOf(CourierError)
})

test('kuaidi100 400 answers are told apart by their message', async () => {
  const f = fakeFetch([
    { result: false, returnCode: '400', message: '找不到对应公司' },
    { result: false, returnCode: '400', message: '快递单号不符合规则' },
    { result: false, returnCode: '400', message: '寄件地址不在服务范围' },
    { result: false, returnCode: '400', message: '提交的数据不完整' },
  ])
  const courier = new Kuaidi100Courier({ config, fetch: f.impl })
  const codes = []
  for (let i = 0; i < 4; i++)
    codes.push(
      await courier
        .track({ company: 'somecourier', waybillNo: 'AB12345678' })
        .catch((e: CourierError) => e.code),
    )
  expect(codes).toEqual([
    'UNKNOWN_COMPANY',
    'INVALID_WAYBILL',
    'ADDRESS_NOT_SERVED',
    'INVALID_ARGUMENT',
  ])
})

test('a repeated subscription (501 重复订阅) is success; other refusals are typed', async () => {
  const f = fakeFetch([
    { result: false, returnCode: '501', message: '重复订阅' },
    { result: false, returnCode: '701', message: '拒绝订阅的快递公司' },
  ])
  const courier = new Kuaidi100Courier({ config, fetch: f.impl })
  await expect(
    courier.subscribe({ company: 'yuantong', waybillNo: 'YT1234567890123' }),
  ).resolves.toBeUndefined()
  await expect(
    courier.subscribe({ company: 'yuantong', waybillNo: 'YT1234567890123' }),
  ).rejects.toMatchObject({ code: 'UNKNOWN_COMPANY', vendorCode: '701' })
  const param = JSON.parse(f.calls[0].form.get('param')!)
  expect(f.calls[0].form.get('schema')).toBe('json')
  expect(param).toMatchObject({
    company: 'yuantong',
    number: 'YT1234567890123',
    key: 'K',
    parameters: { callbackurl: config.callbackUrl, salt: config.salt },
  })
})

test('kuaidi100 returnCode table: which answers are refused for good', async () => {
  const refused = { retryable: false, permanent: true }
  const retry = { retryable: true, permanent: false }
  expect(kuaidi100Verdict('408', '')).toEqual(['PHONE_REQUIRED', refused])
  expect(kuaidi100Verdict('503', '验证签名失败')).toEqual(['SIGN_ERROR', refused])
  expect(kuaidi100Verdict('400', '不在服务范围')).toEqual(['ADDRESS_NOT_SERVED', refused])
  expect(kuaidi100Verdict('30002', '')).toEqual(['PICKUP_NOT_CANCELLABLE', refused])
  expect(kuaidi100Verdict('500', '查询无结果')).toEqual(['NO_RESULT', retry])
  expect(kuaidi100Verdict('502', '')).toEqual(['RATE_LIMITED', retry])
  expect(kuaidi100Verdict('501', '服务器错误')).toEqual(['VENDOR_ERROR', retry])
  expect(kuaidi100Verdict('501', '重复订阅')).toEqual(['ALREADY_SUBSCRIBED', refused])
  expect(kuaidi100Verdict('99999', '')).toEqual(['VENDOR_ERROR', refused])

  const rejectionOf = async (answer: object | Error) => {
    const c = new Kuaidi100Courier({ config, fetch: fakeFetch([answer]).impl })
    return c.track({ company: 'somecourier', waybillNo: 'AB12345678' }).then(
      () => undefined,
      (e: unknown) => e,
    )
  }
  expect(
    isPermanentRefusal(
      await rejectionOf({ result: false, returnCode: '408', message: '需要手机号' }),
    ),
  ).toBe(true)
  expect(
    isPermanentRefusal(
      await rejectionOf({ result: false, returnCode: '502', message: '超过并发' }),
    ),
  ).toBe(false)
  expect(isPermanentRefusal(await rejectionOf(new Error('ECONNREFUSED')))).toBe(false)
})
