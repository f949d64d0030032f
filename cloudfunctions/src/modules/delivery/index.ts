/**
 * delivery: parcels by courier (ports/courier.port, kuaidi100): freight quotes, 上门取件 bookings,
 * waybills, tracking and polling. It reacts to order moves (calls off bookings left behind).
 */
export { pollTracking } from './application/courier-poll'
export { DELIVERY_JOB_HANDLERS } from './application/delivery-jobs'
export { courierQuotes } from './application/freight-quote.use-case'
export { pickupReaction } from './application/pickup-records'
