import { WechatApiError } from '../../../modules/messaging/ports/wechat-api.port'
import type { FetchLike } from '../wechat-api.transport'
import { WechatShareClient } from '../wechat-share.client'

/** The sharing adapter's own edges with a scripted fetch (the sandbox contract suite covers the protocol). */
const clock = { now: () => Date.UTC(2026, 0, 1) }
const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } })
const scripted = (...answers: (() => Response)[]) => {
  const urls: string[] = []
  const fetchImpl = (async (url: string) => {
    urls.push(url)
    const next = answers.shift()
    if (!next) throw new Error('unexpected call')
    return next()
  }) as unknown as FetchLike
  return { urls, fetchImpl }
}
const client = (fetchImpl: FetchLike, over: Record<string, unknown> = {}) =>
  new WechatShareClient({
    config: {
      baseUrl: 'https://wx.test',
      appid: 'wxa',
      secret: 's',
      tokenEndpoint: 'token',
      ...over,
    },
    clock,
    fetch: fetchImpl,
  })
const token = () => json({ access_token: 'T1', expires_in: 7200 })
const openData = (item: unknown) => () =>
  json({
    errcode: 0,
    errmsg: 'ok',
    data_list: [{ cloud_id: '27_cloudcloud', ...(item as object) }],
  })
const resolve = (...answers: (() => Response)[]) =>
  client(scripted(token, ...answers).fetchImpl).openGroupId({
    cloudId: '27_cloudcloud',
    openid: 'o-buyer-01',
  })
const rejection = async (p: Promise<unknown>) => {
  try {
    await p
  } catch (e) {
    if (e instanceof WechatApiError) return e
    throw e
  }
  throw new Error('expected a WechatApiError')
}

test('open data: json as a string or an object; opengid or openGId', async () => {
  const data = { opengid: 'tG1', watermark: { appid: 'wxa', timestamp: 1 } }
  expect(await resolve(openData({ json: JSON.stringify({ cloudID: 'c', data }) }))).toBe('tG1')
  expect(await resolve(openData({ json: { cloudID: 'c', data } }))).toBe('tG1')
  expect(
    await resolve(
      openData({ json: { data: { openGId: 'tG2', watermark: { appid: 'wxa', timestamp: 1 } } } }),
    ),
  ).toBe('tG2')
})

test('unusable cloudIDs are null: per-item errCode, top-level -60100x, another app watermark', async () => {
  expect(
    await resolve(openData({ json: '{"errCode":-601006,"errMsg":"cloudID expired."}' })),
  ).toBeNull()
  expect(await resolve(() => json({ errcode: -601005, errmsg: 'invalid cloudID' }))).toBeNull()
  expect(
    await resolve(
      openData({
        json: { data: { opengid: 'tG1', watermark: { appid: 'wxOTHER', timestamp: 1 } } },
      }),
    ),
  ).toBeNull()
  expect(await resolve(openData({ json: { data: {} } }))).toBeNull()
})

test('a broken open-data answer is a retryable BAD_RESPONSE, other errcodes stay errors', async () => {
  expect(await rejection(resolve(() => json({ errcode: 0, data_list: [] })))).toMatchObject({
    errcode: 'BAD_RESPONSE',
    retryable: true,
  })
  expect(await rejection(resolve(openData({ json: 'not json' })))).toMatchObject({
    errcode: 'BAD_RESPONSE',
  })
  expect(
    await rejection(resolve(() => json({ errcode: 40003, errmsg: 'invalid openid' }))),
  ).toMatchObject({
    errcode: 40003,
    permanent: true,
  })
})

test('小程序码: any image type is returned as bytes; text that is not JSON is BAD_RESPONSE', async () => {
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0])
  const image = () => new Response(jpeg, { headers: { 'Content-Type': 'image/jpeg' } })
  const code = (answer: () => Response) =>
    client(scripted(token, answer).fetchImpl).getUnlimitedQrCode({ scene: 's', page: 'p' })
  expect(await code(image)).toEqual(jpeg)
  expect(await rejection(code(() => new Response('<html>oops</html>')))).toMatchObject({
    errcode: 'BAD_RESPONSE',
    retryable: true,
  })
  expect(await rejection(code(() => json({ errcode: 45009, errmsg: 'limit' })))).toMatchObject({
    errcode: 45009,
    retryable: true,
  })
})

test('release builds check the page by default; expiration_time in seconds becomes ms', async () => {
  const { urls, fetchImpl } = scripted(token, () =>
    json({ errcode: 0, activity_id: '1_a', expiration_time: 1_767_312_000 }),
  )
  const api = client(fetchImpl, { miniprogramState: 'formal' })
  expect(await api.createActivityId({})).toEqual({
    activityId: '1_a',
    expiresAt: 1_767_312_000_000,
  })
  expect(urls[1]).toBe('https://wx.test/cgi-bin/message/wxopen/activityid/create?access_token=T1')
  let body: any
  const capture = (async (_url: string, init?: RequestInit) => {
    if (!init?.body || JSON.parse(init.body as string).scene === undefined) return token()
    body = JSON.parse(init.body as string)
    return new Response(new Uint8Array([1]), { headers: { 'Content-Type': 'image/png' } })
  }) as unknown as FetchLike
  await client(capture, { miniprogramState: 'formal' }).getUnlimitedQrCode({
    scene: 's',
    page: 'p',
  })
  expect(body).toEqual({ scene: 's', page: 'p', check_path: true, env_version: 'release' })
})
