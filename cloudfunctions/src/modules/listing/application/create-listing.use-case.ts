import type { z } from 'zod'
import type { CreateListingInputSchema, ListingLocation } from '@shared/contracts/listing.contract'
import { LISTING_LIFETIME_MS } from '@shared/domain/listing-lifecycle'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../core/ports/deps'
import { Memberships, membershipId } from '../../social/domain/social.records'
import type { UserRecord } from '../../user/domain/user.record'
import { isInsideCity } from '../domain/listing-location'
import { qualityOf } from '../domain/listing-quality'
import { type ListingRecord, Listings } from '../domain/listing.record'
import { insertListing } from './save-listing'

export type CreateListingInput = z.output<typeof CreateListingInputSchema>

/** A seller may publish at most this many listings an hour: enough for a move-out sale. */
export const PUBLISH_LIMIT_PER_HOUR = 30

/** Publishes a listing for the caller (or keeps it as a draft); checks what the schema cannot. */
export const createListing = async (
  deps: Deps,
  seller: UserRecord,
  { publish, ...input }: CreateListingInput,
): Promise<ListingRecord> => {
  await assertPublishable(deps, seller._id, input)
  const now = deps.clock.now()
  const recent = await deps.store.count(Listings, { sellerId: seller._id, createdAt: { $gt: now - 3_600_000 } })
  if (recent >= PUBLISH_LIMIT_PER_HOUR) {
    throw new AppError(ErrorCodes.RATE_LIMITED, '发布太频繁了，请一小时后再试')
  }
  const id = deps.ids.next()
  const listing: ListingRecord = {
    _id: id,
    sellerId: seller._id,
    ...input,
    city: input.location.city,
    status: publish ? 'active' : 'draft',
    sortKey: id,
    bumpedAt: publish ? now : null,
    expiresAt: publish ? now + LISTING_LIFETIME_MS : null,
    remindedFor: null,
    soldAt: null,
    favoriteCount: 0,
    viewCount: 0,
    qualityScore: qualityOf(input).score,
    createdAt: now,
    updatedAt: now,
    version: 1,
  }
  await insertListing(deps, listing)
  return listing
}

/**
 * Checks what the schema cannot: the files exist, the point lies in the named city, and the
 * communities are ones the seller belongs to.
 */
export const assertPublishable = async (
  deps: Pick<Deps, 'files' | 'store'>,
  sellerId: string,
  fields: {
    photoFileIds?: string[]
    videoFileId?: string | null
    location?: ListingLocation
    communityIds?: string[]
  },
) => {
  for (const [i, fileId] of (fields.photoFileIds ?? []).entries()) {
    if (!(await deps.files.exists(fileId))) {
      throw new AppError(ErrorCodes.LISTING_PHOTO_MISSING, undefined, { path: `photoFileIds.${i}` })
    }
  }
  if (fields.videoFileId && !(await deps.files.exists(fields.videoFileId))) {
    throw new AppError(ErrorCodes.LISTING_PHOTO_MISSING, '视频不存在，请重新上传', { path: 'videoFileId' })
  }
  if (fields.location && !isInsideCity(fields.location)) {
    throw new AppError(ErrorCodes.LISTING_LOCATION_OUTSIDE_CITY, `位置不在${fields.location.city}范围内`, {
      path: 'location',
    })
  }
  for (const [i, communityId] of (fields.communityIds ?? []).entries()) {
    if (!(await deps.store.get(Memberships, membershipId(communityId, sellerId)))) {
      throw new AppError(ErrorCodes.LISTING_NOT_IN_COMMUNITY, undefined, { path: `communityIds.${i}` })
    }
  }
}
