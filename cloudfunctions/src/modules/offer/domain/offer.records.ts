import type { OfferParty, OfferState } from '@shared/domain/offer-process'
import { defineCollection } from '../../core/ports/document-store.port'

/** One proposed price: who put it on the table, and when. */
export interface OfferMove {
  by: OfferParty
  priceFen: number
  at: number
}

/**
 * An offer (议价) as stored. The state moves only by compare-and-set on `version`, along
 * shared/domain/offer-process.ts; `priceFen` is the price on the table, the agreed one once
 * accepted, and the only price a checkout with this offer may charge.
 */
export interface OfferRecord {
  _id: string
  listingId: string
  buyerId: string
  sellerId: string
  state: OfferState
  priceFen: number
  proposedBy: OfferParty
  history: OfferMove[]
  /** Awaiting: the expiry; accepted: the checkout deadline; null once over (the sweep's index). */
  dueAt: number | null
  /** Set when the platform declined it (below the floor): what the buyer is told, never the floor. */
  declineReason: string | null
  /** The paid order that spent it. */
  orderId: string | null
  createdAt: number
  updatedAt: number
  version: number
}

/**
 * The buyer's one live offer on a listing, keyed `${listingId}:${buyerId}`: inserted in the make
 * transaction (a second make conflicts), removed in the transaction that ends the offer.
 */
export interface LiveOfferRecord {
  _id: string
  offerId: string
  createdAt: number
}

/** The seller's floor for a listing, keyed by listing id: private to the seller. */
export interface OfferFloorRecord {
  _id: string
  sellerId: string
  floorFen: number
  updatedAt: number
}

export const Offers = defineCollection<OfferRecord>('offers', [
  // A listing's offers, and one buyer's on it, newest first (ids are time-ordered).
  { name: 'listing', fields: [{ field: 'listingId' }, { field: '_id', direction: 'desc' }] },
  {
    name: 'listing_buyer',
    fields: [{ field: 'listingId' }, { field: 'buyerId' }, { field: '_id', direction: 'desc' }],
  },
  { name: 'buyer', fields: [{ field: 'buyerId' }, { field: '_id', direction: 'desc' }] },
  // The timer sweep: live offers whose deadline has passed (ended ones have none).
  { name: 'due', fields: [{ field: 'dueAt' }] },
])
export const LiveOffers = defineCollection<LiveOfferRecord>('offer_live')
export const OfferFloors = defineCollection<OfferFloorRecord>('offer_floors')

export const liveOfferKey = (listingId: string, buyerId: string) => `${listingId}:${buyerId}`
