import { assertOperator, type UserRecord } from '../../user'
import { assertOwnUploads } from '../../upload'
import { enforceLimit } from '../../core'
import { HANDOVER_PER_SELLER, HANDOVER_TOO_OFTEN } from '../domain/order-limits'
import type { ORDER_TABS } from '@shared/contracts/order.contract'
import type { OrderState, TransitionName } from '@shared/domain/order-process'
import { AppError, ErrorCodes, isAppError } from '@shared/errors/error-codes'
import { canTake } from '@shared/domain/order-process'
import { chinaClock } from '@shared/domain/time'
import type { Deps } from '../../deps'
import type { Filter, PageRequest } from '../../core/ports/document-store.port'
import {
  loadDefaultAddress,
  loadOwnAddress,
  sealShippingAddress,
  type SealedShippingAddress,
} from '../../address'
import { payBy } from '@shared/domain/order-process'
import { OrderLocks, Orders, type OrderRecord, type ReturnContest } from '../domain/order.record'
import { closeUnpaid } from './close-unpaid'
import { paymentUnavailable } from '../../payments/ports/payment-gateway.port'
import { ensurePrepay } from './checkout.use-case'
import { failedJobs, requeueFailedJob, loadJob, type OutboxJobRecord } from '../../outbox'
import { runOrderJobs } from './order-jobs'
import { HANDOVER_TRIES } from '../domain/handover-attempts'
import { writeHandoverLockedNotice } from './order-notices'
import { takeTransition, type TransitionRequest } from './take-transition'
import { roleOf } from './order-views'

/** Loads an order the caller may see (buyer, seller or operator); others get NOT_FOUND. */
export const loadVisibleOrder = async (
  deps: Deps,
  user: UserRecord,
  orderId: string,
): Promise<OrderRecord> => {
  const order = await deps.store.get(Orders, orderId)
  if (!order || !roleOf(order, user)) throw new AppError(ErrorCodes.NOT_FOUND, '订单不存在')
  return order
}

/**
 * A person's transition, then the jobs it queued (money, tracking, WeChat) are attempted at once
 * (the cron worker retries whatever does not go through now), so the buyer usually sees the
 * refund or release under way.
 */
export const act = async (deps: Deps, req: TransitionRequest) => {
  const order = await takeTransition(deps, req)
  await runOrderJobs(deps, order._id).catch(() => undefined)
  return (await deps.store.get(Orders, order._id))!
}

/** The signed parameters for wx.requestPayment (the prepay is created if the first try failed). */
export const payParams = async (deps: Deps, buyer: UserRecord, openid: string, orderId: string) => {
  const order = await loadVisibleOrder(deps, buyer, orderId)
  if (order.buyerId !== buyer._id) throw new AppError(ErrorCodes.NOT_FOUND, '订单不存在')
  if (order.state === 'closed') throw new AppError(ErrorCodes.ORDER_PAYMENT_EXPIRED)
  if (order.state !== 'pending_payment')
    throw new AppError(ErrorCodes.ORDER_WRONG_STATE, '订单已支付')
  if (order.dueAt !== null && deps.clock.now() >= order.dueAt)
    throw new AppError(ErrorCodes.ORDER_PAYMENT_EXPIRED)
  const ready = await ensurePrepay(deps, order, openid)
  try {
    return { params: deps.payments.jsapiPayParams(ready.prepayId!), payBy: payBy(order.createdAt) }
  } catch (e) {
    throw paymentUnavailable(e)
  }
}

/** 取消订单: before paying nothing moves; after paying (not yet shipped or met) a full refund. */
export const cancelOrder = async (deps: Deps, buyer: UserRecord, orderId: string) => {
  const order = await loadVisibleOrder(deps, buyer, orderId)
  if (order.buyerId !== buyer._id) throw new AppError(ErrorCodes.ORDER_WRONG_STATE)
  if (order.state === 'pending_payment')
    return closeUnpaid(deps, order, { name: 'cancelUnpaid', user: buyer })
  return act(deps, { orderId, name: 'cancelPaid', actor: 'buyer', user: buyer })
}

/**
 * 同城面交: the code is compared on the server; a wrong one changes nothing but counts. Only the
 * seller of a paid meetup order can try (so nobody else can lock it), every try is counted before
 * the comparison, and after 5 in an hour the order is locked: ORDER.HANDOVER_LOCKED with the time
 * it reopens, the buyer told under 消息.
 */
