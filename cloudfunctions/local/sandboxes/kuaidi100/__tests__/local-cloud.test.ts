import { CourierError } from '../../../../src/modules/delivery/ports/courier.port'
import { createLocalContainer } from '../../../../src/platform/local-container'
import { startBareCloud, tempDir } from '../../../__tests__/local-cloud.fixture'
import type { LocalCloud } from '../../../server'
import { createKuaidi100Sandbox, type Kuaidi100Sandbox } from '../index'

/** The sandbox mounted in the real local cloud: the container's courier is the production adapter pointed at it. */
describe('kuaidi100 sandbox inside the local cloud', () => {
  let cloud: LocalCloud & { stop: () => Promise<void> }
  let sandbox: Kuaidi100Sandbox

  beforeAll(async () => {
    sandbox = createKuaidi100Sandbox({ timers: 'manual' })
    cloud = await startBareCloud('kuaidi100-sandbox', [sandbox])
  })
  afterAll(() => cloud.stop())

  test('listed under /sandbox; the container tracks through it and subscribes pushes to courier-notify', async () => {
    const list = await (await fetch(`${cloud.url}/sandbox`)).json()
    expect(list.sandboxes.map((s: { vendor: string }) => s.vendor)).toContain('kuaidi100')
    const courier = cloud.container.courier
    sandbox.ship({
      company: 'yuantong',
      waybillNo: 'YT9000000000001',
      fromCity: '杭州',
      toCity: '上海',
    })
    await sandbox.clock.advance!(0)
    expect(
      await courier.track({ company: 'yuantong', waybillNo: 'YT9000000000001' }),
    ).toMatchObject({ state: 'collected' })
    expect(await courier.detectCompany('YT9000000000001')).toEqual(['yuantong'])
    await courier.subscribe({ company: 'yuantong', waybillNo: 'YT9000000000001' })
    await sandbox.clock.advance!(0)
    await sandbox.notifier.idle()
    expect(sandbox.notifier.log.at(-1)!.url).toBe(`${cloud.url}/http/courier-notify/kuaidi100`)
  })

  test('without kuaidi100 configured the container answers NOT_CONFIGURED', async () => {
    const local = tempDir('kuaidi100-unconfigured')
    const container = createLocalContainer({
      dataDir: local.dir,
      publicBaseUrl: '/files',
      sessionSecret: 'x'.repeat(32),
      secretKey: 'ab'.repeat(32),
    })
    try {
      await expect(
        container.courier.track({ company: 'yuantong', waybillNo: 'YT9000000000001' }),
      ).rejects.toMatchObject({ code: 'NOT_CONFIGURED' })
      expect(() => container.courier.verifyPush({ body: '' })).toThrow(CourierError)
      expect(await Promise.resolve(container.courier)).toBe(container.courier)
    } finally {
      container.close()
      local.cleanup()
    }
  })
})
