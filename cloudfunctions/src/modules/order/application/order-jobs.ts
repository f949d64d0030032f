import { isPermanentRefusal } from '../../core/ports/provider-error'
import { chinaDateTime } from '@shared/domain/time'
import { courierCompany } from '@shared/domain/couriers'
import type { Deps } from '../../deps'
import { openShippingAddress } from '../../address/domain/sealed-address'
import { CourierError } from '../../delivery/ports/courier.port'
import { runWechatCall } from '../../messaging/application/wechat-job'
import { LogisticsTypes, type OrderMessageTemplates } from '../../messaging/ports/wechat-api.port'
import { drainOutbox, PermanentJobError, type JobHandler } from '../../outbox/application/outbox'
import { Listings } from '../../listing/domain/listing.record'
import { Identities } from '../../user/domain/user.record'
import { Orders, type OrderRecord } from '../domain/order.record'
import { JOBS } from '../domain/order-job-keys'
import { PICKUP_JOB_HANDLERS } from '../../delivery/application/pickup.use-case'
import { SETTLEMENT_HANDLERS } from '../../payments/application/settle-money'

/**
 * Every outbox job an order produces, by kind: the money (settle-money.ts), the courier's
 * tracking subscription, WeChat's shipping upload and confirm-receive reminder, and subscribe
 * messages. One registry, so whichever worker picks a job up knows how to run it.
 */

const orderOf = async (deps: Deps, orderId: string | null) => {
  const order = orderId ? await deps.store.get(Orders, orderId) : null
  if (!order) throw new PermanentJobError(`order ${orderId} is gone`)
  return order
}

/** A user's OPENID (kept apart from the user document): WeChat addresses people by it. */
const openidOf = async (deps: Deps, userId: string) =>
  (await deps.store.find(Identities, { userId }, { limit: 1 })).items[0]?._id ?? null

