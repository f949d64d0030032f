import { WechatApiError } from '../../../../src/modules/messaging/ports/wechat-api.port'
import { createLocalContainer } from '../../../../src/platform/local-container'
import { startBareCloud, tempDir } from '../../../__tests__/local-cloud.fixture'
import type { LocalCloud } from '../../../server'
import { createWechatApiSandbox, SANDBOX_TEMPLATE_IDS, type WechatApiSandbox } from '../index'

/** The sandbox mounted in the real local cloud: the container's wechatApi is the production adapter pointed at it. */
describe('wechat-api sandbox inside the local cloud', () => {
  let cloud: LocalCloud & { stop: () => Promise<void> }
  let sandbox: WechatApiSandbox

  beforeAll(async () => {
    sandbox = createWechatApiSandbox({ timers: 'manual' })
    cloud = await startBareCloud('wechat-api-sandbox', [sandbox])
  })
  afterAll(() => cloud.stop())

  test('listed under /sandbox; the container sends subscribe messages through it', async () => {
    const list = await (await fetch(`${cloud.url}/sandbox`)).json()
    expect(list.sandboxes.map((s: { vendor: string }) => s.vendor)).toContain('wechat-api')
    const api = cloud.container.wechatApi
    expect(api.templates).toEqual(SANDBOX_TEMPLATE_IDS)
    sandbox.engine.subscribe('o-demo-000001', [api.templates.refund])
    await api.sendSubscribeMessage({
      toOpenid: 'o-demo-000001',
      templateId: api.templates.refund,
      data: {
        character_string1: 'LQ1',
        amount2: '¥12.50',
        thing3: '卖家同意退款',
        phrase4: '已退款',
        time5: '2026-01-01 08:00',
      },
    })
    const html = await (
      await fetch(`${cloud.sandboxes.urlOf('wechat-api')}/inbox?openid=o-demo-000001`)
    ).text()
    expect(html).toContain('退款结果通知')
  })

  test('the container shares through it too, on the same access_token as wechatApi', async () => {
    const { wechatApi, wechatShare } = cloud.container
    const { activityId } = await wechatShare.createActivityId({ openid: 'o-demo-000001' })
    await wechatShare.sendUpdatableMessage({
      activityId,
      targetState: 1,
      parameters: [{ name: 'path', value: 'package-listing/detail/index?id=L1' }],
    })
    expect(sandbox.share.cards.get(activityId)?.label).toBe('已售出')
    const cloudId = sandbox.share.groups.enter('o-demo-000001', '阳光花园业主群').cloudID
    expect(await wechatShare.openGroupId({ cloudId, openid: 'o-demo-000001' })).toBe(
      sandbox.share.groups.list()[0].openGId,
    )
    // One transport, so one access_token for both.
    expect((wechatShare as unknown as { transport: unknown }).transport).toBe(
      (wechatApi as unknown as { transport: unknown }).transport,
    )
  })

  test('without a configured API the container answers NOT_CONFIGURED', async () => {
    const local = tempDir('wechat-api-unconfigured')
    const container = createLocalContainer({
      dataDir: local.dir,
      publicBaseUrl: '/files',
      sessionSecret: 'x'.repeat(32),
      secretKey: 'ab'.repeat(32),
    })
    try {
      await expect(
        container.wechatApi.sendSubscribeMessage({ toOpenid: 'o', templateId: 't', data: {} }),
      ).rejects.toMatchObject({ errcode: 'NOT_CONFIGURED', kind: 'not-configured' })
      await expect(container.wechatApi.uploadShippingInfo({} as never)).rejects.toBeInstanceOf(
        WechatApiError,
      )
      await expect(container.wechatShare.createActivityId({})).rejects.toMatchObject({
        errcode: 'NOT_CONFIGURED',
      })
      await expect(
        container.wechatShare.openGroupId({ cloudId: '27_x', openid: 'o' }),
      ).rejects.toBeInstanceOf(WechatApiError)
    } finally {
      container.close()
      local.cleanup()
    }
  })
})
