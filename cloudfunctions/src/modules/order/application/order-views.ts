import type { Order, OrderCard } from '@shared/contracts/order.contract'
import { TRACKING_STATE_LABELS } from '@shared/domain/couriers'
import { maskMobile } from '@shared/domain/address'
import { PICKUP_STATE_LABELS } from '@shared/domain/pickup'
import { actionsFor, type Actor } from '@shared/domain/order-process'
import type { Deps } from '../../deps'
import { entriesOfOrder, orderMoney } from '../../ledger'
import { loadPublicUsers, type UserRecord } from '../../user'
import { payBy } from '@shared/domain/order-process'
import { HANDOVER_TRIES } from '../domain/handover-attempts'
import type { OrderRecord } from '../domain/order.record'
import type { PickupRecord, ShipmentRecord } from '../domain/order-parcels'
import { compensationCapFen } from './take-transition'
import { orderFacts } from '../domain/order-facts'
import { roleOf } from '../domain/order-roles'
import { openShippingAddress } from '../../address'

type Role = Order['role']

export { roleOf }

/** The viewer's buttons: exactly what the order graph allows this person now (steps, transitions, guards). */
const actionsOf = (order: OrderRecord, role: Role): Order['actions'] =>
  actionsFor(order.state, role as Actor, order.fulfilment, orderFacts(order))

/** The seller's contest with its photos, for both parties and the operator. */
const contestView = async (
  deps: Pick<Deps, 'files'>,
  order: OrderRecord,
): Promise<NonNullable<Order['refund']>['contest']> => {
  const c = order.refund?.contest
  if (!c) return null
  const urls = c.photoFileIds.length ? await deps.files.urls(c.photoFileIds) : {}
  return {
    reason: c.reason,
    note: c.note,
    at: c.at,
    photoUrls: c.photoFileIds.map((id) => urls[id]).filter((u): u is string => !!u),
  }
}

/** A parcel with its tracking newest first, as both parties read it. */
const shipmentView = (s: ShipmentRecord | null): Order['shipment'] =>
  s && {
    company: s.company,
    companyCode: s.companyCode,
    waybillNo: s.waybillNo,
    shippedAt: s.shippedAt,
    tracking: s.tracking && {
      state: s.tracking.state,
      stateLabel: TRACKING_STATE_LABELS[s.tracking.state] ?? '物流更新',
      events: [...s.tracking.events]
        .reverse()
        .map((e) => ({ at: e.at, state: e.state, context: e.context })),
      updatedAt: s.tracking.updatedAt,
    },
  }

/** A booking as both parties read it; the other party sees the sender's phone masked. */
const pickupView = (
  deps: Pick<Deps, 'secrets'>,
  p: PickupRecord | null | undefined,
  ownLeg: boolean,
): Order['pickup'] => {
  if (!p) return null
  const sender = openShippingAddress(deps, p.sender)
  return {
    company: p.company,
    companyCode: p.companyCode,
    slot: p.slot,
    state: p.state,
    stateLabel: PICKUP_STATE_LABELS[p.state],
    from: ownLeg
      ? `${sender.name} ${sender.phone} ${sender.region}${sender.detail}`
      : `${p.senderCity} ${maskMobile(sender.phone)}`,
    courierName: p.courierName,
    courierMobile: p.courierMobile,
    quoteFen: p.quoteFen,
    freightFen: p.freightFen,
    waybillNo: p.waybillNo,
    failure: p.failure,
  }
}

const moneyOf = async (deps: Pick<Deps, 'store'>, order: OrderRecord): Promise<Order['money']> => {
  const entries = await entriesOfOrder(deps, order._id)
  const m = orderMoney(entries, order._id)
  const s = order.settlement
  return {
    paidFen: m.paid,
    inEscrowFen: m.inEscrow,
    releasedFen: m.released,
    refundedFen: m.refunded,
    compensatedFen: m.compensated,
    settling:
      !!s &&
      ((s.refundFen > 0 && !s.refundDone) ||
        (s.releaseFen > 0 && !s.releaseDone) ||
        (s.compensationFen > 0 && !s.compensationDone)),
  }
}