export const handOverOrder = async (
  deps: Deps,
  seller: UserRecord,
  orderId: string,
  code: string,
) => {
  const order = await loadVisibleOrder(deps, seller, orderId)
  if (order.sellerId !== seller._id) throw new AppError(ErrorCodes.FORBIDDEN)
  if (!canTake('handOver', order.state, 'seller', order.fulfilment))
    throw new AppError(ErrorCodes.ORDER_WRONG_STATE)
  // Across orders too: one seller cannot sweep codes over many meetups at once.
  await enforceLimit(deps.limits, HANDOVER_PER_SELLER, seller._id, HANDOVER_TOO_OFTEN)
  const tries = await deps.limits.hit(HANDOVER_TRIES, orderId)
  if (!tries.allowed) throw handoverLocked(deps, tries.retryAfterMs)
  try {
    return await act(deps, {
      orderId,
      name: 'handOver',
      actor: 'seller',
      user: seller,
      check: (o) => {
        if (o.handoverCode !== code)
          throw new AppError(ErrorCodes.ORDER_BAD_HANDOVER_CODE, undefined, {
            path: ['code'],
            triesLeft: tries.remaining,
          })
      },
    })
  } catch (e) {
    if (isAppError(e) && e.code === ErrorCodes.ORDER_BAD_HANDOVER_CODE && tries.remaining === 0) {
      const locked = await deps.limits.peek(HANDOVER_TRIES, orderId)
      await writeHandoverLockedNotice(deps, order, deps.clock.now() + locked.retryAfterMs)
    }
    throw e
  }
}

const handoverLocked = (deps: Deps, retryAfterMs: number) =>
  new AppError(
    ErrorCodes.ORDER_HANDOVER_LOCKED,
    `交易码输错次数过多，${chinaClock(deps.clock.now() + retryAfterMs)} 后可再试`,
    {
      reopensAt: deps.clock.now() + retryAfterMs,
      retryAfterMs,
    },
  )

/** Simple person-taken transitions that carry only a note. */
export const simpleAction = (
  deps: Deps,
  user: UserRecord,
  orderId: string,
  name: TransitionName,
  actor: 'buyer' | 'seller',
  note?: string,
) => act(deps, { orderId, name, actor, user, note: note ?? null })

export const requestRefund = (
  deps: Deps,
  buyer: UserRecord,
  orderId: string,
  type: 'refund_only' | 'return',
  reason: string,
) =>
  act(deps, {
    orderId,
    name: 'requestRefund',
    actor: 'buyer',
    user: buyer,
    note: reason,
    patch: (_o, now) => ({
      refund: { type, reason, requestedAt: now, sellerNote: null, returnShipment: null },
    }),
  })

/**
 * The seller's answer: 仅退款 agreed refunds now, 退货退款 agreed waits for the return (to the
 * address the seller names, their default when they name none), refusal goes to an operator.
 */
export const answerRefund = async (
  deps: Deps,
  seller: UserRecord,
  orderId: string,
  answer: 'agree' | 'refuse',
  note?: string,
  returnAddressId?: string,
) => {
  const order = await loadVisibleOrder(deps, seller, orderId)
  const name: TransitionName =
    answer === 'refuse'
      ? 'refuseRefund'
      : order.refund?.type === 'return'
        ? 'agreeReturn'
        : 'agreeRefund'
  let returnAddress: SealedShippingAddress | null = null
  if (name === 'agreeReturn' && order.sellerId === seller._id) {
    const chosen = returnAddressId
      ? await loadOwnAddress(deps, seller._id, returnAddressId)
      : await loadDefaultAddress(deps, seller._id)
    if (!chosen)
      throw new AppError(ErrorCodes.ORDER_RETURN_ADDRESS_REQUIRED, undefined, {
        path: ['returnAddressId'],
      })
    const { city: _city, ...address } = chosen
    returnAddress = sealShippingAddress(deps, address)
  }
  return act(deps, {
    orderId,
    name,
    actor: 'seller',
    user: seller,
    note: note ?? null,
    patch: (o) => ({
      refund: o.refund
        ? { ...o.refund, sellerNote: note ?? null, ...(returnAddress ? { returnAddress } : {}) }
        : null,
    }),
  })
}

/**
 * 未收到退货 / 退货有问题: the seller contests a return that was sent, with a note and photos of their
 * own; the order goes to an operator (disputed) instead of refunding by itself.
 */
