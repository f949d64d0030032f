import type { z } from 'zod'
import type { UpdateListingInputSchema } from '@shared/contracts/listing.contract'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../core/ports/deps'
import type { UserRecord } from '../../user/domain/user.record'
import { type ListingRecord, Listings } from '../domain/listing.record'
import { assertPublishable } from './create-listing.use-case'

export type UpdateListingInput = z.output<typeof UpdateListingInputSchema>

/**
 * Edits a listing. Only its seller may; the edit applies only to the version the editor saw, so
 * two tabs editing at once cannot silently overwrite each other.
 */
export const updateListing = async (
  deps: Deps,
  caller: UserRecord,
  { id, expectedVersion, patch }: UpdateListingInput,
): Promise<ListingRecord> => {
  const listing = await deps.store.get(Listings, id)
  if (!listing) throw new AppError(ErrorCodes.NOT_FOUND, '宝贝不存在或已删除')
  if (listing.sellerId !== caller._id) throw new AppError(ErrorCodes.FORBIDDEN, '只能编辑自己发布的宝贝')
  if (listing.version !== expectedVersion) {
    throw new AppError(ErrorCodes.CONFLICT, '宝贝已在别处修改，请刷新后再编辑')
  }
  await assertPublishable(deps, patch.photoFileIds, patch.location)
  return deps.store.update(
    Listings,
    id,
    {
      ...patch,
      ...(patch.location ? { city: patch.location.city } : {}),
      updatedAt: deps.clock.now(),
      version: expectedVersion + 1,
    },
    { expect: { version: expectedVersion, sellerId: caller._id } },
  )
}
