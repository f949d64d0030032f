import type { Deps } from '../../deps'
import { Listings } from '../domain/listing.record'
import { updateListingRecord } from './save-listing'

const MAX_SELLER_LISTINGS = 500

/**
 * WeChat judged an uploaded image (deps.hooks.imageJudged): every listing of its owner showing it
 * is held for review, and a risky image leaves the listing's photos (kept aside in
 * hiddenPhotoFileIds for the moderator), so no view serves its URL again. Idempotent: a second
 * push finds nothing left to do.
 */
export const holdListingsShowingImage = async (
  deps: Deps,
  judged: { fileId: string; ownerId: string; hide: boolean; now: number },
) => {
  const mine = await deps.store.find(
    Listings,
    { sellerId: judged.ownerId },
    { limit: MAX_SELLER_LISTINGS },
  )
  for (const listing of mine.items) {
    const shows = listing.photoFileIds.includes(judged.fileId)
    if (!shows && !listing.hiddenPhotoFileIds?.includes(judged.fileId)) continue
    if (!shows && listing.reviewHeldAt != null) continue
    await updateListingRecord(deps, listing, {
      reviewHeldAt: listing.reviewHeldAt ?? judged.now,
      riskNotice: judged.hide
        ? '有图片未通过内容安全检测，已被隐藏；宝贝审核通过前仅你自己可见'
        : '有图片需要人工审核，审核通过前仅你自己可见',
      ...(judged.hide && shows
        ? {
            photoFileIds: listing.photoFileIds.filter((f) => f !== judged.fileId),
            hiddenPhotoFileIds: [...(listing.hiddenPhotoFileIds ?? []), judged.fileId],
          }
        : {}),
      updatedAt: judged.now,
    })
  }
}

/** The owner's listings showing an image, or keeping it hidden after the image check: what its flag is about. */
export const listingsShowingImage = async (
  deps: Pick<Deps, 'store'>,
  ownerId: string,
  fileId: string,
): Promise<string[]> => {
  const mine = await deps.store.find(
    Listings,
    { sellerId: ownerId },
    { limit: MAX_SELLER_LISTINGS },
  )
  return mine.items
    .filter((l) => l.photoFileIds.includes(fileId) || l.hiddenPhotoFileIds?.includes(fileId))
    .map((l) => l._id)
}
