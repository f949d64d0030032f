import { isPermanentRefusal } from '../../core/ports/provider-error'
import type { ShippingAddress } from '@shared/contracts/order.contract'
import { courierCompany } from '@shared/domain/couriers'
import { slotBookable, slotDate, type PickupSlot, type PickupState } from '@shared/domain/pickup'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import {
  loadOwnAddress,
  openShippingAddress,
  sealShippingAddress,
  type SealedShippingAddress,
} from '../../address'
import { CourierError, type Pickup } from '../ports/courier.port'
import { loadListing } from '../../listing'
import { enqueue, PermanentJobError, type JobHandler } from '../../outbox'
import { loadUser, type UserRecord } from '../../user'
import {
  JOBS,
  parsePickupJobKey,
  type Leg,
  scheduleOf,
  type OrderRecord,
  type PickupRecord,
  type ShipmentRecord,
  takeTransition,
  loadOrder,
  updateOrder,
} from '../../order'
import {
  cancellingPatch,
  enqueuePickupCancel,
  isActivePickup,
  pickupOf,
  withPickup,
} from './pickup-records'
import { nextCourierCheck } from '../domain/courier-checks'
import { PickupTasks } from '../domain/shipment.record'
import { parcelWeightKg } from './freight-quote.use-case'
import { recordParcel, startReturn } from './tracking.use-case'
import { retryOnRace } from './retry-on-race'

/**
 * 上门取件 (kuaidi100 商家寄件) for either leg of an order: the seller's parcel to the buyer, or
 * the buyer's return to the seller. Booking writes the pickup and an outbox job in one
 * transaction; the job places it with the courier (the same key on every retry, so one courier
 * comes). Once the courier collects the parcel, its waybill ships the order (or sends the
 * return) exactly as a typed waybill would, and tracking takes over.
 */

const wrongState = () => new AppError(ErrorCodes.ORDER_WRONG_STATE)
const printable = (a: ShippingAddress) => `${a.region}${a.detail}`
const party = (a: ShippingAddress) => ({ name: a.name, mobile: a.phone, address: printable(a) })

/** The leg the caller may book now, and where its parcel goes. */
const legOf = (
  order: OrderRecord,
  user: UserRecord,
): { leg: Leg; recipient: SealedShippingAddress } => {
  if (order.sellerId === user._id) {
    if (order.fulfilment !== 'courier' || order.state !== 'paid' || !order.address)
      throw wrongState()
    return { leg: 'outbound', recipient: order.address }
  }
  if (order.buyerId === user._id) {
    if (
      order.state !== 'returning' ||
      order.refund?.type !== 'return' ||
      order.refund.returnShipment
    )
      throw wrongState()
    if (!order.refund.returnAddress)
      throw new AppError(
        ErrorCodes.ORDER_RETURN_ADDRESS_REQUIRED,
        '卖家还没有提供退货地址，请联系卖家',
      )
    return { leg: 'return', recipient: order.refund.returnAddress }
  }
  throw new AppError(ErrorCodes.NOT_FOUND, '订单不存在')
}

const loadParty = async (deps: Deps, user: UserRecord, orderId: string) => {
  const order = await loadOrder(deps.store, orderId)
  if (!order || (order.buyerId !== user._id && order.sellerId !== user._id))
    throw new AppError(ErrorCodes.NOT_FOUND, '订单不存在')
  return order
}

const weightOf = async (deps: Deps, order: OrderRecord) => {
  const listing = await loadListing(deps.store, order.listingId)
  return listing ? parcelWeightKg(listing) : 1
}

/** A courier's "no" in the words the sheet shows. */
const courierRefusal = (e: unknown): AppError | null => {
  if (!(e instanceof CourierError) || !isPermanentRefusal(e)) return null
  if (e.code === 'ADDRESS_NOT_SERVED') return new AppError(ErrorCodes.ORDER_ADDRESS_NOT_SERVED)
  return null
}

/** Prices for the caller's leg from one of their addresses, cheapest first (empty when the courier is unreachable). */
export const pickupQuote = async (
  deps: Deps,
  user: UserRecord,
  orderId: string,
  addressId: string,
) => {
  const order = await loadParty(deps, user, orderId)
  const { recipient } = legOf(order, user)
  const { city, ...sender } = await loadOwnAddress(deps, user._id, addressId)
  const weightKg = await weightOf(deps, order)
  let quotes: { company: string; companyCode: string; priceFen: number }[] = []
  try {
    const raw = await deps.courier.quote({
      fromCity: printable(sender),
      toCity: recipient.region,
      weightKg,
    })
    quotes = raw.map((q) => ({
      company: courierCompany(q.company)?.name ?? q.company,
      companyCode: q.company,
      priceFen: q.priceFen,
    }))
  } catch (e) {
    const refused = courierRefusal(e)
    if (refused) throw refused
  }
  return { fromCity: city, toCity: recipient.region, weightKg, quotes }
}

