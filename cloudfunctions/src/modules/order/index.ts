/**
 * order: the order process (shared/domain/order-process.ts), checkout, actions, views, timers and
 * order notices. Payments and delivery build on it: they read and write orders through these
 * functions and take transitions; order reaches them only through deps.hooks.
 */
export { act, loadVisibleOrder } from './application/order-actions.use-case'
export { ORDER_JOB_HANDLERS, orderOf, runOrderJobs } from './application/order-jobs'
export { orderTimers } from './application/order-timers.use-case'
export {
  escrowHeldFor,
  loadOrder,
  ordersDueForCourierCheck,
  pageOfOrders,
  purchasesOf,
  salesSince,
  tradePartnersOf,
  updateOrder,
} from './application/order-records'
export { takeTransition, type TransitionRequest } from './application/take-transition'
export { orderFacts, scheduleOf } from './domain/order-facts'
export { JOBS, orderIdOfRefundNo, parsePickupJobKey, type Leg } from './domain/order-job-keys'
export type { PickupRecord, ShipmentRecord, TrackingRecord } from './domain/order-parcels'
export type { OrderRecord, Settlement } from './domain/order.record'
