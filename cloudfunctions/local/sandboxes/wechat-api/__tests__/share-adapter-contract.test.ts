import { WechatApiClient } from '../../../../src/adapters/wechat-api/wechat-api.client'
import { WechatApiTransport } from '../../../../src/adapters/wechat-api/wechat-api.transport'
import { WechatShareClient } from '../../../../src/adapters/wechat-api/wechat-share.client'
import { WechatApiError } from '../../../../src/modules/messaging/ports/wechat-api.port'
import { isPermanentRefusal } from '../../../../src/modules/core/ports/provider-error'
import { wechatApiSandboxClientConfig } from '../client-config'
import { parseWxacodeContent, SEEDED_GROUPS } from '../index'
import { decodeQr, type Harness, startHarness } from './harness'

/**
 * Contract: the production sharing adapter (WechatShareClient), configured only through its
 * config, works against the sandbox over HTTP: the protocol's shape, each endpoint, and errcodes
 * mapped to WechatApiError with WeChat's retryable / permanent reading.
 */
jest.setTimeout(30_000)
let h: Harness
let share: WechatShareClient
/** Every request the adapter made: method, path, query and JSON body. */
let sent: { method: string; path: string; query: URLSearchParams; body?: unknown; type?: string }[]
beforeEach(async () => {
  h = await startHarness()
  sent = []
  const recording = (async (input: string, init?: RequestInit) => {
    const url = new URL(input)
    sent.push({
      method: init?.method ?? 'GET',
      path: url.pathname.replace(/^.*\/sandbox\/wechat-api/, '').replace(h.url, ''),
      query: url.searchParams,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      type: (init?.headers as Record<string, string> | undefined)?.['Content-Type'],
    })
    return fetch(input, init)
  }) as typeof fetch
  share = new WechatShareClient({
    config: wechatApiSandboxClientConfig(h.url),
    clock: { now: () => h.sandbox.clock.now() },
    fetch: recording,
  })
})
afterEach(() => h.close())

const SELLER = 'o-seller-000001'
const BUYER = 'o-buyer-000001'
const rejection = async (p: Promise<unknown>): Promise<WechatApiError> => {
  try {
    await p
  } catch (e) {
    if (e instanceof WechatApiError) return e
    throw e
  }
  throw new Error('expected a WechatApiError')
}
const apiCalls = () => sent.filter((s) => !s.path.includes('token'))
const counts = (member: string) => [
  { name: 'member_count' as const, value: member },
  { name: 'room_limit' as const, value: '1' },
]
const soldTo = [{ name: 'path' as const, value: 'package-listing/detail/index?id=L1' }]
const label = (activityId: string) => h.sandbox.share.cards.get(activityId)?.label

describe('updatable cards', () => {
  test('createActivityId: GET with access_token and openid; expiry in epoch ms', async () => {
    const { activityId, expiresAt } = await share.createActivityId({ openid: SELLER })
    expect(expiresAt).toBe(h.sandbox.clock.now() + 24 * 3600_000)
    const [call] = apiCalls()
    expect(call).toMatchObject({ method: 'GET', path: '/cgi-bin/message/wxopen/activityid/create' })
    expect(call.query.get('access_token')).toMatch(/^sbx_/)
    expect(call.query.get('openid')).toBe(SELLER)
    expect(call.body).toBeUndefined()
    expect(h.sandbox.share.cards.get(activityId)?.openid).toBe(SELLER)
    await share.createActivityId({})
    expect(apiCalls()[1].query.has('openid')).toBe(false)
  })

  test('sendUpdatableMessage: the documented JSON body; version_type from config', async () => {
    const { activityId } = await share.createActivityId({})
    await share.sendUpdatableMessage({ activityId, targetState: 0, parameters: counts('1') })
    expect(label(activityId)).toBe('已预订')
    await share.sendUpdatableMessage({ activityId, targetState: 1, parameters: soldTo })
    expect(label(activityId)).toBe('已售出')
    const [first, second] = apiCalls().slice(1)
    expect(first).toMatchObject({
      method: 'POST',
      path: '/cgi-bin/message/wxopen/updatablemsg/send',
      type: 'application/json',
      body: {
        activity_id: activityId,
        target_state: 0,
        template_info: {
          parameter_list: [
            { name: 'member_count', value: '1' },
            { name: 'room_limit', value: '1' },
          ],
        },
      },
    })
    // The sandbox config is a developer build: 进入 opens the develop version.
    expect((second.body as any).template_info.parameter_list).toContainEqual({
      name: 'version_type',
      value: 'develop',
    })
    expect(h.sandbox.share.cards.get(activityId)?.parameters.version_type).toBe('develop')
  })

  test('refusals are permanent WechatApiErrors: final state, unknown and expired ids', async () => {
    const { activityId } = await share.createActivityId({})
    await share.sendUpdatableMessage({ activityId, targetState: 1, parameters: soldTo })
    const back = await rejection(
      share.sendUpdatableMessage({ activityId, targetState: 0, parameters: counts('0') }),
    )
    expect(back).toMatchObject({ errcode: 47502, kind: 'wechat', retryable: false })
    expect(isPermanentRefusal(back)).toBe(true)
    expect(
      await rejection(
        share.sendUpdatableMessage({ activityId: '1_x', targetState: 0, parameters: counts('0') }),
      ),
    ).toMatchObject({ errcode: 47501, retryable: false, permanent: true })
    const fresh = await share.createActivityId({})
    await h.sandbox.clock.advance!(24 * 3600_000)
    expect(
      await rejection(
        share.sendUpdatableMessage({
          activityId: fresh.activityId,
          targetState: 0,
          parameters: counts('1'),
        }),
      ),
    ).toMatchObject({ errcode: 47504, permanent: true })
  })

  test('missing parameters are refused before anything is sent', async () => {
    const before = sent.length
    expect(
      await rejection(
        share.sendUpdatableMessage({
          activityId: 'a',
          targetState: 0,
          parameters: [{ name: 'member_count', value: '0' }],
        }),
      ),
    ).toMatchObject({ errcode: 'INVALID_ARGUMENT', kind: 'invalid-argument' })
    expect(
      await rejection(
        share.sendUpdatableMessage({ activityId: 'a', targetState: 1, parameters: [] }),
      ),
    ).toMatchObject({ errcode: 'INVALID_ARGUMENT' })
    expect(sent.length).toBe(before)
  })

  test('busy and rate-limited answers are retryable, not permanent', async () => {
    h.sandbox.faults.set({ systemBusy: 1, rateLimited: 1 })
    const busy = await rejection(share.createActivityId({}))
    expect(busy).toMatchObject({ errcode: -1, retryable: true, permanent: false })
    expect(await rejection(share.createActivityId({}))).toMatchObject({
      errcode: 45009,
      retryable: true,
    })
    expect((await share.createActivityId({})).activityId).toBeTruthy()
  })
})

