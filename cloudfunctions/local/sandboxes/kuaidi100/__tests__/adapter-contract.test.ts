import { CourierError, type CourierPush } from '../../../../src/modules/delivery/ports/courier.port'
import type { Kuaidi100Courier } from '../../../../src/adapters/courier/kuaidi100.courier'
import { type Harness, startHarness } from './harness'

/**
 * Contract: the production kuaidi100 adapter, configured only through its config, works against
 * the sandbox over HTTP — signatures, answers, pushes and the unhappy paths.
 */
let h: Harness
let courier: Kuaidi100Courier
const H = 3600_000
let n = 0
/** A fresh waybill number `total` characters long (prefix included). */
const nextNo = (prefix: string, total: number) =>
  `${prefix}${String(Date.now() % 1e6).padStart(6, '0')}${String(++n).padStart(total - prefix.length - 6, '0')}`

beforeAll(async () => {
  h = await startHarness()
  courier = h.courier()
})
afterAll(() => h.close())
afterEach(() => h.sandbox.faults.reset())

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(CourierError)
    return (e as CourierError).code
  }
  throw new Error('expected a CourierError')
}
/** The pushes for one waybill that verified, in arrival order. */
const pushesFor = (waybillNo: string): CourierPush[] =>
  h.received
    .flatMap((r) => {
      try {
        return [courier.verifyPush({ body: r.raw })]
      } catch {
        return []
      }
    })
    .filter((p) => p.tracking.waybillNo === waybillNo)

describe('商家寄件 price', () => {
  test('quotes every company, cheapest first, in fen; farther and heavier costs more', async () => {
    const near = await courier.quote({ fromCity: '上海', toCity: '杭州', weightKg: 1 })
    expect(near.map((q) => q.company).sort()).toEqual([
      'ems',
      'jd',
      'shunfeng',
      'yuantong',
      'yunda',
      'zhongtong',
    ])
    expect(near[0].priceFen).toBeLessThanOrEqual(near.at(-1)!.priceFen)
    for (const q of near) expect(Number.isSafeInteger(q.priceFen)).toBe(true)
    const [sfNear] = await courier.quote({
      fromCity: '上海',
      toCity: '杭州',
      weightKg: 1,
      company: 'shunfeng',
    })
    const [sfFar] = await courier.quote({
      fromCity: '上海',
      toCity: '乌鲁木齐',
      weightKg: 1,
      company: 'shunfeng',
    })
    const [sfHeavy] = await courier.quote({
      fromCity: '上海',
      toCity: '杭州',
      weightKg: 2.3,
      company: 'shunfeng',
    })
    expect(sfFar.priceFen).toBeGreaterThan(sfNear.priceFen)
    expect(sfHeavy).toMatchObject({
      priceFen: sfNear.firstWeightFen + 2 * 600,
      firstWeightFen: sfNear.firstWeightFen,
    })
  })

  test('an unknown company, a bad code and an address outside the table are clear errors', async () => {
    expect(
      await codeOf(
        courier.quote({ fromCity: '上海', toCity: '杭州', weightKg: 1, company: 'nosuchco' }),
      ),
    ).toBe('UNKNOWN_COMPANY')
    expect(
      await codeOf(
        courier.quote({ fromCity: '上海', toCity: '杭州', weightKg: 1, company: 'SF Express' }),
      ),
    ).toBe('UNKNOWN_COMPANY')
    expect(await codeOf(courier.quote({ fromCity: '火星', toCity: '杭州', weightKg: 1 }))).toBe(
      'ADDRESS_NOT_SERVED',
    )
    expect(await codeOf(courier.quote({ fromCity: '上海', toCity: '杭州', weightKg: 0 }))).toBe(
      'INVALID_ARGUMENT',
    )
  })

  test('a wrong secret or key is refused with kuaidi100 signature errors', async () => {
    const wrongSecret = h.courier({ secret: 'not-the-secret' })
    await expect(
      wrongSecret.quote({ fromCity: '上海', toCity: '杭州', weightKg: 1, company: 'yunda' }),
    ).rejects.toMatchObject({ code: 'SIGN_ERROR', vendorCode: '503', retryable: false })
    const raw = await h.post('/order/borderapi.do', {
      method: 'price',
      key: h.config.key,
      t: String(h.sandbox.clock.now()),
      sign: 'ABC',
      param: '{}',
    })
    expect(raw.body).toEqual({ result: false, returnCode: '503', message: '验证签名失败' })
  })
})

