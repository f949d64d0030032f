import type { LocationValue } from '@/components/LocationField'
import type { PhotoItem } from '@/components/PhotoGrid'
import { StorageKeys, readStored, removeStored, writeStored } from '@/utils/storage'

export interface PublishFields {
  title?: string
  description?: string
  price?: string
  originalPrice?: string
  category?: string
  condition?: string
}

/** What survives leaving the form: typed text and photos that finished uploading. */
export interface PublishDraft {
  fields: PublishFields
  photos: { fileId: string; url: string }[]
  location: LocationValue | null
}

export const loadDraft = (): PublishDraft | null => {
  const d = readStored<PublishDraft>(StorageKeys.publishDraft)
  return d && typeof d === 'object' && d.fields ? d : null
}

export const saveDraft = (fields: PublishFields, photos: PhotoItem[], location: LocationValue | null) => {
  const done = photos.filter((p) => p.status === 'done' && p.fileId).map((p) => ({ fileId: p.fileId!, url: p.url }))
  const empty = !Object.values(fields).some((v) => v) && done.length === 0 && !location
  if (empty) return removeStored(StorageKeys.publishDraft)
  writeStored(StorageKeys.publishDraft, { fields, photos: done, location } satisfies PublishDraft)
}

export const clearDraft = () => removeStored(StorageKeys.publishDraft)