/** One order as `viewer` sees it; the handover code only ever reaches the buyer. */
export const toOrderView = async (
  deps: Pick<Deps, 'store' | 'files' | 'secrets' | 'limits'>,
  order: OrderRecord,
  viewer: UserRecord,
): Promise<Order> => {
  const role = roleOf(order, viewer)!
  const users = await loadPublicUsers(deps, [order.buyerId, order.sellerId])
  const cover = order.coverFileId
    ? ((await deps.files.urls([order.coverFileId]))[order.coverFileId] ?? null)
    : null
  const codeVisible = role === 'buyer' && order.state === 'paid'
  const handoverDue = role === 'seller' && order.state === 'paid' && order.fulfilment === 'meetup'
  return {
    id: order._id,
    listingId: order.listingId,
    title: order.title,
    coverUrl: cover,
    buyer: users.get(order.buyerId)!,
    seller: users.get(order.sellerId)!,
    role,
    fulfilment: order.fulfilment,
    state: order.state,
    priceFen: order.priceFen,
    offerId: order.offerId ?? null,
    shippingFen: order.shippingFen,
    totalFen: order.totalFen,
    commissionFen: order.commissionFen,
    sellerReceivesFen: order.totalFen - order.commissionFen,
    address:
      role === 'operator' || !order.address ? null : openShippingAddress(deps, order.address),
    handoverCode: codeVisible ? order.handoverCode : null,
    handoverTriesLeft: handoverDue
      ? (await deps.limits.peek(HANDOVER_TRIES, order._id, 0)).remaining
      : null,
    shipment: shipmentView(order.shipment),
    pickup: pickupView(deps, order.pickup, role === 'seller'),
    refund: order.refund
      ? {
          type: order.refund.type,
          reason: order.refund.reason,
          requestedAt: order.refund.requestedAt,
          sellerNote: order.refund.sellerNote,
          returnAddress:
            role === 'operator' || !order.refund.returnAddress
              ? null
              : openShippingAddress(deps, order.refund.returnAddress),
          returnShipment: shipmentView(order.refund.returnShipment),
          returnPickup: pickupView(deps, order.refund.returnPickup, role === 'buyer'),
          contest: await contestView(deps, order),
        }
      : null,
    compensationCapFen:
      role === 'operator' && actionsOf(order, role).includes('compensate')
        ? compensationCapFen(order)
        : null,
    deadline:
      order.dueTransition && order.dueAt !== null
        ? { transition: order.dueTransition, at: order.dueAt }
        : null,
    actions: actionsOf(order, role),
    money: await moneyOf(deps, order),
    events: order.events,
    createdAt: order.createdAt,
    payBy: payBy(order.createdAt),
  }
}

export const toOrderCards = async (
  deps: Pick<Deps, 'store' | 'files'>,
  orders: OrderRecord[],
  viewer: UserRecord,
): Promise<OrderCard[]> => {
  const users = await loadPublicUsers(
    deps,
    orders.flatMap((o) => [o.buyerId, o.sellerId]),
  )
  const urls = await deps.files.urls(
    orders.map((o) => o.coverFileId).filter((f): f is string => !!f),
  )
  return orders.map((o) => {
    const role = roleOf(o, viewer)!
    return {
      id: o._id,
      listingId: o.listingId,
      title: o.title,
      coverUrl: o.coverFileId ? (urls[o.coverFileId] ?? null) : null,
      role,
      fulfilment: o.fulfilment,
      state: o.state,
      totalFen: o.totalFen,
      createdAt: o.createdAt,
      actions: actionsOf(o, role),
      counterpart: users.get(role === 'seller' ? o.buyerId : o.sellerId)!,
    }
  })
}
