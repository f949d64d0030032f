/**
 * offer: 议价 on a listing (shared/domain/offer-process.ts): offers, counters, the seller's floor,
 * one live offer per buyer and listing, the offer timers, the agreed price checkout charges
 * (the `offerPrice` hook) and the offer spent when its order is paid.
 */
export { expireOffers } from './application/expire-offers.use-case'
export { offerPrice } from './application/offer-price'
export { offerOrderReaction } from './application/order-reaction'
