import type { Hooks } from './deps'
import { CHAT_JOB_HANDLERS, chatOrderReaction } from './chat'
import { DELIVERY_JOB_HANDLERS, courierQuotes, pickupReaction } from './delivery'
import { escrowHeldFor, ORDER_JOB_HANDLERS } from './order'
import { offerOrderReaction, offerPrice } from './offer'
import { closePayment, SETTLEMENT_HANDLERS } from './payments'
import { isFavorite, isMember } from './social'

/**
 * The composition root of the modules: where a higher module answers what a lower one announces
 * or asks (deps.ts says what each hook is for). Containers put this in Deps; nothing else imports it.
 */
export const moduleHooks: Hooks = {
  orderMoved: [pickupReaction, chatOrderReaction, offerOrderReaction],
  offerPrice,
  quoteFreight: courierQuotes,
  closePayment,
  escrowHeldFor,
  isMember,
  isFavorite,
  jobs: {
    ...ORDER_JOB_HANDLERS,
    ...SETTLEMENT_HANDLERS,
    ...DELIVERY_JOB_HANDLERS,
    ...CHAT_JOB_HANDLERS,
  },
}