/** WeChat's `amount` keyword: a sign, digits and decimals, no thousands separators (¥1288.00). */
const amount = (fen: number) => `¥${(fen / 100).toFixed(2)}`
const maskPhone = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`
const chinaTime = chinaDateTime

const subscribeTracking: JobHandler = async (deps, job) => {
  const order = await orderOf(deps, job.orderId)
  const parcel = job._id.startsWith('TKR') ? order.refund?.returnShipment : order.shipment
  if (!parcel?.companyCode) return 'done'
  try {
    const listing = await deps.store.get(Listings, order.listingId)
    const buyerSide = order.address?.region
    const [fromCity, toCity] = job._id.startsWith('TKR')
      ? [buyerSide, listing?.city]
      : [listing?.city, buyerSide]
    const phone = order.address ? openShippingAddress(deps, order.address).phone : undefined
    await deps.courier.subscribe({
      company: parcel.companyCode,
      waybillNo: parcel.waybillNo,
      phone,
      fromCity,
      toCity,
    })
    return 'done'
  } catch (e) {
    if (e instanceof CourierError && isPermanentRefusal(e))
      throw new PermanentJobError(`${e.code}: ${e.message}`)
    throw e
  }
}

/** 发货信息录入: courier with its waybill, 面交 as self-pickup, services as virtual delivery. */
const uploadShippingInfo: JobHandler = async (deps, job) => {
  const order = await orderOf(deps, job.orderId)
  const payerOpenid = order.buyerOpenid ?? (await openidOf(deps, order.buyerId))
  if (!order.transactionId || !payerOpenid)
    throw new PermanentJobError('order has no payment or buyer OPENID')
  const item = { itemDesc: order.title.slice(0, 120) }
  const courier = order.fulfilment === 'courier' && order.shipment
  return runWechatCall(
    () =>
      deps.wechatApi.uploadShippingInfo({
        order: { transactionId: order.transactionId! },
        logisticsType: courier
          ? LogisticsTypes.courier
          : order.fulfilment === 'service'
            ? LogisticsTypes.virtual
            : LogisticsTypes.selfPickup,
        items: [
          courier
            ? {
                ...item,
                trackingNo: order.shipment!.waybillNo,
                expressCompany:
                  courierCompany(order.shipment!.companyCode ?? order.shipment!.company)?.wechat ??
                  'OTHER',
                receiverContact: order.address
                  ? maskPhone(openShippingAddress(deps, order.address).phone)
                  : undefined,
              }
            : item,
        ],
        payerOpenid,
        // The job's creation time: a retry sends the same upload_time, which WeChat recognises.
        uploadedAt: job.createdAt,
      }),
    job,
  )
}

const confirmReceive: JobHandler = async (deps, job) => {
  const order = await orderOf(deps, job.orderId)
  if (!order.transactionId) throw new PermanentJobError('order has no payment')
  const receivedAt = order.shipment?.tracking?.latestAt || job.createdAt
  return runWechatCall(
    () =>
      deps.wechatApi.notifyConfirmReceive({
        order: { transactionId: order.transactionId! },
        receivedAt,
      }),
    job,
  )
}

/** Subscribe messages: which template, to whom, with which keywords, per order event. */
const MESSAGES: Record<
  keyof OrderMessageTemplates,
  { to: 'buyer' | 'seller'; data: (o: OrderRecord, at: number) => Record<string, string> }
> = {
  orderPaid: {
    to: 'seller',
    data: (o, at) => ({
      character_string1: o._id,
      thing2: o.title.slice(0, 20),
      amount3: amount(o.totalFen),
      time4: chinaTime(at),
    }),
  },
  orderShipped: {
    to: 'buyer',
    data: (o, at) => ({
      character_string1: o._id,
      thing2: o.title.slice(0, 20),
      thing3: o.shipment?.company ?? '快递',
      character_string4: o.shipment?.waybillNo ?? '-',
      time5: chinaTime(at),
    }),
  },
  orderDelivered: {
    to: 'buyer',
    data: (o, at) => ({
      character_string1: o._id,
      thing2: o.title.slice(0, 20),
      time3: chinaTime(at),
      thing4: '检查无误后请确认收货',
    }),
  },
  refund: {
    to: 'buyer',
    data: (o, at) => ({
      character_string1: o._id,
      amount2: amount((o.settlement?.refundFen ?? 0) + (o.settlement?.compensationFen ?? 0)),
      thing3: o.refund?.reason.slice(0, 20) ?? '订单取消',
      phrase4: '退款成功',
      time5: chinaTime(at),
    }),
  },
  autoReceiveReminder: {
    to: 'buyer',
    data: (o) => ({
      character_string1: o._id,
      thing2: o.title.slice(0, 20),
      time3: chinaTime(o.dueAt ?? 0),
      thing4: '如有问题请在此之前申请退款',
    }),
  },
}

const sendMessage: JobHandler = async (deps, job) => {
  const [, event, , at] = job._id.split(':') as [
    string,
    keyof OrderMessageTemplates,
    string,
    string,
  ]
  const order = await orderOf(deps, job.orderId)
  const spec = MESSAGES[event]
  const toOpenid =
    spec.to === 'buyer'
      ? (order.buyerOpenid ?? (await openidOf(deps, order.buyerId)))
      : await openidOf(deps, order.sellerId)
  if (!toOpenid) return 'done'
  return runWechatCall(
    () =>
      deps.wechatApi.sendSubscribeMessage({
        toOpenid,
        templateId: deps.wechatApi.templates[event],
        page: `package-order/detail/index?id=${order._id}`,
        data: spec.data(order, Number(at)),
      }),
    job,
  )
}

export const ORDER_JOB_HANDLERS: Record<string, JobHandler> = {
  ...SETTLEMENT_HANDLERS,
  ...PICKUP_JOB_HANDLERS,
  [JOBS.subscribe.kind]: subscribeTracking,
  [JOBS.shippingInfo.kind]: uploadShippingInfo,
  [JOBS.confirmReceive.kind]: confirmReceive,
  [JOBS.message.kind]: sendMessage,
}

/** Runs the order jobs that are due (cron), or one order's right after its transition. */
export const runOrderJobs = (deps: Deps, orderId?: string) =>
  drainOutbox(deps, ORDER_JOB_HANDLERS, { orderId })
