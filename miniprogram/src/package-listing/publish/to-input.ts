import type { CreateListingInput, ListingDetail } from '@shared/contracts/listing.contract'
import { SERVICE_CATEGORY } from '@shared/domain/listing'
import { formatFen, parseYuanInput } from '@shared/domain/money'
import type { QualityInput } from '@shared/domain/listing-quality'
import type { LocationValue } from '@/components/LocationField'
import type { PhotoItem } from '@/components/PhotoGrid'
import type { ListingKindChoice, PublishFields } from './draft'

/** Form field that shows the message for a contract path ("location.latitude" → "location"). */
export const fieldOfPath = (path: string): string => {
  if (path === 'trade.shipping.weightKg') return 'weight'
  if (path.startsWith('trade.shipping')) return 'shippingFee'
  if (path === 'service.unit') return 'serviceUnit'
  if (path === 'service.radiusKm') return 'serviceRadius'
  if (path.startsWith('service')) return 'serviceStandard'
  const head = path.split('.')[0] ?? ''
  return (
    (
      {
        priceFen: 'price',
        originalPriceFen: 'originalPrice',
        photoFileIds: 'photos',
        trade: 'tradeMethods',
        videoFileId: 'video',
        communityIds: 'communities',
      } as Record<string, string>
    )[head] ?? head
  )
}

export const FORM_FIELDS = [
  'photos',
  'title',
  'description',
  'price',
  'originalPrice',
  'category',
  'subcategory',
  'condition',
  'tradeMethods',
  'shippingFee',
  'weight',
  'serviceUnit',
  'serviceRadius',
  'serviceStandard',
  'location',
] as const

export interface PublishExtras {
  kind: ListingKindChoice
  videoFileId: string | null
  communityIds: string[]
  /** false saves a draft only the seller sees. */
  publish: boolean
}

// Too many digits reads as an amount over the cap, so the field says its maximum, not "not a number".
const fen = (text: string | undefined) => (text ? (parseYuanInput(text) ?? Number.NaN) : undefined)
const decimal = (text: string | undefined) =>
  text && /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : Number.NaN
/** Blank is "not stated" (left out, so the contract says whether it is needed), else kg or NaN. */
const kg = (text: string | undefined) => (text?.trim() ? decimal(text) : undefined)

/** 邮寄's terms from the form: who pays, and the parcel weight when the seller gave one. */
const shippingTerms = (
  fields: PublishFields,
): NonNullable<CreateListingInput['trade']>['shipping'] => {
  const weightKg = kg(fields.weight)
  const weight = weightKg === undefined ? {} : { weightKg }
  if (fields.shippingPayer === 'buyer')
    return { payer: 'buyer', feeFen: fen(fields.shippingFee) ?? Number.NaN, ...weight }
  if (fields.shippingPayer === 'quote')
    return { payer: 'quote', ...weight } as { payer: 'quote'; weightKg: number }
  return { payer: 'seller', ...weight }
}

/**
 * The contract's input from what the form holds. Unparseable numbers become NaN and amounts with
 * too many digits a number over the cap, so the contract's own rules report them; the text rules
 * stay in the contract. Fields of the other kind are left out (goods send condition and trade,
 * services send their terms), so switching kinds never sends stale choices.
 */
export const toCreateInput = (
  fields: PublishFields,
  photos: PhotoItem[],
  location: LocationValue | null,
  extras: PublishExtras = { kind: 'goods', videoFileId: null, communityIds: [], publish: true },
): CreateListingInput => {
  const original = fen(fields.originalPrice)
  const goods = extras.kind === 'goods'
  const methods = fields.tradeMethods ?? []
  return {
    kind: extras.kind,
    title: fields.title ?? '',
    description: fields.description ?? '',
    priceFen: fen(fields.price) ?? Number.NaN,
    originalPriceFen: original === undefined ? null : original,
    category: (goods
      ? (fields.category ?? '')
      : SERVICE_CATEGORY) as CreateListingInput['category'],
    subcategory: (fields.subcategory || null) as CreateListingInput['subcategory'],
    condition: goods ? ((fields.condition ?? '') as CreateListingInput['condition']) : null,
    trade: goods
      ? {
          shipping: methods.includes('shipping') ? shippingTerms(fields) : null,
          meetup: methods.includes('meetup'),
          pickup: methods.includes('pickup'),
        }
      : null,
    service: goods
      ? null
      : {
          unit: (fields.serviceUnit ?? '') as 'hour',
          radiusKm: decimal(fields.serviceRadius),
          deliveryStandard: fields.serviceStandard ?? '',
        },
    photoFileIds: photos.filter((p) => p.fileId).map((p) => p.fileId!),
    videoFileId: extras.videoFileId,
    communityIds: extras.communityIds,
    location: location
      ? {
          latitude: location.point.latitude,
          longitude: location.point.longitude,
          city: location.city,
          district: location.district,
        }
      : (undefined as never),
    publish: extras.publish,
  }
}

/** An edit sends every editable field: the contract's patch is the create input minus kind and publish. */
export const toUpdatePatch = (input: CreateListingInput) => {
  const { kind: _kind, publish: _publish, ...patch } = input
  return patch
}

/** What the live quality score reads from the form. */
export const toQualityInput = (
  fields: PublishFields,
  photoCount: number,
  kind: ListingKindChoice,
  hasVideo: boolean,
): QualityInput => {
  const original = fen(fields.originalPrice)
  return {
    kind,
    title: fields.title ?? '',
    description: fields.description ?? '',
    photoCount,
    condition: kind === 'goods' ? (fields.condition ?? null) : null,
    originalPriceFen: original === undefined || Number.isNaN(original) ? null : original,
    hasVideo,
  }
}

const yuan = (f: number | null | undefined) =>
  f == null ? undefined : formatFen(f).replace(/[¥,]/g, '')

/** The form's values for editing an existing listing (the seller's own, so `owner` is present). */
export const fieldsFromListing = (l: ListingDetail): PublishFields => ({
  title: l.title,
  description: l.description,
  price: yuan(l.priceFen),
  originalPrice: yuan(l.originalPriceFen),
  category: l.category,
  subcategory: l.subcategory ?? undefined,
  condition: l.condition ?? undefined,
  tradeMethods: l.trade
    ? [
        ...(l.trade.shipping ? ['shipping'] : []),
        ...(l.trade.meetup ? ['meetup'] : []),
        ...(l.trade.pickup ? ['pickup'] : []),
      ]
    : [],
  shippingPayer: l.trade?.shipping?.payer ?? 'seller',
  shippingFee: l.trade?.shipping?.payer === 'buyer' ? yuan(l.trade.shipping.feeFen) : undefined,
  weight: l.trade?.shipping?.weightKg === undefined ? undefined : String(l.trade.shipping.weightKg),
  serviceUnit: l.service?.unit,
  serviceRadius: l.service ? String(l.service.radiusKm) : undefined,
  serviceStandard: l.service?.deliveryStandard,
})
