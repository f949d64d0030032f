import type { Hooks, JobHandler } from './deps'
import { CHAT_JOB_HANDLERS, chatOrderReaction } from './chat'
import {
  creditChatReaction,
  creditOrderReaction,
  creditReviewReaction,
  creditTierOf,
} from './credit'
import { disputeOrderReaction } from './dispute'
import { DELIVERY_JOB_HANDLERS, courierQuotes, pickupReaction } from './delivery'
import { escrowHeldFor, ORDER_JOB_HANDLERS, salesSince } from './order'
import { realNameVerified } from './merchant'
import { offerOrderReaction, offerPrice } from './offer'
import { closePayment, SETTLEMENT_HANDLERS } from './payments'
import { SHARE_JOB_HANDLERS, shareListingReaction, shareOrderReaction } from './share'
import { REVIEW_JOB_HANDLERS, reviewOrderReaction } from './review'
import { isFavorite, isMember } from './social'
import { holdListingsShowingImage } from './listing'
import { RISK_JOB_HANDLERS } from './risk'
import { restrictedUntil } from './report'

/** Every outbox job kind once: two modules claiming one kind would silently lose a handler. */
const oneHandlerPerKind = (...registries: Record<string, JobHandler>[]) => {
  const all: Record<string, JobHandler> = {}
  for (const registry of registries)
    for (const [kind, handler] of Object.entries(registry)) {
      if (kind in all) throw new Error(`outbox job kind ${kind} is registered twice`)
      all[kind] = handler
    }
  return all
}

/**
 * The composition root of the modules: where a higher module answers what a lower one announces
 * or asks (deps.ts says what each hook is for). Containers put this in Deps; nothing else imports it.
 */
export const moduleHooks: Hooks = {
  orderMoved: [
    pickupReaction,
    chatOrderReaction,
    offerOrderReaction,
    shareOrderReaction,
    reviewOrderReaction,
    creditOrderReaction,
    disputeOrderReaction,
  ],
  listingMoved: [shareListingReaction],
  reviewPublished: [creditReviewReaction],
  chatQuestionScored: [creditChatReaction],
  offerPrice,
  quoteFreight: courierQuotes,
  closePayment,
  escrowHeldFor,
  creditTier: creditTierOf,
  isMember,
  isFavorite,
  imageJudged: holdListingsShowingImage,
  realNameVerified,
  salesSince,
  restrictedUntil,
  jobs: oneHandlerPerKind(
    ORDER_JOB_HANDLERS,
    SETTLEMENT_HANDLERS,
    DELIVERY_JOB_HANDLERS,
    CHAT_JOB_HANDLERS,
    SHARE_JOB_HANDLERS,
    REVIEW_JOB_HANDLERS,
    RISK_JOB_HANDLERS,
  ),
}
