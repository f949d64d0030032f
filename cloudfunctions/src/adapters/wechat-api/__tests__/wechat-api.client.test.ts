import { WechatApiError } from '../../../modules/messaging/ports/wechat-api.port'
import {
  rfc3339Cst,
  WechatApiClient,
  wechatApiVerdict,
  wechatHttpVerdict,
  type FetchLike,
} from '../wechat-api.client'
import { isPermanentRefusal } from '../../../modules/core/ports/provider-error'
import { wechatApiConfigFromEnv } from '../wechat-api.config'

/** The adapter's own edges with a scripted fetch (the sandbox contract suite covers the protocol). */
const clock = { now: () => Date.UTC(2026, 0, 1) }
const answer = (body: unknown, status = 200) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status })
const scripted = (
  ...answers: ((url: string, init?: RequestInit) => Response | Promise<Response>)[]
) => {
  const calls: { url: string; body?: string }[] = []
  const fetchImpl = (async (url: string, init?: RequestInit) => {
    calls.push({ url, body: init?.body as string | undefined })
    const next = answers.shift()
    if (!next) throw new Error('unexpected call')
    return next(url, init)
  }) as unknown as FetchLike
  return { calls, fetchImpl }
}
const client = (fetchImpl: FetchLike, timeoutMs = 1000) =>
  new WechatApiClient({
    config: {
      baseUrl: 'https://wx.test/',
      appid: 'wxa',
      secret: 's3cret',
      timeoutMs,
      tokenEndpoint: 'token',
    },
    clock,
    fetch: fetchImpl,
  })
const token = () => answer({ access_token: 'T1', expires_in: 7200 })
const rejection = async (p: Promise<unknown>) => {
  try {
    await p
  } catch (e) {
    if (e instanceof WechatApiError) return e
    throw e
  }
  throw new Error('expected a WechatApiError')
}

test('builds the documented request bodies', async () => {
  const { calls, fetchImpl } = scripted(
    token,
    () => answer({ errcode: 0, errmsg: 'ok', msgid: 123 }),
    () => answer({ errcode: 0, errmsg: 'ok' }),
  )
  const api = client(fetchImpl)
  expect(
    await api.sendSubscribeMessage({ toOpenid: 'o1', templateId: 'T', data: { thing1: '相机' } }),
  ).toEqual({ msgId: '123' })
  await api.notifyConfirmReceive({
    order: { mchid: '19', outTradeNo: 'LQ1' },
    receivedAt: 1_767_225_600_999,
  })
  expect(calls[0].url).toBe(
    'https://wx.test/cgi-bin/token?grant_type=client_credential&appid=wxa&secret=s3cret',
  )
  expect(calls[1].url).toBe('https://wx.test/cgi-bin/message/subscribe/send?access_token=T1')
  expect(JSON.parse(calls[1].body!)).toEqual({
    touser: 'o1',
    template_id: 'T',
    data: { thing1: { value: '相机' } },
    miniprogram_state: 'formal',
    lang: 'zh_CN',
  })
  expect(JSON.parse(calls[2].body!)).toEqual({
    merchant_id: '19',
    merchant_trade_no: 'LQ1',
    received_time: 1_767_225_600,
  })
})

test('our own timeout is a retryable TIMEOUT', async () => {
  const hang = (_url: string, init?: RequestInit) =>
    new Promise<Response>((_resolve, reject) =>
      init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
    )
  const { fetchImpl } = scripted(token, hang)
  const e = await rejection(
    client(fetchImpl, 20).uploadShippingInfo({
      order: { transactionId: '42' },
      logisticsType: 4,
      items: [{ itemDesc: 'x' }],
      payerOpenid: 'o1',
      uploadedAt: 0,
    }),
  )
  expect(e).toMatchObject({ errcode: 'TIMEOUT', retryable: true, kind: 'transport' })
})

test('non-JSON and token answers without a token are BAD_RESPONSE; 4xx is not retryable', async () => {
  expect(
    await rejection(
      client(scripted(() => answer({ expires_in: 7200 })).fetchImpl).sendSubscribeMessage({
        toOpenid: 'o',
        templateId: 'T',
        data: {},
      }),
    ),
  ).toMatchObject({ errcode: 'BAD_RESPONSE' })
  expect(
    await rejection(
      client(scripted(token, () => answer('<html>')).fetchImpl).sendSubscribeMessage({
        toOpenid: 'o',
        templateId: 'T',
        data: {},
      }),
    ),
  ).toMatchObject({ errcode: 'BAD_RESPONSE', retryable: true })
  expect(
    await rejection(
      client(scripted(token, () => answer('no', 404)).fetchImpl).sendSubscribeMessage({
        toOpenid: 'o',
        templateId: 'T',
        data: {},
      }),
    ),
  ).toMatchObject({ errcode: 'HTTP_STATUS', retryable: false })
})

