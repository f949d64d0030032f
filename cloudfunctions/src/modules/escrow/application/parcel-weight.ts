import type { CategoryId } from '@shared/domain/listing'
import type { ListingRecord } from '../../listing/domain/listing.record'

// TEMPORARY: replaced by the listing's own weight (helper work in freight-quote.use-case.ts).
const TYPICAL_KG: Partial<Record<CategoryId, number>> = { furniture: 20, appliance: 8, sports: 5, books: 2, baby: 3 }
export const parcelWeightKg = (listing: ListingRecord) => TYPICAL_KG[listing.category as CategoryId] ?? 1