/**
 * 预约上门取件: checked (the caller's leg, a slot still bookable, no booking already running, the
 * company serving both addresses), then written with its placing job by compare-and-set.
 */
export const bookPickup = async (
  deps: Deps,
  user: UserRecord,
  input: { orderId: string; addressId: string; company: string; slot: PickupSlot },
): Promise<OrderRecord> => {
  const order = await loadParty(deps, user, input.orderId)
  const { leg, recipient } = legOf(order, user)
  const current = pickupOf(order, leg)
  if (isActivePickup(current)) throw new AppError(ErrorCodes.ORDER_PICKUP_ACTIVE)
  const now = deps.clock.now()
  if (!slotBookable(input.slot, now))
    throw new AppError(ErrorCodes.ORDER_PICKUP_SLOT_PASSED, undefined, { path: ['slot'] })
  const company = courierCompany(input.company)!
  const { city: senderCity, ...sender } = await loadOwnAddress(deps, user._id, input.addressId)
  const weightKg = await weightOf(deps, order)
  // The courier's price for this route, which also tells us now (not in the job) when it does not serve it.
  let quoteFen: number | null = null
  try {
    quoteFen =
      (
        await deps.courier.quote({
          fromCity: printable(sender),
          toCity: recipient.region,
          weightKg,
          company: company.code,
        })
      )[0]?.priceFen ?? null
  } catch (e) {
    const refused = courierRefusal(e)
    if (refused) throw refused
  }
  const pickup: PickupRecord = {
    attempt: (current?.attempt ?? 0) + 1,
    company: company.name,
    companyCode: company.code,
    slot: { ...input.slot, date: slotDate(input.slot, now) },
    sender: sealShippingAddress(deps, sender),
    senderCity,
    recipient,
    weightKg,
    state: 'booking',
    taskId: null,
    courierOrderId: null,
    courierName: null,
    courierMobile: null,
    quoteFen,
    freightFen: null,
    waybillNo: null,
    failure: null,
    bookedAt: now,
    updatedAt: now,
  }
  const next = { ...order, ...withPickup(order, leg, pickup) }
  // Booked near the end of the 7 days to ship (or to send the return back), the order must not be
  // cancelled (or the return lapse) while the courier is on the way: the graph's timer waits for the window.
  const extended = scheduleOf(next)
  await deps.store.transaction(async (tx) => {
    await updateOrder(tx, order, {
      ...withPickup(order, leg, pickup),
      ...extended,
      trackingCheckAt: nextCourierCheck(next, now),
      events: [
        ...order.events,
        {
          transition: 'bookPickup',
          at: now,
          actor: leg === 'outbound' ? 'seller' : 'buyer',
          note: `预约${company.name}上门取件 ${pickup.slot.date} ${input.slot.start}–${input.slot.end}`,
        },
      ],
      updatedAt: now,
    })
    const key = JOBS.pickupPlace.key(order._id, leg, pickup.attempt)
    await enqueue(tx, { key, kind: JOBS.pickupPlace.kind, orderId: order._id, at: now })
  })
  return order
}

/** 取消预约: only before the courier has the parcel. */
export const cancelPickup = async (
  deps: Deps,
  user: UserRecord,
  orderId: string,
): Promise<OrderRecord> => {
  const order = await loadParty(deps, user, orderId)
  const leg: Leg = order.sellerId === user._id ? 'outbound' : 'return'
  const p = pickupOf(order, leg)
  if (p?.state === 'picked-up') throw new AppError(ErrorCodes.ORDER_PICKUP_NOT_CANCELLABLE)
  const now = deps.clock.now()
  const patch = cancellingPatch(order, leg, now)
  if (!patch) throw wrongState()
  await deps.store.transaction(async (tx) => {
    const next = await updateOrder(tx, order, {
      ...patch,
      events: [
        ...order.events,
        {
          transition: 'cancelPickup',
          at: now,
          actor: leg === 'outbound' ? 'seller' : 'buyer',
          note: null,
        },
      ],
      updatedAt: now,
    })
    await enqueuePickupCancel(tx, next, leg, now)
  })
  return order
}