test('a second 40001 after the refresh is retryable and the token never appears in messages', async () => {
  const refused = () => answer({ errcode: 40001, errmsg: 'invalid credential' })
  const { calls, fetchImpl } = scripted(
    token,
    refused,
    () => answer({ access_token: 'T2', expires_in: 7200 }),
    refused,
  )
  const e = await rejection(
    client(fetchImpl).sendSubscribeMessage({ toOpenid: 'o', templateId: 'T', data: {} }),
  )
  expect(e).toMatchObject({ errcode: 40001, retryable: true })
  expect(calls.map((c) => c.url.replace('https://wx.test', ''))).toEqual([
    '/cgi-bin/token?grant_type=client_credential&appid=wxa&secret=s3cret',
    '/cgi-bin/message/subscribe/send?access_token=T1',
    '/cgi-bin/token?grant_type=client_credential&appid=wxa&secret=s3cret',
    '/cgi-bin/message/subscribe/send?access_token=T2',
  ])
  expect(e.message).not.toMatch(/T1|T2|s3cret/)
})

test('upload_time is RFC 3339 in China Standard Time', () => {
  expect(rfc3339Cst(Date.UTC(2026, 0, 1, 0, 0, 0, 120))).toBe('2026-01-01T08:00:00.120+08:00')
})

test('config from env: defaults to api.weixin.qq.com; appid and secret required', () => {
  expect(wechatApiConfigFromEnv({ WECHAT_APPID: 'wxa', WECHAT_SECRET: 's' })).toMatchObject({
    baseUrl: 'https://api.weixin.qq.com',
    timeoutMs: 10_000,
  })
  expect(
    wechatApiConfigFromEnv({
      WECHAT_APPID: 'wxa',
      WECHAT_SECRET: 's',
      WECHAT_API_BASE_URL: 'http://127.0.0.1:1/sandbox/wechat-api',
    }).baseUrl,
  ).toBe('http://127.0.0.1:1/sandbox/wechat-api')
  expect(() => wechatApiConfigFromEnv({ WECHAT_APPID: 'wxa' })).toThrow()
})

test('stable_token: POSTed; a refused token handed out again is force-refreshed once', async () => {
  const stable = () => answer({ access_token: 'S1', expires_in: 7200 })
  const { calls, fetchImpl } = scripted(
    stable,
    () => answer({ errcode: 40001, errmsg: 'invalid credential' }),
    stable,
    () => answer({ access_token: 'S2', expires_in: 7200 }),
    () => answer({ errcode: 0, errmsg: 'ok' }),
  )
  const api = new WechatApiClient({
    config: { baseUrl: 'https://wx.test', appid: 'wxa', secret: 's3cret' },
    clock,
    fetch: fetchImpl,
  })
  await api.notifyConfirmReceive({ order: { transactionId: '42' }, receivedAt: 0 })
  expect(
    calls.map((c) => [
      c.url.replace('https://wx.test', ''),
      c.body && JSON.parse(c.body).force_refresh,
    ]),
  ).toEqual([
    ['/cgi-bin/stable_token', false],
    ['/wxa/sec/order/notify_confirm_receive?access_token=S1', undefined],
    ['/cgi-bin/stable_token', false],
    ['/cgi-bin/stable_token', true],
    ['/wxa/sec/order/notify_confirm_receive?access_token=S2', undefined],
  ])
  expect(JSON.parse(calls[0].body!)).toEqual({
    grant_type: 'client_credential',
    appid: 'wxa',
    secret: 's3cret',
    force_refresh: false,
  })
})

test('WeChat errcode table: busy, frequency limit and a retired token retry; the rest is final', async () => {
  const refused = { retryable: false, permanent: true }
  const retry = { retryable: true, permanent: false }
  for (const errcode of [-1, 45009, 40001, 42001, 10060012])
    expect(wechatApiVerdict(errcode)).toEqual(retry)
  for (const errcode of [40003, 40037, 43101, 47003, 10060023])
    expect(wechatApiVerdict(errcode)).toEqual(refused)
  expect(wechatHttpVerdict(503)).toEqual(retry)
  expect(wechatHttpVerdict(429)).toEqual(retry)
  expect(wechatHttpVerdict(404)).toEqual(refused)

  const send = (...answers: ((url: string) => Response)[]) =>
    rejection(
      client(scripted(token, ...answers).fetchImpl).sendSubscribeMessage({
        toOpenid: 'o',
        templateId: 'T',
        data: {},
      }),
    )
  expect(isPermanentRefusal(await send(() => answer({ errcode: 40003, errmsg: 'openid' })))).toBe(
    true,
  )
  expect(isPermanentRefusal(await send(() => answer({ errcode: 45009, errmsg: 'limit' })))).toBe(
    false,
  )
  expect(isPermanentRefusal(await send(() => answer('busy', 502)))).toBe(false)
})