describe('商家寄件 order, detail, cancel', () => {
  const pickup = (orderKey: string, company = 'shunfeng') =>
    courier.placePickup({
      company,
      orderKey,
      sender: { name: '王大', mobile: '13800001111', address: '广东省深圳市南山区科技南十二路2号' },
      recipient: { name: '李二', mobile: '13900002222', address: '上海市浦东新区世纪大道100号' },
      cargo: '二手相机',
      weightKg: 1.5,
      slot: { day: '今天', start: '14:00', end: '16:00' },
    })

  test('a window that has gone by, or is not a window, is refused', async () => {
    const at = (slot: { day: '今天' | '明天'; start: string; end: string }) =>
      codeOf(
        courier.placePickup({
          company: 'shunfeng',
          orderKey: `order-W${slot.start.slice(0, 2)}`,
          sender: { name: '王大', mobile: '13800001111', address: '深圳市南山区科技南十二路2号' },
          recipient: {
            name: '李二',
            mobile: '13900002222',
            address: '上海市浦东新区世纪大道100号',
          },
          cargo: '相机',
          weightKg: 1,
          slot,
        }),
      )
    expect(await at({ day: '今天', start: '07:00', end: '08:00' })).toBe('INVALID_ARGUMENT') // 09:00 now
    expect(await at({ day: '明天', start: '12:00', end: '10:00' })).toBe('INVALID_ARGUMENT')
  })

  test('a pickup turns into a waybill once collected; its tracking starts with 揽收; a retry books nothing new', async () => {
    const placed = await pickup('order-A1')
    expect(placed).toMatchObject({ company: 'shunfeng' })
    expect(placed.waybillNo).toBeUndefined()
    expect(await pickup('order-A1')).toEqual(placed)
    expect(await courier.pickupStatus(placed.taskId)).toMatchObject({ status: 'placed' })
    // Booked at 09:00 (China) for 14:00–16:00: accepted within minutes, collected when the window opens.
    await h.advance(H)
    expect(await courier.pickupStatus(placed.taskId)).toMatchObject({ status: 'accepted' })
    await h.advance(4 * H)
    const done = await courier.pickupStatus(placed.taskId)
    expect(done).toMatchObject({ status: 'picked-up', company: 'shunfeng' })
    expect(done.waybillNo).toMatch(/^SF\d{13}$/)
    expect(done.freightFen).toBeGreaterThan(0)
    const t = await courier.track({
      company: 'shunfeng',
      waybillNo: done.waybillNo!,
      phone: '2222',
    })
    expect(t.events.map((e) => e.state)).toEqual(['collected'])
    expect(
      await codeOf(
        courier.cancelPickup({ taskId: placed.taskId, orderId: placed.orderId, reason: '不卖了' }),
      ),
    ).toBe('PICKUP_NOT_CANCELLABLE')
    // Each status change was also pushed, signed with our salt, to the callback carrying our key.
    const pickupPushes = h.received.filter(
      (r) => new URLSearchParams(r.raw).get('taskId') === placed.taskId,
    )
    expect(
      pickupPushes.map((r) => new URL(r.path, 'http://x').searchParams.get('orderKey')),
    ).toEqual(['order-A1', 'order-A1'])
    const [accepted, collected] = pickupPushes.map((r) => courier.verifyPickupPush({ body: r.raw }))
    expect(accepted).toMatchObject({
      status: 'accepted',
      taskId: placed.taskId,
      courierName: expect.any(String),
    })
    expect(collected).toMatchObject({
      status: 'picked-up',
      waybillNo: done.waybillNo,
      freightFen: done.freightFen,
    })
    const forged = Object.fromEntries(new URLSearchParams(pickupPushes[1].raw))
    expect(() =>
      courier.verifyPickupPush({
        fields: { ...forged, param: forged.param.replace('"10"', '"99"') },
      }),
    ).toThrow(expect.objectContaining({ code: 'PUSH_SIGNATURE_INVALID' }))
    expect(() =>
      courier.verifyPickupPush({ fields: { param: forged.param, sign: forged.sign } }),
    ).toThrow(expect.objectContaining({ code: 'PUSH_MALFORMED' }))
  })

  test('a pickup cancelled before collection never gets a waybill; unknown tasks are clear errors', async () => {
    const placed = await pickup('order-B1', 'zhongtong')
    await courier.cancelPickup({
      taskId: placed.taskId,
      orderId: placed.orderId,
      reason: '买家取消',
    })
    await h.advance(2 * H)
    expect(await courier.pickupStatus(placed.taskId)).toMatchObject({ status: 'cancelled' })
    expect((await courier.pickupStatus(placed.taskId)).waybillNo).toBeUndefined()
    expect(await codeOf(courier.pickupStatus('NO-SUCH-TASK'))).toBe('PICKUP_NOT_FOUND')
  })
})

