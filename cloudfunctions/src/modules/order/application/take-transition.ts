import { updateIfUnchanged } from '../../core'
import { commissionFen, DEFAULT_COMMISSION } from '@shared/domain/commission'
import { formatFen } from '@shared/domain/money'
import { LISTING_LIFETIME_MS } from '@shared/domain/listing-lifecycle'
import { canTake, transition, type Actor, type TransitionName } from '@shared/domain/order-process'
import { AppError, ErrorCodes, isAppError } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import type { TransactionOps } from '../../core/ports/document-store.port'
import { updateListingIn, loadListing, type ListingRecord } from '../../listing'
import { enqueue } from '../../outbox'
import type { OrderMessageTemplates } from '../../messaging/ports/wechat-api.port'
import type { UserRecord } from '../../user'
import { JOBS } from '../domain/order-job-keys'
import { orderFacts, scheduleOf } from '../domain/order-facts'
import { roleOf } from '../domain/order-roles'
import { Orders, type OrderRecord, type Settlement } from '../domain/order.record'
import { freeHolds, isOver } from './order-holds'
import { writeOrderNotices } from './order-notices'

export interface TransitionRequest {
  orderId: string
  name: TransitionName
  actor: Actor
  /** The person taking it; null for the system (timers, WeChat Pay). */
  user: UserRecord | null
  note?: string | null
  /** Refused unless this holds for the loaded order (e.g. the handover code matches). */
  check?: (order: OrderRecord) => void
  /** Fields written with the state change (shipment, refund request, payment ids…). */
  patch?: (order: OrderRecord, now: number) => Partial<OrderRecord>
  /** Operators' partial refund / compensation amount. */
  amountFen?: number
  /** More writes that must land in the same transaction (the ledger entry of a payment). */
  alsoInTx?: (tx: TransactionOps, next: OrderRecord) => Promise<void>
}

/**
 * Identity comes from the context: a buyer action needs the buyer, a seller action the seller.
 * Someone who cannot see the order at all is told it does not exist.
 */
const authorize = (order: OrderRecord, actor: Actor, user: UserRecord | null) => {
  if (actor === 'system') return
  const role = roleOf(order, user)
  if (!role) throw new AppError(ErrorCodes.NOT_FOUND, '订单不存在')
  // An operator who bought or sold this order is a party to it: they cannot decide it themselves.
  const allowed = actor === 'operator' ? role === 'operator' : role === actor
  if (!allowed) throw new AppError(ErrorCodes.FORBIDDEN)
}

const wrongState = () => new AppError(ErrorCodes.ORDER_WRONG_STATE)

/**
 * What a transition does with the money, decided now and carried out by the outbox: the amounts
 * are fixed in `settlement` so a retry or a crash can never change them.
 */
const planMoney = (
  order: OrderRecord,
  req: TransitionRequest,
  releaseNotBefore: number | null,
): { settlement?: Settlement; jobs: ('refund' | 'release' | 'compensate')[] } => {
  const hold = releaseNotBefore === null ? {} : { releaseNotBefore }
  const base = order.settlement ?? {
    refundFen: 0,
    releaseFen: 0,
    commissionFen: 0,
    refundDone: false,
    releaseDone: false,
    compensationFen: 0,
    compensationDone: false,
  }
  switch (transition(req.name).money) {
    case 'refund_full':
      return { settlement: { ...base, refundFen: order.totalFen }, jobs: ['refund'] }
    case 'release':
      return {
        settlement: {
          ...base,
          releaseFen: order.totalFen,
          commissionFen: order.commissionFen,
          ...hold,
        },
        jobs: ['release'],
      }
    case 'refund_partial': {
      const refundFen = req.amountFen ?? 0
      if (refundFen < 1 || refundFen >= order.totalFen)
        throw new AppError(
          ErrorCodes.ORDER_REFUND_TOO_LARGE,
          '部分退款须少于实付金额；全额退款请选择「全额退款」',
        )
      const releaseFen = order.totalFen - refundFen
      // The commission follows what the seller actually keeps, by the policy fixed at checkout
      // (a 极好 seller's discount too), and never more than was fixed then.
      const commission = Math.min(
        order.commissionFen,
        commissionFen(releaseFen, order.commissionPolicy ?? DEFAULT_COMMISSION),
      )
      // The release waits for the refund (see settle-money): the refund job goes first.
      return {
        settlement: { ...base, refundFen, releaseFen, commissionFen: commission, ...hold },
        jobs: ['refund'],
      }
    }
    case 'compensate': {
      const amount = req.amountFen ?? 0
      const capFen = compensationCapFen(order)
      if (amount < 1 || amount > capFen) {
        throw new AppError(
          ErrorCodes.ORDER_COMPENSATION_TOO_HIGH,
          `赔付金额最多 ${formatFen(capFen)}（实付减去已退款）`,
          { capFen, path: ['amountFen'] },
        )
      }
      const attempt = (base.compensationAttempt ?? 0) + 1
      return {
        settlement: {
          ...base,
          compensationFen: amount,
          compensationDone: false,
          compensationAttempt: attempt,
        },
        jobs: ['compensate'],
      }
    }
    default:
      return { jobs: [] }
  }
}

/**
 * When a release may go to WeChat Pay: a low credit tier's seller waits longer after the buyer
 * confirms (CreditTiers port, read now on the server); null when there is no hold.
 */
const payoutHoldUntil = async (
  deps: Deps,
  order: OrderRecord,
  t: ReturnType<typeof transition>,
  now: number,
): Promise<number | null> => {
  if (t.money !== 'release' && t.money !== 'refund_partial') return null
  const tier = await deps.hooks.creditTier(deps, order.sellerId)
  return tier.payoutHoldMs > 0 ? now + tier.payoutHoldMs : null
}

