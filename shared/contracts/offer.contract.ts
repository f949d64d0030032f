import { z } from 'zod'
import { OFFER_STATES, OFFER_TRANSITIONS, type OfferTransitionName } from '../domain/offer-process'
import { ErrorCodes } from '../errors/error-codes'
import { IdSchema, PublicUserSchema, pageOf, PageQuerySchema } from './common.schema'
import { defineContract } from './define-contract'

const OFFER_ACTIONS = [...new Set(OFFER_TRANSITIONS.map((t) => t.name))] as [
  OfferTransitionName,
  ...OfferTransitionName[],
]

/** A price in fen; the server checks it against the listed price (below it, at least 1 fen). */
const PriceFenSchema = z.number().int('金额须为整数（分）').max(100_000_000_00, '金额过大')

export const OfferSchema = z.object({
  id: IdSchema,
  listingId: IdSchema,
  /** The buyer who made it (the seller sees each offer's buyer). */
  buyer: PublicUserSchema,
  /** How the viewer relates to the offer. */
  role: z.enum(['buyer', 'seller']),
  state: z.enum(OFFER_STATES),
  /** The price on the table: the latest proposal, or the agreed one once accepted. */
  priceFen: z.number().int(),
  proposedBy: z.enum(['buyer', 'seller']),
  /** Every price proposed, oldest first. */
  history: z.array(
    z.object({ by: z.enum(['buyer', 'seller']), priceFen: z.number().int(), at: z.number().int() }),
  ),
  /** Awaiting: when it expires; accepted: the checkout deadline; null once it is over. */
  dueAt: z.number().int().nullable(),
  /** Why it was declined when the platform declined it (never the seller's floor). */
  declineReason: z.string().nullable(),
  /** The order that spent it. */
  orderId: IdSchema.nullable(),
  /** What the viewer may do now (offerActionsFor): the card's buttons. */
  actions: z.array(z.enum(OFFER_ACTIONS)),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
})
export type Offer = z.infer<typeof OfferSchema>

const OfferRef = z.object({ offerId: IdSchema }).strict()
const MOVE_ERRORS = [ErrorCodes.OFFER_WRONG_STATE, ErrorCodes.OFFER_EXPIRED]

export const OfferContract = defineContract('offer', {
  make: {
    summary:
      '议价: the caller offers a price below the listed one; one live offer per buyer and listing.',
    auth: 'user',
    input: z.object({ listingId: IdSchema, priceFen: PriceFenSchema }).strict(),
    output: OfferSchema,
    errors: [
      ErrorCodes.OFFER_PRICE_INVALID,
      ErrorCodes.OFFER_OWN_LISTING,
      ErrorCodes.OFFER_LISTING_UNAVAILABLE,
      ErrorCodes.OFFER_ALREADY_LIVE,
    ],
  },
  accept: {
    summary: "Accepts the other party's price: the buyer may check out at it within 24 hours.",
    auth: 'user',
    input: OfferRef,
    output: OfferSchema,
    errors: [...MOVE_ERRORS, ErrorCodes.OFFER_LISTING_UNAVAILABLE],
  },
  decline: {
    summary: "Declines the other party's price: the negotiation ends.",
    auth: 'user',
    input: OfferRef,
    output: OfferSchema,
    errors: MOVE_ERRORS,
  },
  counter: {
    summary: "Answers the other party's price with another one (改价 / 还价).",
    auth: 'user',
    input: z.object({ offerId: IdSchema, priceFen: PriceFenSchema }).strict(),
    output: OfferSchema,
    errors: [
      ...MOVE_ERRORS,
      ErrorCodes.OFFER_PRICE_INVALID,
      ErrorCodes.OFFER_SAME_PRICE,
      ErrorCodes.OFFER_LISTING_UNAVAILABLE,
    ],
  },
  withdraw: {
    summary: 'The buyer takes an unanswered offer back.',
    auth: 'user',
    input: OfferRef,
    output: OfferSchema,
    errors: MOVE_ERRORS,
  },
  get: {
    summary:
      'One offer, for its buyer and seller (the chat card and checkout at the agreed price).',
    auth: 'user',
    input: OfferRef,
    output: OfferSchema,
    errors: [],
  },
  forListing: {
    summary:
      "A listing's offers, newest first: the seller sees all of them (or one buyer's), anyone else their own.",
    auth: 'user',
    input: PageQuerySchema.extend({
      listingId: IdSchema,
      /** The seller's view of one conversation: that buyer's offers only (others ignore it). */
      buyerId: IdSchema.optional(),
    }).strict(),
    output: pageOf(OfferSchema),
    errors: [],
  },
  setFloor: {
    summary:
      "The seller's floor for a listing: offers below it are declined at once (null removes it).",
    auth: 'user',
    input: z.object({ listingId: IdSchema, floorFen: PriceFenSchema.nullable() }).strict(),
    output: z.object({ listingId: IdSchema, floorFen: z.number().int().nullable() }),
    errors: [ErrorCodes.OFFER_PRICE_INVALID],
  },
})