export const contestReturn = async (
  deps: Deps,
  seller: UserRecord,
  input: { orderId: string; reason: ReturnContest['reason']; note: string; photoFileIds: string[] },
) => {
  const order = await loadVisibleOrder(deps, seller, input.orderId)
  if (order.sellerId !== seller._id) throw new AppError(ErrorCodes.FORBIDDEN)
  await assertOwnEvidence(deps, seller, input.photoFileIds)
  return act(deps, {
    orderId: input.orderId,
    name: 'contestReturn',
    actor: 'seller',
    user: seller,
    note: input.note,
    patch: (o, now) => ({
      refund: {
        ...o.refund!,
        contest: {
          reason: input.reason,
          note: input.note,
          photoFileIds: input.photoFileIds,
          at: now,
        },
      },
    }),
  })
}

/** Evidence photos must be the seller's own uploads of the evidence kind. */
const assertOwnEvidence = (deps: Deps, seller: UserRecord, photoFileIds: string[]) =>
  assertOwnUploads(
    deps,
    seller._id,
    'evidence',
    photoFileIds.map((fileId, i) => ({ fileId, path: `photoFileIds.${i}` })),
  )

/** Operators decide a dispute; the amounts are checked against the order by the money planner. */
export const resolveDispute = (
  deps: Deps,
  operator: UserRecord,
  orderId: string,
  outcome: 'refund' | 'partial' | 'release',
  note: string,
  refundFen?: number,
) =>
  act(deps, {
    orderId,
    name:
      outcome === 'refund'
        ? 'resolveRefund'
        : outcome === 'partial'
          ? 'resolvePartial'
          : 'resolveRelease',
    actor: 'operator',
    user: operator,
    note,
    amountFen: refundFen,
  })

export const compensateBuyer = (
  deps: Deps,
  operator: UserRecord,
  orderId: string,
  amountFen: number,
  note: string,
) => act(deps, { orderId, name: 'compensate', actor: 'operator', user: operator, note, amountFen })

const TAB_STATES: Record<(typeof ORDER_TABS)[number], OrderState[] | null> = {
  all: null,
  toPay: ['pending_payment'],
  inProgress: ['paid', 'shipped', 'delivered', 'received'],
  refund: ['refund_requested', 'returning', 'disputed', 'refunded', 'compensated'],
  done: ['completed', 'closed'],
}

/** 我买到的 / 我卖出的, newest first, one tab at a time. */
export const listMyOrders = async (
  deps: Deps,
  user: UserRecord,
  input: {
    role: 'buyer' | 'seller'
    tab: (typeof ORDER_TABS)[number]
    cursor?: string
    limit: number
  },
) => {
  const states = TAB_STATES[input.tab]
  const filter: Filter<OrderRecord> =
    input.role === 'buyer' ? { buyerId: user._id } : { sellerId: user._id }
  if (states) filter.state = { $in: states }
  return deps.store.find(Orders, filter, {
    orderBy: { field: '_id', direction: 'desc' },
    limit: input.limit,
    cursor: input.cursor,
  })
}

export const listDisputes = async (deps: Deps, operator: UserRecord, page: PageRequest) => {
  assertOperator(operator)
  return deps.store.find(
    Orders,
    { state: 'disputed' },
    { orderBy: { field: '_id', direction: 'asc' }, ...page },
  )
}

/** 异常任务: the order jobs that failed for good (refunds, releases, courier and WeChat calls). */
export const listFailedJobs = async (deps: Deps, operator: UserRecord, page: PageRequest) => {
  assertOperator(operator)
  return failedJobs(deps, page)
}

/** 重试: the job goes back in the queue and is tried at once; answers where it now stands. */
export const retryFailedJob = async (
  deps: Deps,
  operator: UserRecord,
  jobId: string,
): Promise<OutboxJobRecord> => {
  assertOperator(operator)
  const requeued = await requeueFailedJob(deps, jobId)
  if (!requeued) throw new AppError(ErrorCodes.ORDER_WRONG_STATE, '任务不存在或已在重试')
  await runOrderJobs(deps, requeued.orderId ?? undefined).catch(() => undefined)
  return (await loadJob(deps, jobId))!
}

/** Whether a listing is held by a live order, and the caller's own live order for it. */
export const orderForListing = async (deps: Deps, listingId: string, viewer: UserRecord | null) => {
  const lock = await deps.store.get(OrderLocks, listingId)
  const mine = lock && viewer ? await deps.store.get(Orders, lock.orderId) : null
  let myOrderId = mine && mine.buyerId === viewer?._id ? mine._id : null
  if (!myOrderId && viewer) {
    const service = await deps.store.get(OrderLocks, `${listingId}:${viewer._id}`)
    myOrderId = service?.orderId ?? null
  }
  return { reserved: !!lock, myOrderId }
}