/** 先行赔付 pays at most what the buyer paid less what was already refunded to them. */
export const compensationCapFen = (order: OrderRecord) =>
  order.totalFen - (order.settlement?.refundDone ? order.settlement.refundFen : 0)

const jobKey = (job: 'refund' | 'release' | 'compensate', order: OrderRecord) =>
  job === 'compensate'
    ? JOBS.compensate.key(order._id, order.settlement?.compensationAttempt)
    : JOBS[job].key(order._id)

/** The listing follows its order: sold once paid, back on sale if cancelled before it left; checkout's holds are freed. */
const moveListing = async (
  tx: TransactionOps,
  deps: Pick<Deps, 'search'>,
  order: OrderRecord,
  next: OrderRecord,
  now: number,
) => {
  await freeHolds(tx, order, next)
  const over = isOver(next.state)
  if (order.fulfilment === 'service') return
  const listing = await loadListing(tx, order.listingId)
  if (!listing) return
  const patch: Partial<ListingRecord> = {}
  if (next.state === 'paid' && listing.status === 'active')
    Object.assign(patch, { status: 'sold', soldAt: now, expiresAt: null })
  const cancelledBeforeLeaving = order.state === 'paid' && next.state === 'refunded'
  // Back on sale with a fresh 30 days, or it would stay up forever (sold listings have no expiry).
  if (cancelledBeforeLeaving && listing.status === 'sold')
    Object.assign(patch, {
      status: 'active',
      soldAt: null,
      expiresAt: now + LISTING_LIFETIME_MS,
      remindedFor: null,
    })
  if (over && listing.heldBy === order._id) patch.heldBy = null
  if (Object.keys(patch).length)
    await updateListingIn(tx, deps, listing, { ...patch, updatedAt: now })
}

/** WeChat's side of a step: the shipping upload for handovers and services, and subscribe messages. */
const MESSAGE_ON: Partial<Record<TransitionName, keyof OrderMessageTemplates>> = {
  pay: 'orderPaid',
  ship: 'orderShipped',
  deliver: 'orderDelivered',
  deliverService: 'orderDelivered',
}
const enqueueFollowUps = async (
  tx: TransactionOps,
  order: OrderRecord,
  name: TransitionName,
  now: number,
) => {
  const id = order._id
  if (name === 'handOver' || name === 'deliverService') {
    await enqueue(tx, {
      key: JOBS.shippingInfo.key(id),
      kind: JOBS.shippingInfo.kind,
      orderId: id,
      at: now,
    })
  }
  const event = MESSAGE_ON[name]
  if (event)
    await enqueue(tx, {
      key: JOBS.message.key(event, id, now),
      kind: JOBS.message.kind,
      orderId: id,
      at: now,
    })
}

/**
 * Takes one transition of the order process: actor and state checked against order-process.ts,
 * written by compare-and-set on `version` together with its timer, ledger/outbox work, listing
 * and notices. A racing second request finds the state moved on and gets ORDER.WRONG_STATE, so
 * a double tap or a duplicate callback has one effect.
 */
export const takeTransition = async (deps: Deps, req: TransitionRequest): Promise<OrderRecord> => {
  for (let attempt = 0; ; attempt++) {
    const order = await deps.store.get(Orders, req.orderId)
    if (!order) throw new AppError(ErrorCodes.NOT_FOUND, '订单不存在')
    authorize(order, req.actor, req.user)
    if (!canTake(req.name, order.state, req.actor, order.fulfilment)) throw wrongState()
    req.check?.(order)
    const now = deps.clock.now()
    const patched = req.patch?.(order, now) ?? {}
    // The guard is judged on the order as the step leaves it (a courier's collection ends its booking).
    if (
      !canTake(
        req.name,
        order.state,
        req.actor,
        order.fulfilment,
        orderFacts({ ...order, ...patched }),
      )
    )
      throw wrongState()
    const t = transition(req.name)
    const { settlement, jobs } = planMoney(order, req, await payoutHoldUntil(deps, order, t, now))
    // The move is announced: other modules add what follows from it (delivery calls off a courier
    // booked for the state being left), judged on the order as the step leaves it.
    let extra: Partial<OrderRecord> = patched
    for (const r of deps.hooks.orderMoved)
      extra = { ...extra, ...r.patch?.({ ...order, ...extra }, t.to, now) }
    const moved: Partial<OrderRecord> = {
      ...extra,
      state: t.to,
      ...(settlement ? { settlement } : {}),
      events: [
        ...order.events,
        { transition: req.name, at: now, actor: req.actor, note: req.note ?? null },
      ],
      updatedAt: now,
    }
    // The timer the graph runs for the order as it is after this step.
    const patch: Partial<OrderRecord> = { ...moved, ...scheduleOf({ ...order, ...moved }) }
    try {
      return await deps.store.transaction(async (tx) => {
        const next = await updateIfUnchanged(tx, Orders, order._id, order, patch)
        for (const job of jobs)
          await enqueue(tx, {
            key: jobKey(job, next),
            kind: JOBS[job].kind,
            orderId: order._id,
            at: job === 'release' ? Math.max(now, settlement?.releaseNotBefore ?? now) : now,
          })
        await moveListing(tx, deps, order, next, now)
        await writeOrderNotices(tx, next, req.name, now)
        await enqueueFollowUps(tx, next, req.name, now)
        for (const r of deps.hooks.orderMoved) await r.inTx?.(tx, next, now)
        await req.alsoInTx?.(tx, next)
        return next
      })
    } catch (e) {
      // Someone else moved the order first: look again (the state may still allow this step).
      if (isAppError(e) && e.code === ErrorCodes.CONFLICT && attempt < 3) continue
      throw e
    }
  }
}