describe('实时查询', () => {
  test('tracking advances with the sandbox clock through 揽收 → 在途 → 派件 → 签收', async () => {
    const no = nextNo('7', 12)
    h.sandbox.ship({ company: 'zhongtong', waybillNo: no, fromCity: '上海', toCity: '北京' })
    const at = async () => courier.track({ company: 'zhongtong', waybillNo: no })
    await h.advance(0)
    expect(await at()).toMatchObject({
      state: 'collected',
      finished: false,
      company: 'zhongtong',
      waybillNo: no,
    })
    await h.advance(3 * H)
    expect((await at()).state).toBe('in-transit')
    await h.advance(45 * H)
    expect((await at()).state).toBe('out-for-delivery')
    await h.advance(3 * H)
    const done = await at()
    expect(done).toMatchObject({ state: 'delivered', finished: true })
    expect(done.events.map((e) => e.state)).toEqual([
      'collected',
      'in-transit',
      'in-transit',
      'in-transit',
      'out-for-delivery',
      'delivered',
    ])
    for (let i = 1; i < done.events.length; i++)
      expect(done.events[i].at).toBeGreaterThan(done.events[i - 1].at)
    expect(done.events[0].area).toContain('上海')
  })

  test('bad input: wrong waybill shape, unknown company, unknown waybill, SF without phone, bad customer sign', async () => {
    expect(await codeOf(courier.track({ company: 'yuantong', waybillNo: 'YT123' }))).toBe(
      'INVALID_WAYBILL',
    )
    expect(await codeOf(courier.track({ company: 'nosuchco', waybillNo: 'AB12345678' }))).toBe(
      'UNKNOWN_COMPANY',
    )
    expect(await codeOf(courier.track({ company: 'yuantong', waybillNo: 'YT0000000000001' }))).toBe(
      'NO_RESULT',
    )
    const sf = nextNo('SF', 15)
    h.sandbox.ship({
      company: 'shunfeng',
      waybillNo: sf,
      fromCity: '深圳',
      toCity: '广州',
      phones: ['13912345678'],
    })
    await h.advance(0)
    expect(await codeOf(courier.track({ company: 'shunfeng', waybillNo: sf }))).toBe(
      'PHONE_REQUIRED',
    )
    expect((await courier.track({ company: 'shunfeng', waybillNo: sf, phone: '5678' })).state).toBe(
      'collected',
    )
    expect(
      await codeOf(
        h
          .courier({ customer: 'SOMEONE-ELSE' })
          .track({ company: 'shunfeng', waybillNo: sf, phone: '5678' }),
      ),
    ).toBe('SIGN_ERROR')
  })

  test('a vendor outage is a retryable error', async () => {
    h.sandbox.faults.set({ apiErrors: 1 })
    await expect(
      courier.track({ company: 'yuantong', waybillNo: 'YT0000000000002' }),
    ).rejects.toMatchObject({ code: 'VENDOR_ERROR', retryable: true })
  })
})

