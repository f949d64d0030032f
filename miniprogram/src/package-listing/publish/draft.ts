import type { LocationValue } from '@/components/LocationField'
import type { PhotoItem } from '@/components/PhotoGrid'
import { StorageKeys, readStored, removeStored, writeStored } from '@/utils/storage'

/** What the form's store holds: text as typed, choices as ids. Money stays text until submit. */
export interface PublishFields {
  title?: string
  description?: string
  price?: string
  originalPrice?: string
  category?: string
  subcategory?: string
  condition?: string
  /** Goods: any of 'shipping' | 'meetup' | 'pickup'. */
  tradeMethods?: string[]
  /** Who pays shipping when 邮寄 is offered: 'seller' (包邮), 'buyer' (a fixed fee) or 'quote' (按实际运费). */
  shippingPayer?: string
  shippingFee?: string
  /** Parcel weight in kg as typed: needed for 按实际运费, optional otherwise. */
  weight?: string
  serviceUnit?: string
  serviceRadius?: string
  serviceStandard?: string
}

export type ListingKindChoice = 'goods' | 'service'

/** What survives leaving the form: typed text and photos (and video) that finished uploading. */
export interface PublishDraft {
  kind?: ListingKindChoice
  fields: PublishFields
  photos: { fileId: string; url: string }[]
  video?: { fileId: string; url: string } | null
  communityIds?: string[]
  location: LocationValue | null
}

export const loadDraft = (): PublishDraft | null => {
  const d = readStored<PublishDraft>(StorageKeys.publishDraft)
  return d && typeof d === 'object' && d.fields ? d : null
}

export interface DraftExtras {
  kind: ListingKindChoice
  video: { fileId: string; url: string } | null
  communityIds: string[]
}

export const saveDraft = (
  fields: PublishFields,
  photos: PhotoItem[],
  location: LocationValue | null,
  extras: DraftExtras = { kind: 'goods', video: null, communityIds: [] },
) => {
  const done = photos
    .filter((p) => p.status === 'done' && p.fileId)
    .map((p) => ({ fileId: p.fileId!, url: p.url }))
  const typed = Object.entries(fields).some(
    ([k, v]) => k !== 'shippingPayer' && (Array.isArray(v) ? v.length > 0 : v),
  )
  const empty = !typed && done.length === 0 && !location && !extras.video
  if (empty) return removeStored(StorageKeys.publishDraft)
  writeStored(StorageKeys.publishDraft, {
    kind: extras.kind,
    fields,
    photos: done,
    video: extras.video,
    communityIds: extras.communityIds,
    location,
  } satisfies PublishDraft)
}

export const clearDraft = () => removeStored(StorageKeys.publishDraft)