describe('小程序码', () => {
  test('PNG bytes that decode to the scene and page, at the requested width', async () => {
    const png = await share.getUnlimitedQrCode({
      scene: 'Tk9xQ2',
      page: 'package-listing/detail/index',
      width: 320,
    })
    const qr = decodeQr(png)
    expect(qr.width).toBe(320)
    expect(parseWxacodeContent(qr.text!)).toMatchObject({
      scene: 'Tk9xQ2',
      page: 'package-listing/detail/index',
      envVersion: 'develop',
    })
    const call = apiCalls()[0]
    expect(call).toMatchObject({ method: 'POST', path: '/wxa/getwxacodeunlimit' })
    // A develop build's pages are not published: check_path is off unless asked for.
    expect(call.body).toEqual({
      scene: 'Tk9xQ2',
      page: 'package-listing/detail/index',
      check_path: false,
      env_version: 'develop',
      width: 320,
    })
  })

  test('errcodes in a JSON answer become WechatApiErrors (told apart by content type)', async () => {
    expect(
      await rejection(share.getUnlimitedQrCode({ scene: '分享', page: 'pages/index/index' })),
    ).toMatchObject({ errcode: 40129, kind: 'wechat', permanent: true })
    expect(
      await rejection(
        share.getUnlimitedQrCode({
          scene: 's',
          page: 'package-group/circle/index',
          envVersion: 'release',
        }),
      ),
    ).toMatchObject({ errcode: 41030, permanent: true })
    expect(
      await rejection(
        share.getUnlimitedQrCode({ scene: 's', page: 'pages/index/index', width: 90 }),
      ),
    ).toMatchObject({ errcode: 40097, permanent: true })
  })

  test('a token refused on the image endpoint is refreshed once and the code still comes', async () => {
    await share.createActivityId({})
    h.sandbox.engine.invalidateTokens()
    const png = await share.getUnlimitedQrCode({
      scene: 'abc',
      page: 'pages/index/index',
      width: 280,
    })
    expect(decodeQr(png).text).toContain('scene=abc')
    expect(share.transport.tokenFetches).toBe(2)
  })
})

describe('openGroupId', () => {
  const enter = (openid: string, group = SEEDED_GROUPS[1].id) =>
    h.sandbox.share.groups.enter(openid, group).cloudID
  const gidOf = (id: string) => h.sandbox.share.groups.list().find((g) => g.id === id)!.openGId

  test('resolves a cloudID server-side for its own openid (openid in the query)', async () => {
    const cloudId = enter(BUYER)
    expect(await share.openGroupId({ cloudId, openid: BUYER })).toBe(gidOf(SEEDED_GROUPS[1].id))
    const call = apiCalls()[0]
    expect(call).toMatchObject({ method: 'POST', path: '/wxa/getopendata' })
    expect(call.query.get('openid')).toBe(BUYER)
    expect(call.body).toEqual({ cloudid_list: [cloudId] })
  })

  test('another openid, expired, forged or junk: null, and junk is never sent', async () => {
    const cloudId = enter(BUYER)
    expect(await share.openGroupId({ cloudId, openid: 'o-stranger-01' })).toBeNull()
    expect(
      await share.openGroupId({ cloudId: '27_AAAAforgedAAAAAAAAAA', openid: BUYER }),
    ).toBeNull()
    const calls = sent.length
    expect(await share.openGroupId({ cloudId: '{"opengid":"tGx"}', openid: BUYER })).toBeNull()
    expect(await share.openGroupId({ cloudId: '', openid: BUYER })).toBeNull()
    expect(sent.length).toBe(calls)
    await h.sandbox.clock.advance!(5 * 60_000)
    expect(await share.openGroupId({ cloudId, openid: BUYER })).toBeNull()
  })
})

test('one transport: order messages and sharing spend one access_token', async () => {
  const transport = new WechatApiTransport({
    config: wechatApiSandboxClientConfig(h.url),
    clock: { now: () => h.sandbox.clock.now() },
  })
  const api = new WechatApiClient({ transport })
  const shared = new WechatShareClient({ transport })
  await shared.createActivityId({})
  expect(transport.tokenFetches).toBe(1)
  h.sandbox.engine.subscribe(BUYER, [api.templates.refund])
  await api.sendSubscribeMessage({
    toOpenid: BUYER,
    templateId: api.templates.refund,
    data: {
      character_string1: 'LQ1',
      amount2: '¥1.00',
      thing3: '退款',
      phrase4: '已退款',
      time5: '2026-01-01 08:00',
    },
  })
  expect(api.tokenFetches).toBe(1)
  expect(transport.tokenFetches).toBe(1)
})
