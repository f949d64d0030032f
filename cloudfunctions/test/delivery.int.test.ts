import { orderHousekeeping } from '../src/modules/housekeeping'
import { TRACKING_POLL_MS } from '../src/modules/delivery/application/tracking.use-case'
import { SANDBOX_TEMPLATES } from '../local/sandboxes/wechat-api/templates'
import { startWithPaidCourierOrder, type EscrowCloud } from './escrow-harness'

const DAY = 86_400_000
const SF = 'SF1234567890123'
const RETURN_WAYBILL = 'YT1234567890123'

describe('delivery: waybill, kuaidi100 tracking pushes, WeChat shipping info (functions → sandboxes)', () => {
  let cloud: EscrowCloud
  let orderId: string

  beforeEach(async () => {
    ;({ cloud, orderId } = await startWithPaidCourierOrder())
  })
  afterEach(() => cloud.stop())

  const get = () => cloud.mustOrder('o-buyer-1', 'get', { orderId })

  it('a waybill without a company is recognised; pushes move the order to delivered and WeChat hears of both', async () => {
    // The buyer accepted the 发货通知 template (wx.requestSubscribeMessage) when paying.
    cloud.wechatApi!.engine.subscribe('o-buyer-1', [SANDBOX_TEMPLATES.orderShipped.id])
    const shipped = await cloud.mustOrder('o-seller-1', 'ship', { orderId, waybillNo: SF })
    expect(shipped.shipment).toMatchObject({
      company: '顺丰速运',
      companyCode: 'shunfeng',
      waybillNo: SF,
    })
    const uploads = cloud.wechatApi!.engine.shippingRecords()
    expect(uploads).toHaveLength(1)
    expect(JSON.stringify(uploads[0])).toContain(SF)
    const inbox = cloud.wechatApi!.engine.inboxOf('o-buyer-1')
    expect(JSON.stringify(inbox)).toContain('订单发货通知')

    await cloud.advance(3 * DAY) // the sandbox parcel goes 揽收 → 在途 → 派件 → 签收, pushing each
    await orderHousekeeping(cloud.container) // confirm-receive reminder through the outbox
    const o = await get()
    expect(o.state).toBe('delivered')
    expect(o.shipment.tracking.state).toBe('delivered')
    expect(o.shipment.tracking.events.length).toBeGreaterThanOrEqual(3)
    expect(o.deadline.transition).toBe('autoConfirm') // the 10 days still count from shipment
    expect(cloud.pushes.every((p) => p.status === 200)).toBe(true)
    expect(JSON.stringify(cloud.wechatApi!.engine.shippingRecords()[0])).toContain('received_time')

    // An old push arriving late (here: the first one again) never turns 签收 back.
    const first = cloud.pushes[0]!.event
    await cloud.notifyCourier(first)
    expect((await get()).shipment.tracking.state).toBe('delivered')
  })

  it('the ship sheet’s hint: kuaidi100 recognises the company from the number, for the order’s parties only', async () => {
    const detect = (openid: string, waybillNo: string) =>
      cloud.order(openid, 'detectCourier', { orderId, waybillNo })
    expect(await detect('o-seller-1', SF)).toEqual({
      ok: true,
      data: { companies: [{ code: 'shunfeng', name: '顺丰速运', short: '顺丰' }] },
    })
    expect(await detect('o-buyer-1', 'JT5001234567890')).toMatchObject({
      data: { companies: [{ code: 'jtexpress', name: '极兔速递' }] },
    })
    expect(await detect('o-seller-1', '99999999')).toEqual({ ok: true, data: { companies: [] } })
    // No answer from the courier is no hint, not an error: the sheet works without one.
    cloud.kuaidi100!.faults.set({ apiErrors: 1_000 })
    expect(await detect('o-seller-1', SF)).toEqual({ ok: true, data: { companies: [] } })
    cloud.kuaidi100!.faults.reset()
    // Each call costs a kuaidi100 request: typing speed, not more.
    let last = await detect('o-seller-1', SF)
    for (let i = 0; i < 20 && last.ok; i++) last = await detect('o-seller-1', SF)
    expect(last).toMatchObject({ ok: false, error: { code: 'COMMON.RATE_LIMITED' } })
  })

  it('lost pushes are recovered by polling', async () => {
    cloud.kuaidi100!.faults.set({ dropPushes: 100 })
    await cloud.mustOrder('o-seller-1', 'ship', { orderId, company: '顺丰速运', waybillNo: SF })
    await cloud.advance(3 * DAY)
    expect((await get()).state).toBe('shipped')
    await cloud.advance(TRACKING_POLL_MS)
    await orderHousekeeping(cloud.container)
    expect((await get()).state).toBe('delivered')
  })

  it('bad input: a waybill that does not fit the company, pushes with a bad signature or for an unknown waybill', async () => {
    expect(
      await cloud.order('o-seller-1', 'ship', { orderId, company: '中通快递', waybillNo: SF }),
    ).toMatchObject({
      ok: false,
      error: { code: 'ORDER.WAYBILL_MISMATCH' },
    })
    expect(await cloud.order('o-seller-1', 'ship', { orderId, waybillNo: 'XX12' })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.VALIDATION' },
    })
    expect((await get()).state).toBe('paid')

    await cloud.mustOrder('o-seller-1', 'ship', { orderId, waybillNo: SF })
    await cloud.advance(DAY)
    const genuine = cloud.pushes[0]!.event
    const body = Buffer.from(genuine.body, 'base64').toString('utf8')
    const forged = {
      ...genuine,
      body: Buffer.from(
        body.replace(/sign=[0-9A-F]+/, 'sign=00000000000000000000000000000000'),
      ).toString('base64'),
    }
    expect((await cloud.notifyCourier(forged)).headers['x-linquan-code']).toBe(
      'DELIVERY.BAD_SIGNATURE',
    )
  })

  it('运费估算: courier prices from the listing city to another city, cheapest first, farther costs more', async () => {
    const listing = await cloud.publish('o-seller-1', {
      priceFen: 5_000,
      title: '宜家 书桌 九成新',
    })
    const q = await cloud.mustOrder('o-buyer-1', 'freightQuote', {
      listingId: listing.id,
      toCity: '杭州',
    })
    expect(q).toMatchObject({ fromCity: '上海', toCity: '杭州' })
    expect(q.quotes.length).toBeGreaterThan(1)
    expect(q.quotes.map((x: { priceFen: number }) => x.priceFen)).toEqual(
      [...q.quotes.map((x: { priceFen: number }) => x.priceFen)].sort((a, b) => a - b),
    )
    expect(
      q.quotes.find((x: { companyCode: string }) => x.companyCode === 'shunfeng')?.company,
    ).toBe('顺丰速运')
    const far = await cloud.mustOrder('o-buyer-1', 'freightQuote', {
      listingId: listing.id,
      toCity: '乌鲁木齐',
    })
    if (far.quotes.length) expect(far.quotes[0].priceFen).toBeGreaterThan(q.quotes[0].priceFen)
  })

  /** Shipped, 退货退款 asked and agreed to the seller's 杭州 address: the buyer's turn to send it back. */
  const agreedReturn = async () => {
    await cloud.mustOrder('o-seller-1', 'ship', { orderId, waybillNo: SF })
    await cloud.advance(3 * DAY)
    await cloud.mustOrder('o-buyer-1', 'requestRefund', {
      orderId,
      type: 'return',
      reason: '尺寸不合适',
    })
    await cloud.saveAddress('o-seller-1', {
      name: '王小二',
      phone: '13900139000',
      region: { province: '浙江省', city: '杭州市', district: '西湖区' },
      detail: '文三路 478 号 1203 室',
    })
    await cloud.mustOrder('o-seller-1', 'answerRefund', { orderId, answer: 'agree' })
  }
  /** The buyer drops the return off at a 圆通 counter in 上海 (to `toCity`), and it is collected. */
  const dropOffReturn = async (waybillNo = RETURN_WAYBILL, toCity = '杭州') => {
    cloud.kuaidi100!.ship({ company: 'yuantong', waybillNo, fromCity: '上海', toCity })
    await cloud.advance(60_000)
  }

  it('a tracked return: its 签收 gives the seller 3 days to inspect, then the refund runs by itself', async () => {
    await agreedReturn()
    await dropOffReturn()
    const returning = await cloud.mustOrder('o-buyer-1', 'shipReturn', {
      orderId,
      waybillNo: RETURN_WAYBILL,
    })
    expect(returning.refund.returnShipment).toMatchObject({
      company: '圆通速递',
      companyCode: 'yuantong',
      tracking: { state: 'collected' },
    })
    expect(returning.deadline.transition).toBe('returnUnconfirmed')
    expect((await cloud.mustOrder('o-seller-1', 'get', { orderId })).actions).toEqual(
      expect.arrayContaining(['receiveReturn', 'contestReturn']),
    )
    await cloud.advance(3 * DAY)
    const o = await get()
    expect(o.refund.returnShipment.tracking.state).toBe('delivered')
    expect(o.deadline.transition).toBe('autoReceiveReturn')
    expect(o.deadline.at - cloud.clock.now()).toBeLessThanOrEqual(3 * DAY)
    await cloud.advance(3 * DAY)
    await orderHousekeeping(cloud.container)
    await cloud.advance(5_000)
    expect(await get()).toMatchObject({
      state: 'refunded',
      money: { refundedFen: 20_000, releasedFen: 0 },
    })
  })

  it('the seller may confirm the return at once: a full refund', async () => {
    await agreedReturn()
    await dropOffReturn()
    await cloud.mustOrder('o-buyer-1', 'shipReturn', { orderId, waybillNo: RETURN_WAYBILL })
    expect(await cloud.mustOrder('o-seller-1', 'receiveReturn', { orderId })).toMatchObject({
      state: 'refunded',
    })
    await cloud.advance(5_000)
    expect((await get()).money).toMatchObject({ refundedFen: 20_000, releasedFen: 0 })
  })

  it('a fake return is refused: the outbound waybill, a parcel the courier never saw, a parcel to another city; the order stays as it was', async () => {
    await agreedReturn()
    const before = await get()
    expect(await cloud.order('o-buyer-1', 'shipReturn', { orderId, waybillNo: SF })).toMatchObject({
      ok: false,
      error: { code: 'ORDER.WAYBILL_REUSED' },
    })
    expect(
      await cloud.order('o-buyer-1', 'shipReturn', { orderId, waybillNo: 'YT9999999999999' }),
    ).toMatchObject({ ok: false, error: { code: 'ORDER.PARCEL_UNKNOWN' } })
    await dropOffReturn('YT5555555555555', '深圳')
    expect(
      await cloud.order('o-buyer-1', 'shipReturn', { orderId, waybillNo: 'YT5555555555555' }),
    ).toMatchObject({ ok: false, error: { code: 'ORDER.RETURN_WRONG_CITY' } })
    // An unknown company's number (typed by name only) cannot be tracked, so it cannot be a return.
    expect(
      await cloud.order('o-buyer-1', 'shipReturn', {
        orderId,
        company: '小明快递',
        waybillNo: 'XM12345678',
      }),
    ).toMatchObject({ ok: false, error: { code: 'ORDER.UNKNOWN_WAYBILL' } })
    const after = await get()
    expect(after.state).toBe('returning')
    expect(after.refund.returnShipment).toBeNull()
    expect(after.deadline).toEqual(before.deadline)
    expect(after.events).toEqual(before.events)
  })

  it('a return never reported 签收 is not refunded by itself: after 10 days an operator decides', async () => {
    await agreedReturn()
    await dropOffReturn()
    cloud.kuaidi100!.engine.force(RETURN_WAYBILL, 'lost')
    await cloud.mustOrder('o-buyer-1', 'shipReturn', { orderId, waybillNo: RETURN_WAYBILL })
    for (let day = 0; day < 11; day++) {
      await cloud.advance(DAY)
      await orderHousekeeping(cloud.container)
    }
    const o = await get()
    expect(o).toMatchObject({ state: 'disputed', money: { refundedFen: 0, inEscrowFen: 20_000 } })
    expect(o.events.map((e: { transition: string }) => e.transition)).toContain('returnUnconfirmed')
  })

  it('the seller contests a delivered return (退货有问题) with evidence: disputed, no refund runs, an operator decides', async () => {
    await agreedReturn()
    await dropOffReturn()
    // Before the return is sent the seller has nothing to contest.
    expect(
      await cloud.order('o-seller-1', 'contestReturn', {
        orderId,
        reason: 'not_received',
        note: '还没收到任何包裹',
      }),
    ).toMatchObject({ ok: false, error: { code: 'ORDER.WRONG_STATE' } })
    await cloud.mustOrder('o-buyer-1', 'shipReturn', { orderId, waybillNo: RETURN_WAYBILL })
    await cloud.advance(3 * DAY)
    // Evidence is the seller's own upload: someone else's photo is refused and nothing changes.
    const theirs = await cloud.uploadPhoto('o-buyer-1', 'evidence')
    expect(
      await cloud.order('o-seller-1', 'contestReturn', {
        orderId,
        reason: 'damaged',
        note: '寄回的是空盒子',
        photoFileIds: [theirs],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FILE.NOT_OWNED', details: { path: 'photoFileIds.0' } },
    })
    const photo = await cloud.uploadPhoto('o-seller-1', 'evidence')
    const contested = await cloud.mustOrder('o-seller-1', 'contestReturn', {
      orderId,
      reason: 'damaged',
      note: '寄回的是空盒子，附开箱照片',
      photoFileIds: [photo],
    })
    expect(contested).toMatchObject({
      state: 'disputed',
      deadline: null,
      refund: { contest: { reason: 'damaged', note: '寄回的是空盒子，附开箱照片' } },
    })
    expect(contested.refund.contest.photoUrls).toHaveLength(1)
    await cloud.advance(4 * DAY)
    await orderHousekeeping(cloud.container)
    expect(await get()).toMatchObject({ state: 'disputed', money: { refundedFen: 0 } })
  })
})