// ---- news from the courier: the placing answer, status pushes and polls ----------------------

const RANK: Record<PickupState, number> = {
  booking: 0,
  placed: 1,
  accepted: 2,
  cancelling: 2,
  'picked-up': 3,
  cancelled: 3,
  failed: 3,
}
const FINAL: readonly PickupState[] = ['picked-up', 'cancelled', 'failed']

/** The pickup once `news` is taken in, or null when it says nothing new (stale, duplicate, another booking). */
const merged = (
  p: PickupRecord,
  news: Partial<Pickup> & { courierName?: string; courierMobile?: string },
  now: number,
): PickupRecord | null => {
  const state = news.status as PickupState | undefined
  // A late "accepted" never undoes "picked-up"; our own cancel stands until the courier confirms it or collects.
  const moves =
    state !== undefined &&
    !FINAL.includes(p.state) &&
    (p.state === 'cancelling' ? FINAL.includes(state) : RANK[state] > RANK[p.state])
  const next: PickupRecord = {
    ...p,
    state: moves ? state! : p.state,
    courierName: news.courierName || p.courierName,
    courierMobile: news.courierMobile || p.courierMobile,
    freightFen: news.freightFen ?? p.freightFen,
    waybillNo: news.waybillNo || p.waybillNo,
    updatedAt: now,
  }
  const changed = (
    ['state', 'courierName', 'courierMobile', 'freightFen', 'waybillNo'] as const
  ).some((k) => next[k] !== p[k])
  return changed ? next : null
}

/** The parcel a collected pickup became, shaped as a typed waybill would be. */
const parcelOf = (p: PickupRecord, now: number): ShipmentRecord => ({
  company: p.company,
  companyCode: p.companyCode,
  waybillNo: p.waybillNo!,
  shippedAt: now,
  tracking: null,
})

/**
 * Applies what the courier says about a booking (by compare-and-set; a racing change makes it look
 * again). Collected with a waybill: the seller's parcel ships the order (the seller's step, taken
 * for them); a return is sent as if the buyer had typed the waybill.
 */
export const applyPickupNews = async (
  deps: Deps,
  ref: { orderId: string; leg: Leg; attempt: number },
  news: Partial<Pickup> & { courierName?: string; courierMobile?: string },
  /** A push's courier order id (signed), which must be the booking's. */
  courierOrderId?: string,
): Promise<'applied' | 'stale' | 'unknown'> => {
  return retryOnRace(async () => {
    const order = await loadOrder(deps.store, ref.orderId)
    const p = order && pickupOf(order, ref.leg)
    if (!order || !p || p.attempt !== ref.attempt) return 'unknown'
    if (courierOrderId !== undefined && p.courierOrderId !== courierOrderId) return 'unknown'
    const now = deps.clock.now()
    const next = merged(p, news, now)
    if (!next) return 'stale'
    const placed = withPickup(order, ref.leg, next)
    const collected = next.state === 'picked-up' && !!next.waybillNo
    if (collected && ref.leg === 'outbound' && order.state === 'paid') {
      const seller = await loadUser(deps, order.sellerId)
      await takeTransition(deps, {
        orderId: order._id,
        name: 'ship',
        actor: 'seller',
        user: seller,
        note: `${next.company}上门取件 ${next.waybillNo}`,
        patch: () => {
          const shipment = parcelOf(next, now)
          return {
            ...placed,
            shipment,
            trackingCheckAt: nextCourierCheck({ ...order, ...placed, shipment }, now),
          }
        },
        alsoInTx: (tx, shipped) => recordParcel(tx, shipped, shipped.shipment!, 'outbound', now),
      })
      return 'applied'
    }
    if (
      collected &&
      ref.leg === 'return' &&
      order.state === 'returning' &&
      !order.refund?.returnShipment
    ) {
      await startReturn(deps, order, parcelOf(next, now), { actor: 'system', extra: placed })
      return 'applied'
    }
    await updateOrder(deps.store, order, {
      ...placed,
      trackingCheckAt: nextCourierCheck({ ...order, ...placed }, now),
      updatedAt: now,
    })
    return 'applied'
  }, 'stale' as const)
}

/** Asks the courier where an active booking stands (the poll for pushes that never came). */
export const checkPickup = async (deps: Deps, order: OrderRecord, leg: Leg) => {
  const p = pickupOf(order, leg)
  if (!p || !isActivePickup(p) || !p.taskId) return 'stale' as const
  const status = await deps.courier.pickupStatus(p.taskId)
  return applyPickupNews(deps, { orderId: order._id, leg, attempt: p.attempt }, status)
}

