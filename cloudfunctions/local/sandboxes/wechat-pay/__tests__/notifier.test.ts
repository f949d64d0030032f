import { responseMessage, rsaVerify } from '../crypto'
import { RETRY_SCHEDULE_MS } from '../notifier'
import { type Harness, startHarness } from './harness'

let h: Harness
beforeEach(async () => {
  h = await startHarness()
})
afterEach(() => h.close())

const outTradeNos = () => h.received.map((n) => h.open(n).out_trade_no as string)
const delivered = () => h.sandbox.notifier.log

describe('notifications: retry schedule', () => {
  test("retries on WeChat's schedule (15s,15s,30s,3m,…) until the receiver answers SUCCESS", async () => {
    h.answers.push(500, 500, 500, 500) // four failures, then 200
    const { out_trade_no } = await h.paidOrder()
    const start = h.sandbox.clock.now()
    const times: number[] = []
    const before = h.received.length
    const tick = async (ms: number) => {
      await h.sandbox.clock.advance!(ms)
      while (times.length < h.received.length - before) times.push(h.sandbox.clock.now() - start)
    }
    await tick(0)
    for (const ms of RETRY_SCHEDULE_MS.slice(0, 4)) await tick(ms)
    expect(times).toEqual([0, 15_000, 30_000, 60_000, 240_000])
    expect(h.received.every((n) => h.open(n).out_trade_no === out_trade_no)).toBe(true)
    expect(new Set(h.received.map((n) => n.body.id)).size).toBe(1) // the same notification id each time
    expect(delivered()[0]).toMatchObject({
      state: 'delivered',
      attempts: 5,
      statuses: [500, 500, 500, 500, 200],
    })
    await h.sandbox.clock.advance!(24 * 3600_000)
    expect(h.received).toHaveLength(5)
    expect(h.sandbox.clock.pending()).toBe(0)
  })

  test('gives up after the 16th attempt (first + 15 retries) when the receiver never succeeds', async () => {
    h.answers.push(...Array(20).fill(503))
    await h.paidOrder()
    await h.sandbox.clock.advance!(2 * 24 * 3600_000)
    expect(h.received).toHaveLength(16)
    expect(delivered()[0].state).toBe('failed')
  })

  test('a 200 with a non-SUCCESS code is a failure; a 204 with an empty body is success', async () => {
    const statuses: string[] = ['{"code":"FAIL"}', '']
    const fakeFetch = (async () => {
      const body = statuses.shift() ?? ''
      return new Response(body || null, { status: body ? 200 : 204 })
    }) as typeof fetch
    // Use a second sandbox with an injected fetch to answer from the list above.
    const { createWechatPaySandbox } = await import('../index')
    const s2 = createWechatPaySandbox({
      timers: 'manual',
      subMchids: ['1900200001'],
      fetch: fakeFetch,
    })
    s2.engine.createJsapi({ ...h.jsapiBody(), out_trade_no: 'FAKE000001' })
    s2.pay('FAKE000001')
    await s2.clock.advance!(0)
    await s2.clock.advance!(15_000)
    expect(s2.notifier.log[0]).toMatchObject({ state: 'delivered', statuses: [-1, 204] })
  })
})

describe('notifications: fault injection', () => {
  test('duplicate: the same notification id arrives twice', async () => {
    await h.control('POST', 'faults', { duplicateNotifications: 1 })
    await h.paidOrder()
    await h.sandbox.clock.advance!(0)
    expect(h.received).toHaveLength(2)
    expect(h.received[0].body.id).toBe(h.received[1].body.id)
    expect(h.received[0].raw).toBe(h.received[1].raw)
  })

  test('reorder: a held notification arrives after the next one', async () => {
    h.sandbox.faults.set({ reorderNotifications: 1 })
    const a = await h.paidOrder()
    const b = await h.paidOrder()
    await h.sandbox.clock.advance!(0)
    expect(outTradeNos()).toEqual([b.out_trade_no, a.out_trade_no])
  })

  test('delay: the first attempt waits delayMs', async () => {
    h.sandbox.faults.set({ delayNotifications: 1, delayMs: 90_000 })
    await h.paidOrder()
    await h.sandbox.clock.advance!(89_999)
    expect(h.received).toHaveLength(0)
    await h.sandbox.clock.advance!(1)
    expect(h.received).toHaveLength(1)
  })

  test('drop: never delivered, but the payment is visible to a query', async () => {
    h.sandbox.faults.set({ dropNotifications: 1 })
    const { out_trade_no } = await h.paidOrder()
    await h.sandbox.clock.advance!(24 * 3600_000)
    expect(h.received).toHaveLength(0)
    expect(delivered()[0].state).toBe('dropped')
    const q = await h.call(
      'GET',
      `/v3/pay/partner/transactions/out-trade-no/${out_trade_no}?sp_mchid=1900000109&sub_mchid=1900200001`,
    )
    expect(q.body.trade_state).toBe('SUCCESS')
  })

  test('wrong key: first attempt fails the platform signature check; the retry is genuine', async () => {
    await h.control('POST', 'faults', { wrongKeyNotifications: 1 })
    await h.paidOrder()
    h.answers.push(401) // a correct receiver rejects the forged one
    await h.sandbox.clock.advance!(0)
    await h.sandbox.clock.advance!(15_000)
    expect(h.received).toHaveLength(2)
    const verifies = h.received.map((n) =>
      rsaVerify(
        responseMessage(
          String(n.headers['wechatpay-timestamp']),
          String(n.headers['wechatpay-nonce']),
          n.raw,
        ),
        String(n.headers['wechatpay-signature']),
        h.keys.platform.certificate,
      ),
    )
    expect(verifies).toEqual([false, true])
    expect(h.received[0].headers['wechatpay-serial']).toBe(h.keys.platform.serial)
  })

  test('control endpoints: faults round-trip and reject nonsense; state shows books and deliveries; advance moves time', async () => {
    expect((await h.control('POST', 'faults', { apiErrors: 2 })).body.apiErrors).toBe(2)
    expect((await h.control('POST', 'faults', { bogus: 1 })).status).toBe(400)
    expect((await h.control('POST', 'faults', { apiErrors: -1 })).status).toBe(400)
    expect((await h.control('POST', 'faults', { reset: true })).body.apiErrors).toBe(0)
    const body = h.jsapiBody()
    await h.call('POST', '/v3/pay/partner/transactions/jsapi', body)
    expect(
      (await h.control('POST', 'pay', { out_trade_no: body.out_trade_no })).body.trade_state,
    ).toBe('SUCCESS')
    const before = h.sandbox.clock.now()
    expect((await h.control('POST', 'advance', { ms: 1000 })).body.now).toBe(before + 1000)
    const state = await h.control('GET', 'state')
    expect(state.body.balanced).toBe(true)
    expect(state.body.books.paid).toBe(10_000)
    expect(state.body.notifications[0].state).toBe('delivered')
    expect((await h.control('POST', 'sub-merchants', { sub_mchid: '1900300003' })).status).toBe(200)
    expect(
      (await h.call('GET', '/v3/ecommerce/fund/balance/1900300003')).body.available_amount,
    ).toBe(0)
  })
})
