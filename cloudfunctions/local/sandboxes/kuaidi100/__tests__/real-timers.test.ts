import { type Harness, startHarness } from './harness'

/** `npm start` mode: real timers with a time factor compress the whole timeline, event times included. */
let h: Harness
beforeAll(async () => {
  // 1 h of courier time = 10 ms.
  h = await startHarness({ timers: 'real', timeFactor: 360_000 })
})
afterAll(() => h.close())

const waitFor = async (check: () => Promise<boolean>, ms = 5000) => {
  const until = Date.now() + ms
  while (Date.now() < until) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error('timed out waiting')
}

test('a pickup is collected and its parcel delivered on real timers; pushes arrive; event times are real times', async () => {
  const courier = h.courier()
  const started = Date.now()
  const placed = await courier.placePickup({
    company: 'yunda',
    orderKey: 'real-1',
    sender: { name: '王大', mobile: '13800001111', address: '北京市朝阳区' },
    recipient: { name: '李二', mobile: '13900002222', address: '广州市天河区' },
    cargo: '书',
    weightKg: 1,
  })
  let waybillNo = ''
  await waitFor(async () => {
    waybillNo = (await courier.pickupStatus(placed.taskId)).waybillNo ?? ''
    return waybillNo !== ''
  })
  await courier.subscribe({ company: 'yunda', waybillNo })
  await waitFor(
    async () => (await courier.track({ company: 'yunda', waybillNo })).state === 'delivered',
  )
  const t = await courier.track({ company: 'yunda', waybillNo })
  expect(t.events[0].at).toBeGreaterThanOrEqual(started - 1000)
  expect(t.events.at(-1)!.at).toBeLessThanOrEqual(Date.now() + 1000)
  const tracking = () => h.received.filter((r) => !new URLSearchParams(r.raw).has('taskId'))
  await waitFor(async () =>
    tracking().some((r) => courier.verifyPush({ body: r.raw }).monitor === 'shutdown'),
  )
})
