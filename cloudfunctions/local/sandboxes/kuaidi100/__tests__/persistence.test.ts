import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Kuaidi100Courier } from '../../../../src/adapters/courier/kuaidi100.courier'
import { serveSandbox } from '../../../sandboxes'
import { kuaidi100SandboxClientConfig } from '../client-config'
import { createKuaidi100Sandbox } from '../index'

/** With `stateFile`, parcels, pickups and subscriptions survive a restart, and parcels keep moving. */
const dir = mkdtempSync(join(tmpdir(), 'kuaidi100-state-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const H = 3600_000

test('a parcel and a pending pickup survive a restart; the parcel goes on to 签收', async () => {
  const file = join(dir, 'state.json')
  const startAt = Date.UTC(2026, 0, 5, 1)
  const first = createKuaidi100Sandbox({ timers: 'manual', startAt, stateFile: file })
  first.ship({ company: 'zhongtong', waybillNo: '712345678901', fromCity: '上海', toCity: '北京' })
  const served1 = await serveSandbox(first)
  const c1 = new Kuaidi100Courier({
    config: kuaidi100SandboxClientConfig(served1.url, 'http://127.0.0.1:9'),
    clock: { now: () => first.clock.now() },
  })
  const placed = await c1.placePickup({
    company: 'ems',
    orderKey: 'persist-1',
    sender: { name: '甲', mobile: '13800000001', address: '成都市' },
    recipient: { name: '乙', mobile: '13800000002', address: '重庆市' },
    cargo: '衣服',
    weightKg: 2,
  })
  await first.clock.advance!(H / 2)
  await served1.close()

  // The same moment, a new process: what was saved is there, and what was pending still happens.
  const second = createKuaidi100Sandbox({
    timers: 'manual',
    startAt: startAt + H / 2,
    stateFile: file,
  })
  const served2 = await serveSandbox(second)
  const c2 = new Kuaidi100Courier({
    config: kuaidi100SandboxClientConfig(served2.url, 'http://127.0.0.1:9'),
    clock: { now: () => second.clock.now() },
  })
  try {
    expect(
      (await c2.track({ company: 'zhongtong', waybillNo: '712345678901' })).events,
    ).toHaveLength(1)
    expect(await c2.pickupStatus(placed.taskId)).toMatchObject({ status: 'accepted' })
    await second.clock.advance!(H)
    const collected = await c2.pickupStatus(placed.taskId)
    expect(collected).toMatchObject({ status: 'picked-up' })
    expect((await c2.track({ company: 'ems', waybillNo: collected.waybillNo! })).state).toBe(
      'collected',
    )
    await second.clock.advance!(3 * 24 * H)
    expect(await c2.track({ company: 'zhongtong', waybillNo: '712345678901' })).toMatchObject({
      state: 'delivered',
      finished: true,
    })
  } finally {
    await served2.close()
  }
})

test('a corrupt file means an empty sandbox and a warning', () => {
  const file = join(dir, 'corrupt.json')
  writeFileSync(file, '{"parcels": "nope"')
  const warnings: string[] = []
  const sandbox = createKuaidi100Sandbox({
    timers: 'manual',
    stateFile: file,
    warn: (l) => warnings.push(l),
  })
  expect(sandbox.engine.parcels.size).toBe(0)
  expect(warnings[0]).toContain('corrupt')
  sandbox.close!()
})
