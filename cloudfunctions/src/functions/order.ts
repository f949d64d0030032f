import { OrderContract } from '@shared/contracts/order.contract'
import { syncPayment } from '../modules/payments/application/apply-payment.use-case'
import { checkout } from '../modules/order/application/checkout.use-case'
import { freightQuote } from '../modules/delivery/application/freight-quote.use-case'
import {
  answerRefund,
  cancelOrder,
  compensateBuyer,
  contestReturn,
  handOverOrder,
  listDisputes,
  listFailedJobs,
  retryFailedJob,
  listMyOrders,
  loadVisibleOrder,
  orderForListing,
  payParams,
  requestRefund,
  resolveDispute,
  simpleAction,
} from '../modules/order/application/order-actions.use-case'
import { shipOrder, shipReturn } from '../modules/delivery/application/ship.use-case'
import { detectCourier } from '../modules/delivery/application/detect-courier.use-case'
import { toOrderCards, toOrderView } from '../modules/order/application/order-views'
import {
  bookPickup,
  cancelPickup,
  pickupQuote,
} from '../modules/delivery/application/pickup.use-case'
import { runOrderJobs } from '../modules/order/application/order-jobs'
import { Orders } from '../modules/order/domain/order.record'
import type { OutboxJobRecord } from '../modules/outbox/domain/outbox-job.record'
import type { OrderRecord } from '../modules/order/domain/order.record'
import { createHandler, type RouteContext, type UserCaller } from '../platform/create-handler'

type Ctx = RouteContext<UserCaller>
const jobView = (j: OutboxJobRecord) => ({
  id: j._id,
  kind: j.kind,
  orderId: j.orderId,
  status: j.status,
  attempts: j.attempts,
  lastError: j.lastError,
  createdAt: j.createdAt,
})
const view = (ctx: Ctx) => (order: OrderRecord) => toOrderView(ctx.deps, order, ctx.caller.user)
/** After a booking or a cancel, its courier call is tried at once (the cron worker retries), then the order as it now is. */
const afterCourierStep = async (ctx: Ctx, order: OrderRecord) => {
  await runOrderJobs(ctx.deps, order._id).catch(() => undefined)
  return view(ctx)((await ctx.deps.store.get(Orders, order._id))!)
}

/** order: checkout, payment and the escrowed order process (ARCHITECTURE.md §5–6). */
export const main = createHandler(OrderContract, {
  terms: async (_input, { deps }) => ({ commission: deps.escrow.commission }),
  messageTemplates: async (_input, { deps }) => ({ templates: { ...deps.wechatApi.templates } }),
  freightQuote: async (input, { caller, deps }) =>
    freightQuote(deps, caller.user, input, caller.ip),
  checkout: async (input, ctx) =>
    view(ctx)(await checkout(ctx.deps, ctx.caller.user, ctx.caller.openid, input)),
  pay: async ({ orderId }, { caller, deps }) =>
    payParams(deps, caller.user, caller.openid, orderId),
  syncPayment: async ({ orderId }, ctx) =>
    view(ctx)(await syncPayment(ctx.deps, ctx.caller.user, orderId)),
  get: async ({ orderId }, ctx) =>
    view(ctx)(await loadVisibleOrder(ctx.deps, ctx.caller.user, orderId)),
  mine: async (input, { caller, deps }) => {
    const page = await listMyOrders(deps, caller.user, input)
    return { items: await toOrderCards(deps, page.items, caller.user), nextCursor: page.nextCursor }
  },
  forListing: async ({ listingId }, { caller, deps }) =>
    orderForListing(deps, listingId, caller.user),
  cancel: async ({ orderId }, ctx) =>
    view(ctx)(await cancelOrder(ctx.deps, ctx.caller.user, orderId)),
  ship: async ({ orderId, ...waybill }, ctx) =>
    view(ctx)(await shipOrder(ctx.deps, ctx.caller.user, orderId, waybill)),
  detectCourier: async (input, { caller, deps }) => detectCourier(deps, caller.user, input),
  handOver: async ({ orderId, code }, ctx) =>
    view(ctx)(await handOverOrder(ctx.deps, ctx.caller.user, orderId, code)),
  deliverService: async ({ orderId }, ctx) =>
    view(ctx)(await simpleAction(ctx.deps, ctx.caller.user, orderId, 'deliverService', 'seller')),
  confirm: async ({ orderId }, ctx) =>
    view(ctx)(await simpleAction(ctx.deps, ctx.caller.user, orderId, 'confirm', 'buyer')),
  requestRefund: async ({ orderId, type, reason }, ctx) =>
    view(ctx)(await requestRefund(ctx.deps, ctx.caller.user, orderId, type, reason)),
  answerRefund: async ({ orderId, answer, note, returnAddressId }, ctx) =>
    view(ctx)(
      await answerRefund(ctx.deps, ctx.caller.user, orderId, answer, note, returnAddressId),
    ),
  pickupQuote: async ({ orderId, addressId }, { caller, deps }) =>
    pickupQuote(deps, caller.user, orderId, addressId),
  bookPickup: async (input, ctx) =>
    afterCourierStep(ctx, await bookPickup(ctx.deps, ctx.caller.user, input)),
  cancelPickup: async ({ orderId }, ctx) =>
    afterCourierStep(ctx, await cancelPickup(ctx.deps, ctx.caller.user, orderId)),
  shipReturn: async ({ orderId, ...waybill }, ctx) =>
    view(ctx)(await shipReturn(ctx.deps, ctx.caller.user, orderId, waybill)),
  contestReturn: async (input, ctx) =>
    view(ctx)(await contestReturn(ctx.deps, ctx.caller.user, input)),
  receiveReturn: async ({ orderId }, ctx) =>
    view(ctx)(await simpleAction(ctx.deps, ctx.caller.user, orderId, 'receiveReturn', 'seller')),
  failedJobs: async (page, { caller, deps }) => {
    const result = await listFailedJobs(deps, caller.user, page)
    return { items: result.items.map(jobView), nextCursor: result.nextCursor }
  },
  retryJob: async ({ jobId }, { caller, deps }) =>
    jobView(await retryFailedJob(deps, caller.user, jobId)),
  disputes: async (page, { caller, deps }) => {
    const result = await listDisputes(deps, caller.user, page)
    return {
      items: await toOrderCards(deps, result.items, caller.user),
      nextCursor: result.nextCursor,
    }
  },
  resolve: async ({ orderId, outcome, refundFen, note }, ctx) =>
    view(ctx)(await resolveDispute(ctx.deps, ctx.caller.user, orderId, outcome, note, refundFen)),
  compensate: async ({ orderId, amountFen, note }, ctx) =>
    view(ctx)(await compensateBuyer(ctx.deps, ctx.caller.user, orderId, amountFen, note)),
})