describe('智能单号识别', () => {
  test('detects companies from the number; a wrong shape is refused before asking', async () => {
    expect(await courier.detectCompany('SF1234567890123')).toEqual(['shunfeng'])
    expect(await courier.detectCompany('yt1234567890123')).toEqual(['yuantong'])
    expect(await courier.detectCompany('773012345678901')).toEqual(['shentong'])
    expect(await courier.detectCompany('JT5001234567890')).toEqual(['jtexpress'])
    expect(await courier.detectCompany('99999999')).toEqual([])
    expect(await codeOf(courier.detectCompany('SF-12'))).toBe('INVALID_WAYBILL')
    expect(await codeOf(h.courier({ key: 'wrong' }).detectCompany('SF1234567890123'))).toBe(
      'SIGN_ERROR',
    )
  })
})

describe('订阅 and pushes', () => {
  /** Fault counters apply to the next pushes of any parcel: give a fault test a sandbox of its own. */
  const alone = async () => {
    await h.close()
    h = await startHarness()
    courier = h.courier()
  }

  test('every change is pushed, signed with our salt, to courier-notify; the last push shuts monitoring down', async () => {
    const no = nextNo('YT', 15)
    h.sandbox.ship({ company: 'yuantong', waybillNo: no, fromCity: '广州', toCity: '成都' })
    await courier.subscribe({
      company: 'yuantong',
      waybillNo: no,
      fromCity: '广州',
      toCity: '成都',
    })
    await courier.subscribe({ company: 'yuantong', waybillNo: no })
    await h.advance(3 * 24 * H)
    const pushes = pushesFor(no)
    expect(pushes.map((p) => p.tracking.state)).toEqual([
      'collected',
      'in-transit',
      'in-transit',
      'in-transit',
      'out-for-delivery',
      'delivered',
    ])
    expect(pushes.at(-1)).toMatchObject({ monitor: 'shutdown', tracking: { finished: true } })
    expect(h.received.find((r) => r.raw.includes(no))!.path).toBe('/http/courier-notify/kuaidi100')
    expect(await codeOf(courier.subscribe({ company: 'nosuchco', waybillNo: 'AB12345678' }))).toBe(
      'UNKNOWN_COMPANY',
    )
    expect(
      await codeOf(
        h.courier({ key: 'wrong' }).subscribe({ company: 'yuantong', waybillNo: nextNo('YT', 15) }),
      ),
    ).toBe('SIGN_ERROR')
  })

  test('verifyPush: a good push parses, a bad sign or a tampered param is rejected, a replay shares its dedupeKey', async () => {
    const no = nextNo('43', 13)
    h.sandbox.ship({ company: 'yunda', waybillNo: no, fromCity: '杭州', toCity: '南京' })
    h.sandbox.faults.set({ wrongSignPushes: 1 })
    await courier.subscribe({ company: 'yunda', waybillNo: no })
    await h.advance(0)
    const forged = h.received.filter((r) => r.raw.includes(no))
    expect(forged).toHaveLength(1)
    expect(() => courier.verifyPush({ body: forged[0].raw })).toThrow(
      expect.objectContaining({ code: 'PUSH_SIGNATURE_INVALID', kind: 'verification' }),
    )
    // Our answer to a rejected push is a failure, so kuaidi100 pushes again (correctly signed).
    await h.advance(30 * 60_000)
    const again = h.received.filter((r) => r.raw.includes(no))
    expect(again.length).toBe(2)
    const good = courier.verifyPush({ body: again[1].raw })
    expect(good).toMatchObject({
      monitor: 'polling',
      tracking: { state: 'collected', waybillNo: no, company: 'yunda' },
    })
    const fields = Object.fromEntries(new URLSearchParams(again[1].raw))
    expect(courier.verifyPush({ fields }).dedupeKey).toBe(good.dedupeKey)
    const tampered = { ...fields, param: fields.param.replace('"state":"1"', '"state":"3"') }
    expect(() => courier.verifyPush({ fields: tampered })).toThrow(
      expect.objectContaining({ code: 'PUSH_SIGNATURE_INVALID' }),
    )
    expect(() => courier.verifyPush({ fields: { sign: fields.sign } })).toThrow(
      expect.objectContaining({ code: 'PUSH_MALFORMED' }),
    )
    expect(JSON.parse(courier.pushAnswer(true).body)).toEqual({
      result: true,
      returnCode: '200',
      message: '成功',
    })
  })

  test('duplicate and out-of-order pushes reach the receiver; latestAt lets it keep the newest', async () => {
    await alone()
    const no = nextNo('JDVA', 15)
    h.sandbox.ship({ company: 'jd', waybillNo: no, fromCity: '北京', toCity: '天津' })
    await courier.subscribe({ company: 'jd', waybillNo: no })
    await h.advance(0)
    h.sandbox.faults.set({ duplicatePushes: 1, reorderPushes: 1 })
    await h.advance(3 * H) // duplicated and held back…
    await h.advance(3 * H) // …so it arrives after this one
    const pushes = pushesFor(no)
    const keys = pushes.map((p) => p.dedupeKey)
    expect(new Set(keys).size).toBeLessThan(keys.length)
    const times = pushes.map((p) => p.latestAt)
    expect(times.some((t, i) => i > 0 && t < times[i - 1])).toBe(true)
    const newest = pushes.reduce((a, b) => (b.latestAt > a.latestAt ? b : a))
    expect(newest.tracking.events).toHaveLength(3)
  })

  test('a dropped push and a receiver that keeps failing are recovered by track', async () => {
    await alone()
    const no = nextNo('1', 13)
    h.sandbox.ship({ company: 'ems', waybillNo: no, fromCity: '武汉', toCity: '长沙' })
    await courier.subscribe({ company: 'ems', waybillNo: no })
    await h.advance(6 * H)
    const before = pushesFor(no).length
    h.sandbox.faults.set({ dropPushes: 1 })
    await h.advance(20 * H)
    // Arrival at the destination hub is never pushed; the next change (派件) is.
    expect(pushesFor(no).length).toBe(before)
    await h.advance(6 * H)
    expect(pushesFor(no).length).toBe(before + 1)
    expect(h.sandbox.notifier.log.filter((p) => p.waybillNo === no).map((p) => p.state_)).toContain(
      'dropped',
    )
    h.answers.push('fail', 500, 'fail', 'fail')
    await h.advance(3 * H + 9 * H) // 签收 fails, and so do the three re-pushes
    const record = h.sandbox.notifier.log.filter((p) => p.waybillNo === no).at(-1)!
    expect(record).toMatchObject({ state_: 'failed', attempts: 4 })
    const t = await courier.track({ company: 'ems', waybillNo: no })
    expect(t).toMatchObject({ state: 'delivered', finished: true })
    expect(t.events).toHaveLength(6)
  })

  test('unhappy paths: 疑难 then delivered, 退签, a lost parcel aborts monitoring', async () => {
    const trouble = nextNo('7', 12)
    const refused = nextNo('7', 12)
    const lost = nextNo('7', 12)
    for (const no of [trouble, refused, lost]) {
      h.sandbox.ship({ company: 'zhongtong', waybillNo: no, fromCity: '西安', toCity: '兰州' })
      await courier.subscribe({ company: 'zhongtong', waybillNo: no })
    }
    await h.advance(6 * H)
    expect(
      (await h.control('POST', 'force', { waybillNo: trouble, outcome: 'trouble' })).status,
    ).toBe(200)
    expect(
      (await h.control('POST', 'force', { waybillNo: refused, outcome: 'returned' })).status,
    ).toBe(200)
    expect((await h.control('POST', 'force', { waybillNo: lost, outcome: 'lost' })).status).toBe(
      200,
    )
    await h.advance(2 * H)
    expect((await courier.track({ company: 'zhongtong', waybillNo: trouble })).state).toBe(
      'trouble',
    )
    expect(pushesFor(lost).at(-1)).toMatchObject({
      monitor: 'abort',
      tracking: { state: 'trouble' },
    })
    await h.advance(4 * 24 * H)
    expect((await courier.track({ company: 'zhongtong', waybillNo: trouble })).state).toBe(
      'delivered',
    )
    const back = await courier.track({ company: 'zhongtong', waybillNo: refused })
    expect(back).toMatchObject({ state: 'returned', finished: true })
    expect(back.events.map((e) => e.state)).toEqual(
      expect.arrayContaining(['refused', 'returning', 'returned']),
    )
    expect((await courier.track({ company: 'zhongtong', waybillNo: lost })).state).toBe('trouble')
    expect(pushesFor(lost).filter((p) => p.monitor === 'abort')).toHaveLength(1)
  })
})
