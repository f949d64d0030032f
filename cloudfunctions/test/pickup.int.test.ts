import { bookableSlots } from '@shared/domain/pickup'
import { orderHousekeeping } from '../src/modules/housekeeping'
import { PICKUP_POLL_MS } from '../src/modules/delivery/domain/courier-checks'
import { Notices } from '../src/modules/inbox/domain/notice.record'
import { Orders } from '../src/modules/order/domain/order.record'
import { BUYER_ADDRESS, SELLER_HOME_ADDRESS } from '../local/mothers/address.mother'
import { startWithPaidCourierOrder, type EscrowCloud } from './escrow-harness'

const DAY = 86_400_000
const HOUR = 3_600_000

/** 上门取件 (kuaidi100 商家寄件) from the order page, through the functions against the kuaidi100 sandbox. */
describe('pickup: book a courier for the parcel or the return, and the order follows the courier', () => {
  let cloud: EscrowCloud
  let orderId: string
  let sellerAddressId: string

  beforeEach(async () => {
    ;({ cloud, orderId } = await startWithPaidCourierOrder())
    sellerAddressId = await cloud.saveAddress('o-seller-1', SELLER_HOME_ADDRESS)
  })
  afterEach(() => cloud.stop())

  const get = (openid = 'o-buyer-1') => cloud.mustOrder(openid, 'get', { orderId })
  const slot = () => {
    const s = bookableSlots(cloud.clock.now())[0]!
    return { day: s.day, start: s.start, end: s.end }
  }
  const book = (company = 'shunfeng', openid = 'o-seller-1', addressId = sellerAddressId) =>
    cloud.mustOrder(openid, 'bookPickup', { orderId, addressId, company, slot: slot() })
  /** A booking by `openid` refused with `code` (the seller's home, 顺丰 and an open slot unless `over` says otherwise). */
  const refusedBooking = async (openid: string, over: Record<string, unknown>, code: string) =>
    expect(
      await cloud.order(openid, 'bookPickup', {
        orderId,
        addressId: sellerAddressId,
        company: 'shunfeng',
        slot: slot(),
        ...over,
      }),
    ).toMatchObject({ ok: false, error: { code } })
  const sandboxTask = (taskId: string) => cloud.kuaidi100!.engine.orders.get(taskId)

  it('the courier comes, collects, and the order ships by itself; tracking takes it to 签收 and the buyer confirms', async () => {
    const quote = await cloud.mustOrder('o-seller-1', 'pickupQuote', {
      orderId,
      addressId: sellerAddressId,
    })
    expect(quote.quotes.length).toBeGreaterThan(1)
    const booked = await book()
    expect(booked.state).toBe('paid')
    expect(booked.pickup).toMatchObject({
      company: '顺丰速运',
      state: 'placed',
      quoteFen: quote.quotes.find((q: { companyCode: string }) => q.companyCode === 'shunfeng')
        .priceFen,
    })
    expect(booked.actions).toEqual(expect.arrayContaining(['cancelPickup']))
    expect(booked.actions).not.toContain('ship')
    // The buyer sees the booking, the sender's phone masked.
    expect((await get()).pickup.from).toMatch(/杭州市 139\*\*\*\*9000/)
    // At rest the order names no one: the buyer's and the sender's name, phone and street are sealed.
    const raw = JSON.stringify(await cloud.container.store.get(Orders, orderId))
    for (const plain of ['李四', '13800138000', '漕溪北路', '王小二', '13900139000', '文三路'])
      expect(raw).not.toContain(plain)
    expect(booked.address).toEqual({
      name: '李四',
      phone: '13800138000',
      region: '上海市 徐汇区',
      detail: '漕溪北路 1 号 2 室',
    })

    await cloud.advance(10 * 60_000) // the courier accepts
    const accepted = await get('o-seller-1')
    expect(accepted.pickup).toMatchObject({ state: 'accepted' })
    expect(accepted.pickup.courierName).toMatch(/师傅/)

    await cloud.advance(HOUR) // collected: a waybill, and the order ships
    const shipped = await get()
    expect(shipped.state).toBe('shipped')
    expect(shipped.pickup).toMatchObject({ state: 'picked-up' })
    expect(shipped.shipment).toMatchObject({
      company: '顺丰速运',
      companyCode: 'shunfeng',
      waybillNo: shipped.pickup.waybillNo,
    })
    expect(shipped.events.map((e: { transition: string }) => e.transition)).toEqual(
      expect.arrayContaining(['bookPickup', 'ship']),
    )
    expect(JSON.stringify(cloud.wechatApi!.engine.shippingRecords())).toContain(
      shipped.pickup.waybillNo,
    )

    await cloud.advance(3 * DAY)
    expect((await get()).state).toBe('delivered')
    expect((await cloud.mustOrder('o-buyer-1', 'confirm', { orderId })).state).toBe('completed')
    expect(cloud.pushes.every((p) => p.status === 200)).toBe(true)
  })

  it('booked on the sixth day for 后天: the order is not auto-cancelled under the courier', async () => {
    const paid = await get('o-seller-1')
    expect(paid.deadline.transition).toBe('autoCancel')
    await cloud.advance(6 * DAY)
    const late = { day: '后天', start: '09:00', end: '11:00' }
    const booked = await cloud.mustOrder('o-seller-1', 'bookPickup', {
      orderId,
      addressId: sellerAddressId,
      company: 'shunfeng',
      slot: late,
    })
    expect(booked.deadline.transition).toBe('autoCancel')
    expect(booked.deadline.at).toBeGreaterThan(paid.deadline.at + DAY)
    await cloud.advance(DAY + HOUR) // past the original 7 days
    await orderHousekeeping(cloud.container)
    expect((await get()).state).toBe('paid')
    await cloud.advance(2 * DAY) // the courier came in the window
    expect((await get()).state).toBe('shipped')
  })

  it('bad input: a slot gone by, the buyer booking the seller’s parcel, someone else’s address, a second booking, a waybill while booked', async () => {
    const past = { day: '今天', start: '09:00', end: '11:00' }
    await cloud.advance(5 * HOUR) // 15:00 in China: the morning window has gone
    await refusedBooking('o-seller-1', { slot: past }, 'ORDER.PICKUP_SLOT_PASSED')
    await refusedBooking('o-seller-1', { company: 'dhl' }, 'COMMON.VALIDATION')
    const buyerAddressId = await cloud.saveAddress('o-buyer-1', BUYER_ADDRESS)
    await refusedBooking('o-buyer-1', { addressId: buyerAddressId }, 'ORDER.WRONG_STATE')
    await refusedBooking('o-seller-1', { addressId: buyerAddressId }, 'COMMON.NOT_FOUND')
    expect((await get()).pickup).toBeNull()

    await book()
    await refusedBooking('o-seller-1', { company: 'zhongtong' }, 'ORDER.PICKUP_ACTIVE')
    expect(
      await cloud.order('o-seller-1', 'ship', { orderId, waybillNo: 'SF1234567890123' }),
    ).toMatchObject({ ok: false, error: { code: 'ORDER.PICKUP_ACTIVE' } })
    expect(cloud.kuaidi100!.engine.orders.size).toBe(1)
  })

  it('cancelled at the courier, then booked again with a new key; lost status pushes are caught by polling', async () => {
    const first = await book()
    const firstTask = [...cloud.kuaidi100!.engine.orders.values()][0]!
    const cancelled = await cloud.mustOrder('o-seller-1', 'cancelPickup', { orderId })
    expect(cancelled.pickup.state).toBe('cancelled')
    expect(sandboxTask(firstTask.taskId)!.status).toBe('99')
    expect(first.pickup.state).toBe('placed')

    cloud.kuaidi100!.faults.set({ dropPushes: 100 })
    const again = await book('zhongtong')
    expect(again.pickup).toMatchObject({ company: '中通快递', state: 'placed' })
    expect(cloud.kuaidi100!.engine.orders.size).toBe(2)
    await cloud.advance(2 * HOUR)
    expect((await get()).state).toBe('paid') // the collection push was lost
    await cloud.advance(PICKUP_POLL_MS)
    await orderHousekeeping(cloud.container)
    const shipped = await get()
    expect(shipped.state).toBe('shipped')
    expect(shipped.shipment.companyCode).toBe('zhongtong')
  })

  it('a buyer who cancels the paid order calls the booked courier off too', async () => {
    await book()
    const task = [...cloud.kuaidi100!.engine.orders.values()][0]!
    const refunded = await cloud.mustOrder('o-buyer-1', 'cancel', { orderId })
    expect(refunded.state).toBe('refunded')
    expect(refunded.pickup.state).toBe('cancelled')
    expect(sandboxTask(task.taskId)!.status).toBe('99')
  })

  it('pickup pushes: a forged one is refused, a replay changes nothing, one for a task we never booked is not accepted', async () => {
    await book()
    await cloud.advance(10 * 60_000)
    const genuine = cloud.pushes.find((p) =>
      Buffer.from(p.event.body, 'base64').toString('utf8').includes('taskId='),
    )!
    expect(genuine.status).toBe(200)
    const body = Buffer.from(genuine.event.body, 'base64').toString('utf8')
    const forged = {
      ...genuine.event,
      body: Buffer.from(
        body.replace(/sign=[0-9A-Fa-f]+/, 'sign=00000000000000000000000000000000'),
      ).toString('base64'),
    }
    expect((await cloud.notifyCourier(forged)).headers['x-linquan-code']).toBe(
      'DELIVERY.BAD_SIGNATURE',
    )
    const before = await get('o-seller-1')
    expect((await cloud.notifyCourier(genuine.event)).statusCode).toBe(200)
    expect((await get('o-seller-1')).pickup).toEqual(before.pickup)
    const stranger = {
      ...genuine.event,
      body: Buffer.from(body.replace(/taskId=[^&]+/, 'taskId=SBXNOTOURS')).toString('base64'),
    }
    expect((await cloud.notifyCourier(stranger)).headers['x-linquan-code']).toBe(
      'DELIVERY.UNKNOWN_PICKUP',
    )
  })

  it('a return: the seller names the return address, the buyer books a courier, its 签收 starts the 7 days', async () => {
    await cloud.mustOrder('o-seller-1', 'ship', { orderId, waybillNo: 'SF1234567890123' })
    await cloud.advance(3 * DAY)
    await cloud.mustOrder('o-buyer-1', 'requestRefund', {
      orderId,
      type: 'return',
      reason: '尺寸不合适',
    })
    const agreed = await cloud.mustOrder('o-seller-1', 'answerRefund', {
      orderId,
      answer: 'agree',
      returnAddressId: sellerAddressId,
    })
    expect(agreed.refund.returnAddress).toMatchObject({
      name: '王小二',
      region: '浙江省 杭州市 西湖区',
    })
    const buyerView = await get()
    expect(buyerView.actions).toEqual(expect.arrayContaining(['bookPickup', 'shipReturn']))

    const buyerAddressId = await cloud.saveAddress('o-buyer-1', BUYER_ADDRESS)
    const booked = await book('yuantong', 'o-buyer-1', buyerAddressId)
    expect(booked.refund.returnPickup).toMatchObject({ company: '圆通速递', state: 'placed' })
    expect(booked.actions).not.toContain('shipReturn')
    await cloud.advance(2 * HOUR)
    const sent = await get()
    expect(sent.refund.returnShipment).toMatchObject({
      companyCode: 'yuantong',
      waybillNo: sent.refund.returnPickup.waybillNo,
    })
    await cloud.advance(3 * DAY)
    const arrived = await get()
    expect(arrived.refund.returnShipment.tracking.state).toBe('delivered')
    expect(arrived.deadline.transition).toBe('autoReceiveReturn')
  })

  it('agreeing to a return needs an address: the default is used, and a seller with none is asked for one', async () => {
    await cloud.mustOrder('o-seller-1', 'ship', { orderId, waybillNo: 'SF1234567890123' })
    await cloud.mustOrder('o-buyer-1', 'requestRefund', {
      orderId,
      type: 'return',
      reason: '尺寸不合适',
    })
    await cloud.address('o-seller-1', 'remove', { id: sellerAddressId })
    expect(
      await cloud.order('o-seller-1', 'answerRefund', { orderId, answer: 'agree' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'ORDER.RETURN_ADDRESS_REQUIRED' },
    })
    expect((await get()).state).toBe('refund_requested')
    await cloud.saveAddress('o-seller-1', SELLER_HOME_ADDRESS)
    const agreed = await cloud.mustOrder('o-seller-1', 'answerRefund', { orderId, answer: 'agree' })
    expect(agreed.refund.returnAddress.detail).toBe(SELLER_HOME_ADDRESS.detail)
  })

  it('a return never sent lapses after 7 days, the buyer reminded the day before; a courier booked late holds the clock', async () => {
    await cloud.mustOrder('o-seller-1', 'ship', { orderId, waybillNo: 'SF1234567890123' })
    await cloud.mustOrder('o-buyer-1', 'requestRefund', {
      orderId,
      type: 'return',
      reason: '尺寸不合适',
    })
    const agreed = await cloud.mustOrder('o-seller-1', 'answerRefund', { orderId, answer: 'agree' })
    expect(agreed.deadline).toEqual({ transition: 'returnLapsed', at: cloud.clock.now() + 7 * DAY })

    await cloud.advance(6 * DAY + HOUR)
    await orderHousekeeping(cloud.container)
    const buyerId = (await get()).buyer.id
    const notices = await cloud.container.store.find(Notices, { userId: buyerId }, { limit: 50 })
    expect(notices.items.map((n) => n.title)).toContain('请尽快寄回退货')

    // Booked for 后天: the request stays open until the courier has had the day after the window.
    const buyerAddressId = await cloud.saveAddress('o-buyer-1', BUYER_ADDRESS)
    const late = { day: '后天', start: '17:00', end: '19:00' }
    const booked = await cloud.mustOrder('o-buyer-1', 'bookPickup', {
      orderId,
      addressId: buyerAddressId,
      company: 'yuantong',
      slot: late,
    })
    expect(booked.deadline.transition).toBe('returnLapsed')
    expect(booked.deadline.at).toBeGreaterThan(agreed.deadline.at + 2 * DAY)
    await cloud.mustOrder('o-buyer-1', 'cancelPickup', { orderId })

    await cloud.advance(4 * DAY)
    await orderHousekeeping(cloud.container)
    await orderHousekeeping(cloud.container)
    const lapsed = await get('o-seller-1')
    expect(['received', 'completed']).toContain(lapsed.state)
    expect(lapsed.events.map((e: { transition: string }) => e.transition)).toContain('returnLapsed')
    expect(lapsed.money).toMatchObject({ refundedFen: 0, releasedFen: 20_000 })
  })

  it('a courier call refused for good is a dead letter operators see and send again once the cause is fixed', async () => {
    await book()
    const [task] = [...cloud.kuaidi100!.engine.orders.values()]
    cloud.kuaidi100!.engine.orders.delete(task!.taskId) // kuaidi100 has lost the booking: cancel answers 30001
    expect((await cloud.mustOrder('o-seller-1', 'cancelPickup', { orderId })).pickup.state).toBe(
      'cancelling',
    )

    await cloud.makeOperator(await cloud.signUp('o-operator'))
    expect(await cloud.order('o-seller-1', 'failedJobs', { limit: 20 })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.FORBIDDEN' },
    })
    const dead = await cloud.mustOrder('o-operator', 'failedJobs', { limit: 20 })
    expect(dead.items).toEqual([
      expect.objectContaining({
        kind: 'pickup-cancel',
        orderId,
        status: 'failed',
        lastError: expect.stringContaining('PICKUP_NOT_FOUND'),
      }),
    ])

    cloud.kuaidi100!.engine.orders.set(task!.taskId, task!) // found again
    const retried = await cloud.mustOrder('o-operator', 'retryJob', { jobId: dead.items[0].id })
    expect(retried).toMatchObject({ status: 'done' })
    expect((await get('o-seller-1')).pickup.state).toBe('cancelled')
    expect(task!.status).toBe('99')
    expect((await cloud.mustOrder('o-operator', 'failedJobs', { limit: 20 })).items).toEqual([])
    expect(await cloud.order('o-operator', 'retryJob', { jobId: dead.items[0].id })).toMatchObject({
      ok: false,
      error: { code: 'ORDER.WRONG_STATE' },
    })
  })
})
