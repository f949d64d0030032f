import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import type { UserRecord } from '../../user'
import { type ListingRecord, Listings } from '../domain/listing.record'

/** The caller's own listing, or NOT_FOUND / FORBIDDEN. */
export const loadOwnListing = async (
  deps: Pick<Deps, 'store'>,
  caller: UserRecord,
  id: string,
  forbidden = '只能操作自己发布的宝贝',
): Promise<ListingRecord> => {
  const listing = await deps.store.get(Listings, id)
  if (!listing) throw new AppError(ErrorCodes.NOT_FOUND, '宝贝不存在或已删除')
  if (listing.sellerId !== caller._id) throw new AppError(ErrorCodes.FORBIDDEN, forbidden)
  return listing
}