// ---- outbox jobs ------------------------------------------------------------------------------

const jobTarget = async (deps: Deps, key: string, orderId: string | null) => {
  const { leg, attempt } = parsePickupJobKey(key)
  const order = orderId ? await loadOrder(deps.store, orderId) : null
  const p = order && pickupOf(order, leg)
  if (!order || !p || p.attempt !== attempt) throw new PermanentJobError(`pickup ${key} is gone`)
  return { order, leg, attempt, p }
}

/** Places the booking with the courier; the job key is kuaidi100's order key, so a retry finds the first booking. */
const placePickupJob: JobHandler = async (deps, job) => {
  const { order, leg, attempt, p } = await jobTarget(deps, job._id, job.orderId)
  // Cancelled before it was placed (or placed by an earlier run): nothing to do.
  if (p.state !== 'booking') return 'done'
  try {
    const placed = await deps.courier.placePickup({
      company: p.companyCode,
      sender: party(openShippingAddress(deps, p.sender)),
      recipient: party(openShippingAddress(deps, p.recipient)),
      cargo: order.title.slice(0, 20),
      weightKg: p.weightKg,
      slot: { day: p.slot.day, start: p.slot.start, end: p.slot.end },
      orderKey: job._id,
      remark: leg === 'return' ? '退货' : undefined,
    })
    await deps.store.transaction(async (tx) => {
      const fresh = (await loadOrder(tx, order._id))!
      const now = deps.clock.now()
      const cur = pickupOf(fresh, leg)!
      // Cancelled while the booking was on its way: the courier must hear it was called off.
      const state: PickupState =
        cur.state === 'booking' ? 'placed' : cur.state === 'cancelled' ? 'cancelling' : cur.state
      const next = {
        ...cur,
        state,
        taskId: placed.taskId,
        courierOrderId: placed.orderId,
        updatedAt: now,
      }
      const patched = await updateOrder(tx, fresh, {
        ...withPickup(fresh, leg, next),
        trackingCheckAt: nextCourierCheck({ ...fresh, ...withPickup(fresh, leg, next) }, now),
      })
      if (!(await tx.get(PickupTasks, placed.taskId)))
        await tx.insert(PickupTasks, { _id: placed.taskId, orderId: order._id, leg, attempt })
      await enqueuePickupCancel(tx, patched, leg, now)
    })
    if (placed.waybillNo)
      await applyPickupNews(
        deps,
        { orderId: order._id, leg, attempt },
        { status: 'picked-up', waybillNo: placed.waybillNo },
      )
    return 'done'
  } catch (e) {
    if (!(e instanceof CourierError) || !isPermanentRefusal(e)) throw e
    // The courier said no for good: the person sees why and can book again or enter a waybill.
    const fresh = (await loadOrder(deps.store, order._id))!
    const cur = pickupOf(fresh, leg)!
    const failed = {
      ...cur,
      state: 'failed' as const,
      failure: e.code === 'ADDRESS_NOT_SERVED' ? '该快递公司不服务这个地址' : e.message,
      updatedAt: deps.clock.now(),
    }
    await updateOrder(deps.store, fresh, {
      ...withPickup(fresh, leg, failed),
    })
    return 'done'
  }
}

/** Calls a booking off; if the courier already has the parcel, what it says is applied instead. */
const cancelPickupJob: JobHandler = async (deps, job) => {
  const { order, leg, attempt, p } = await jobTarget(deps, job._id, job.orderId)
  if (p.state !== 'cancelling' || !p.taskId) return 'done'
  try {
    await deps.courier.cancelPickup({
      taskId: p.taskId,
      orderId: p.courierOrderId ?? '',
      reason: '用户取消',
    })
    await applyPickupNews(deps, { orderId: order._id, leg, attempt }, { status: 'cancelled' })
    return 'done'
  } catch (e) {
    if (e instanceof CourierError && e.code === 'PICKUP_NOT_CANCELLABLE') {
      await applyPickupNews(
        deps,
        { orderId: order._id, leg, attempt },
        await deps.courier.pickupStatus(p.taskId),
      )
      return 'done'
    }
    if (e instanceof CourierError && isPermanentRefusal(e))
      throw new PermanentJobError(`${e.code}: ${e.message}`)
    throw e
  }
}

export const PICKUP_JOB_HANDLERS: Record<string, JobHandler> = {
  [JOBS.pickupPlace.kind]: placePickupJob,
  [JOBS.pickupCancel.kind]: cancelPickupJob,
}
