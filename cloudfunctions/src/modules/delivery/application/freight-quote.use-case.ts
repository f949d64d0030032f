import { enforceLimit, callerKey } from '../../core'
import {
  FREIGHT_QUOTE_PER_ADDRESS,
  FREIGHT_QUOTE_PER_USER,
  FREIGHT_QUOTE_TOO_OFTEN,
} from '../domain/delivery.limits'
import { courierCompany } from '@shared/domain/couriers'
import { typicalParcelKg } from '@shared/domain/typical-items'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import type { FreightQuote } from '../ports/courier.port'
import { loadOwnAddress } from '../../address'
import { loadListing, type ListingRecord } from '../../listing'
import type { UserRecord } from '../../user'

/**
 * The weight a quote is asked for: the seller's own, else what an item of the listing's
 * subcategory (or category) typically weighs packed, so a cup is not quoted like a sofa.
 */
export const parcelWeightKg = (
  listing: Pick<ListingRecord, 'category' | 'subcategory' | 'trade'>,
): number =>
  listing.trade?.shipping?.weightKg ?? typicalParcelKg(listing.category, listing.subcategory)

/**
 * What couriers charge for the listing's parcel from its city to `toCity`, cheapest first. The one
 * place both the estimate and checkout ask; it throws when the courier does not answer.
 */
export const courierQuotes = async (
  deps: Deps,
  listing: ListingRecord,
  toCity: string,
): Promise<FreightQuote[]> => {
  const raw = await deps.courier.quote({
    fromCity: listing.city,
    toCity,
    weightKg: parcelWeightKg(listing),
  })
  return raw
    .map((q) => ({
      company: courierCompany(q.company)?.name ?? q.company,
      companyCode: q.company,
      priceFen: q.priceFen,
    }))
    .sort((a, b) => a.priceFen - b.priceFen)
}

/**
 * 运费估算: what couriers charge from the listing's city to the buyer's, cheapest first. The
 * destination is a saved address of the caller, a city they name, or their home city. When the
 * aggregator does not answer, the quote is empty rather than an error: it is an estimate.
 */
export const freightQuote = async (
  deps: Deps,
  viewer: UserRecord | null,
  input: { listingId: string; toCity?: string; addressId?: string },
  ip: string | null,
) => {
  // Public, and each call costs a kuaidi100 request: limited per user, or per address when anonymous.
  const rule = viewer ? FREIGHT_QUOTE_PER_USER : FREIGHT_QUOTE_PER_ADDRESS
  await enforceLimit(deps.limits, rule, callerKey(viewer?._id ?? null, ip), FREIGHT_QUOTE_TOO_OFTEN)
  const listing = await loadListing(deps.store, input.listingId)
  if (!listing || listing.status === 'draft') throw new AppError(ErrorCodes.NOT_FOUND, '宝贝不存在')
  let toCity = input.toCity ?? viewer?.city ?? listing.city
  if (input.addressId) {
    if (!viewer) throw new AppError(ErrorCodes.UNAUTHENTICATED)
    toCity = (await loadOwnAddress(deps, viewer._id, input.addressId)).city
  }
  let quotes: FreightQuote[] = []
  try {
    quotes = await courierQuotes(deps, listing, toCity)
  } catch {
    // No estimate now; the listing's own shipping terms still apply.
  }
  return { fromCity: listing.city, toCity, weightKg: parcelWeightKg(listing), quotes }
}
