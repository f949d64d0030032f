import { WechatContentSecurityClient } from '../../../../src/adapters/wechat-api/wechat-content-security.client'
import { WechatApiError } from '../../../../src/modules/messaging/ports/wechat-api.port'
import { wechatApiSandboxClientConfig } from '../client-config'
import { PLANTED_TEXT } from '../content-security'
import { startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.close())

const v2 = (over: Record<string, unknown> = {}) => ({
  content: '九成新 索尼耳机，支持面交',
  version: 2,
  scene: 3,
  openid: 'o-seller-000001',
  ...over,
})

describe('sandbox wxa/msg_sec_check', () => {
  it('v2: errcode 0 with the verdict in result and detail; planted words decide', async () => {
    const pass = await h.api('/wxa/msg_sec_check', v2())
    expect(pass.body).toMatchObject({
      errcode: 0,
      errmsg: 'ok',
      trace_id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/),
      result: { suggest: 'pass', label: 100 },
    })
    for (const planted of PLANTED_TEXT) {
      const { body } = await h.api(
        '/wxa/msg_sec_check',
        v2({ content: `出售 ${planted.word} 的东西` }),
      )
      expect(body).toMatchObject({
        errcode: 0,
        result: { suggest: planted.suggest, label: planted.label },
        detail: expect.arrayContaining([
          expect.objectContaining({ strategy: 'keyword', keyword: planted.word }),
        ]),
      })
    }
    // title and nickname are checked too.
    const titled = await h.api('/wxa/msg_sec_check', v2({ title: '违规测试' }))
    expect(titled.body.result.suggest).toBe('risky')
  })

  it('v1 answers 87014 for risky text; empty content is 44004; v2 needs openid and scene', async () => {
    expect((await h.api('/wxa/msg_sec_check', { content: '违规测试' })).body.errcode).toBe(87014)
    expect((await h.api('/wxa/msg_sec_check', { content: '你好' })).body.errcode).toBe(0)
    expect((await h.api('/wxa/msg_sec_check', v2({ content: '  ' }))).body.errcode).toBe(44004)
    expect((await h.api('/wxa/msg_sec_check', v2({ openid: undefined }))).body.errcode).toBe(40003)
    expect((await h.api('/wxa/msg_sec_check', v2({ scene: 9 }))).body.errcode).toBe(40097)
    expect((await h.api('/wxa/msg_sec_check', v2({ openid: 'stale-o1' }))).body.errcode).toBe(61010)
  })

  it('refuses a bad access_token with 40001', async () => {
    expect((await h.api('/wxa/msg_sec_check', v2(), 'not-a-token')).body.errcode).toBe(40001)
  })
})

describe('WechatContentSecurityClient against the sandbox', () => {
  const client = () =>
    new WechatContentSecurityClient({
      config: wechatApiSandboxClientConfig(h.url),
      clock: { now: () => h.sandbox.clock.now() },
    })

  it('reads the v2 verdict', async () => {
    const c = client()
    await expect(
      c.checkText({ openid: 'o1', scene: 3, content: '宜家书桌' }),
    ).resolves.toMatchObject({
      suggest: 'pass',
      label: 100,
      traceId: expect.any(String),
    })
    await expect(
      c.checkText({ openid: 'o1', scene: 4, content: '色情测试' }),
    ).resolves.toMatchObject({
      suggest: 'risky',
      label: 20002,
    })
    await expect(
      c.checkText({ openid: 'o1', scene: 2, content: '待审测试' }),
    ).resolves.toMatchObject({
      suggest: 'review',
      label: 21000,
    })
  })

  it('turns errcodes into WechatApiError, and checks its input before sending', async () => {
    const c = client()
    await expect(
      c.checkText({ openid: 'stale-o1', scene: 1, content: '你好' }),
    ).rejects.toMatchObject({ errcode: 61010, retryable: false })
    await expect(c.checkText({ openid: '', scene: 1, content: '你好' })).rejects.toBeInstanceOf(
      WechatApiError,
    )
    await expect(
      c.checkText({ openid: 'o1', scene: 7 as 1, content: '你好' }),
    ).rejects.toMatchObject({ kind: 'invalid-argument' })
  })
})
