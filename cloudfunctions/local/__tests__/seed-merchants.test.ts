import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { FakeClock } from '../../src/adapters/clock/system-clock'
import { Merchants } from '../../src/modules/merchant/domain/merchant.records'
import { subMchidOf } from '../../src/modules/merchant/application/sub-merchant'
import { Identities } from '../../src/modules/user/domain/user.record'
import { createWechatPaySandbox } from '../sandboxes/wechat-pay'
import { startLocalCloud } from '../server'
import { tempDir } from './local-cloud.fixture'

/** Demo sellers can sell with escrow from the first `npm start`, and still after a restart. */
describe('seeded merchants', () => {
  const tmp = tempDir('seed-merchants')
  afterAll(() => tmp.cleanup())

  let sandbox = createWechatPaySandbox({ timers: 'manual' })
  const start = () =>
    startLocalCloud({
      dataDir: join(tmp.dir, 'data'),
      functionsDir: join(tmp.dir, 'functions'),
      h5Dir: join(tmp.dir, 'h5'),
      port: 0,
      clock: new FakeClock(Date.UTC(2027, 0, 15, 2, 0, 0)),
      seed: { listings: 8, photoVariants: 1, photoSize: 16 },
      schedulerIntervalMs: null,
      sandboxes: [(sandbox = createWechatPaySandbox({ timers: 'manual' }))],
      log: () => undefined,
    })

  const userOf = async (cloud: Awaited<ReturnType<typeof start>>, openid: string) =>
    (await cloud.container.store.get(Identities, openid))!.userId

  test('every demo user but o-demo-07 and o-demo-08 has a sub_mchid the sandbox knows, across restarts and on old databases', async () => {
    for (const round of [1, 2]) {
      const cloud = await start()
      try {
        expect(cloud.seeded === null).toBe(round === 2)
        const finished = await cloud.container.store.find(
          Merchants,
          { state: 'FINISH' },
          { limit: 20 },
        )
        expect(finished.items).toHaveLength(6)
        for (const m of finished.items)
          expect(() => sandbox.engine.balance(m.subMchid!)).not.toThrow()
        expect(await subMchidOf(cloud.container, await userOf(cloud, 'o-demo-01'))).toMatch(
          /^\d{10}$/,
        )
        expect(await subMchidOf(cloud.container, await userOf(cloud, 'o-demo-07'))).toBeNull()
        expect(await subMchidOf(cloud.container, await userOf(cloud, 'o-demo-08'))).toBeNull()
        expect(existsSync(join(tmp.dir, 'data', 'secret-box-key'))).toBe(true)
        // An old database without the record: the next start gives it back.
        if (round === 1)
          await cloud.container.store.remove(Merchants, await userOf(cloud, 'o-demo-02'))
      } finally {
        await cloud.close()
      }
    }
  }, 30_000)
})
