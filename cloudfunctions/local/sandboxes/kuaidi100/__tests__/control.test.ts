import { type Harness, startHarness } from './harness'

/** The sandbox's own HTTP control routes, as a developer or an e2e journey drives them. */
let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.close())

test('ship, force, advance, faults and state over HTTP', async () => {
  const shipped = await h.control('POST', 'parcels', {
    company: 'shunfeng',
    waybillNo: 'SF1000000000001',
    fromCity: '深圳',
    toCity: '拉萨',
    phones: ['13700001234'],
  })
  expect(shipped.status).toBe(200)
  expect(shipped.body).toMatchObject({ nu: 'SF1000000000001', com: 'shunfeng', status: '200' })
  expect(
    (
      await h.control('POST', 'parcels', {
        company: 'shunfeng',
        waybillNo: 'SF1000000000001',
        fromCity: '深圳',
        toCity: '拉萨',
      })
    ).status,
  ).toBe(400)
  expect(
    (
      await h.control('POST', 'parcels', {
        company: 'shunfeng',
        waybillNo: 'YT1',
        fromCity: '深圳',
        toCity: '拉萨',
      })
    ).body,
  ).toMatchObject({ returnCode: '400' })
  expect(
    (
      await h.control('POST', 'parcels', {
        company: 'shunfeng',
        waybillNo: 'SF1000000000002',
        fromCity: '火星',
        toCity: '拉萨',
      })
    ).status,
  ).toBe(400)
  expect(
    (await h.control('POST', 'force', { waybillNo: 'SF1000000000001', outcome: 'exploded' }))
      .status,
  ).toBe(400)
  expect(
    (await h.control('POST', 'force', { waybillNo: 'SF1000000000001', outcome: 'lost' })).status,
  ).toBe(200)
  const advanced = await h.control('POST', 'advance', { ms: 3 * 3600_000 })
  expect(advanced.body.now).toBe(h.sandbox.clock.now())
  expect((await h.control('POST', 'advance', { ms: -1 })).status).toBe(400)
  const state = await h.control('GET', 'state')
  const parcel = state.body.parcels.find((p: { nu: string }) => p.nu === 'SF1000000000001')
  expect(parcel).toMatchObject({ outcome: 'lost', state: '2', from: '深圳', to: '拉萨' })
  expect((await h.control('POST', 'faults', { dropPushes: 2 })).body).toMatchObject({
    dropPushes: 2,
  })
  expect((await h.control('POST', 'faults', { nonsense: 1 })).status).toBe(400)
  expect((await h.control('POST', 'faults', { reset: true })).body).toMatchObject({ dropPushes: 0 })
  expect((await h.control('GET', 'pushes?waybillNo=SF1000000000001')).body).toEqual({ pushes: [] })
})

test('vendor paths answer kuaidi100-shaped errors for unknown paths, methods and bad params', async () => {
  const missing = await fetch(`${h.sandboxUrl}/poll/nothing.do`, { method: 'POST' })
  expect(missing.status).toBe(404)
  const get = await fetch(`${h.sandboxUrl}/poll/query.do`)
  expect(get.status).toBe(405)
  const notJson = await h.post('/poll', { schema: 'json', param: '{oops' })
  expect(notJson.body).toMatchObject({ result: false, returnCode: '400' })
  const auto = await fetch(`${h.sandboxUrl}/autonumber/auto?key=${h.config.key}&num=EA123456789CN`)
  expect(await auto.json()).toEqual([{ comCode: 'ems', name: 'EMS', lengthPre: 13, noPre: 'EA12' }])
})
