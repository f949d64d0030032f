import type { z } from 'zod'
import type { CreateListingInputSchema, ListingLocation } from '@shared/contracts/listing.contract'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../core/ports/deps'
import type { UserRecord } from '../../user/domain/user.record'
import { isInsideCity } from '../domain/listing-location'
import { type ListingRecord, Listings } from '../domain/listing.record'

export type CreateListingInput = z.output<typeof CreateListingInputSchema>

/** A seller may publish at most this many listings an hour: enough for a move-out sale. */
export const PUBLISH_LIMIT_PER_HOUR = 30

/** Publishes a listing for the caller; photos must already be stored and the point in the city. */
export const createListing = async (
  deps: Deps,
  seller: UserRecord,
  input: CreateListingInput,
): Promise<ListingRecord> => {
  await assertPublishable(deps, input.photoFileIds, input.location)
  const now = deps.clock.now()
  const recent = await deps.store.count(Listings, { sellerId: seller._id, createdAt: { $gt: now - 3_600_000 } })
  if (recent >= PUBLISH_LIMIT_PER_HOUR) {
    throw new AppError(ErrorCodes.RATE_LIMITED, '发布太频繁了，请一小时后再试')
  }
  const listing: ListingRecord = {
    _id: deps.ids.next(),
    sellerId: seller._id,
    ...input,
    city: input.location.city,
    status: 'active',
    createdAt: now,
    updatedAt: now,
    version: 1,
  }
  await deps.store.insert(Listings, listing)
  return listing
}

/** Checks what the schema cannot: the photos exist, the point lies in the named city. */
export const assertPublishable = async (
  deps: Pick<Deps, 'files'>,
  photoFileIds: string[] | undefined,
  location: ListingLocation | undefined,
) => {
  for (const [i, fileId] of (photoFileIds ?? []).entries()) {
    if (!(await deps.files.exists(fileId))) {
      throw new AppError(ErrorCodes.LISTING_PHOTO_MISSING, undefined, { path: `photoFileIds.${i}` })
    }
  }
  if (location && !isInsideCity(location)) {
    throw new AppError(ErrorCodes.LISTING_LOCATION_OUTSIDE_CITY, `位置不在${location.city}范围内`, {
      path: 'location',
    })
  }
}
