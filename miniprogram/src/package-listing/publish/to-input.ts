import type { CreateListingInput } from '@shared/contracts/listing.contract'
import { parseYuanToFen } from '@shared/domain/money'
import type { LocationValue } from '@/components/LocationField'
import type { PhotoItem } from '@/components/PhotoGrid'
import type { PublishFields } from './draft'

/** Form field that shows the message for a contract path ("location.latitude" → "location"). */
export const fieldOfPath = (path: string): string => {
  const head = path.split('.')[0] ?? ''
  return ({ priceFen: 'price', originalPriceFen: 'originalPrice', photoFileIds: 'photos' } as Record<string, string>)[head] ?? head
}

export const FORM_FIELDS = ['photos', 'title', 'description', 'price', 'originalPrice', 'category', 'condition', 'location'] as const

/**
 * The contract's input from what the form holds. Unparseable prices become NaN so the contract's
 * own number rule reports them; the text rules stay in the contract.
 */
export const toCreateInput = (
  fields: PublishFields,
  photos: PhotoItem[],
  location: LocationValue | null,
): CreateListingInput => {
  const fen = (text: string | undefined) => (text ? (parseYuanToFen(text) ?? Number.NaN) : undefined)
  const original = fen(fields.originalPrice)
  return {
    title: fields.title ?? '',
    description: fields.description ?? '',
    priceFen: fen(fields.price) ?? Number.NaN,
    originalPriceFen: original === undefined ? null : original,
    category: (fields.category ?? '') as CreateListingInput['category'],
    condition: (fields.condition ?? '') as CreateListingInput['condition'],
    photoFileIds: photos.filter((p) => p.fileId).map((p) => p.fileId!),
    location: location
      ? {
          latitude: location.point.latitude,
          longitude: location.point.longitude,
          city: location.city,
          district: location.district,
        }
      : (undefined as never),
  }
}
