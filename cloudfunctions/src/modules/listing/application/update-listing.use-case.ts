import { z } from 'zod'
import type { UpdateListingInputSchema } from '@shared/contracts/listing.contract'
import { checkListingShape } from '@shared/contracts/listing-shape'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import type { UserRecord } from '../../user'
import type { ListingRecord } from '../domain/listing.record'
import { qualityOf } from '../domain/listing-quality'
import { assessListingRisk, flagFor, saveFlag, saveListingRisk } from '../../risk'
import { assertPublishable, riskFields, screenListingText } from './create-listing.use-case'
import { loadOwnListing } from './load-own-listing'
import { updateListingRecord } from './save-listing'

export type UpdateListingInput = z.output<typeof UpdateListingInputSchema>

/** The cross-field rules of a listing, applied to the stored listing with the patch on top. */
const MergedShape = z
  .unknown()
  .superRefine((v, ctx) => checkListingShape(v as Parameters<typeof checkListingShape>[0], ctx))

/**
 * Edits a listing. Only its seller may; the edit applies only to the version the editor saw, so
 * two tabs editing at once cannot silently overwrite each other. The merged listing must still
 * be consistent (a goods listing keeps a condition and a way to trade).
 */
export const updateListing = async (
  deps: Deps,
  caller: UserRecord,
  { id, expectedVersion, patch }: UpdateListingInput,
): Promise<ListingRecord> => {
  const listing = await loadOwnListing(deps, caller, id, '只能编辑自己发布的宝贝')
  if (listing.status === 'sold')
    throw new AppError(ErrorCodes.LISTING_WRONG_STATUS, '已卖出的宝贝不能再编辑')
  if (listing.version !== expectedVersion) {
    throw new AppError(ErrorCodes.CONFLICT, '宝贝已在别处修改，请刷新后再编辑')
  }
  const merged = { ...listing, ...patch }
  const shape = MergedShape.safeParse(merged)
  if (!shape.success) {
    const first = shape.error.issues[0]!
    throw new AppError(ErrorCodes.VALIDATION, first.message, {
      path: `patch.${first.path.join('.')}`,
    })
  }
  await assertPublishable(
    deps,
    caller._id,
    patch,
    new Set([...listing.photoFileIds, ...(listing.videoFileId ? [listing.videoFileId] : [])]),
  )
  // The edited text is screened as a whole listing would be; untouched text was screened before.
  const screening = await screenListingText(deps, caller._id, patch, 'patch.')
  const now = deps.clock.now()
  const textChanged = patch.title !== undefined || patch.description !== undefined
  const flag = flagFor(deps, screening, { kind: 'listing', targetId: id, userId: caller._id })
  // A live listing whose price, title, category or photos changed is checked again (price anomaly,
  // photo reuse); a draft is checked when it is published.
  const riskChanged =
    patch.priceFen !== undefined ||
    patch.title !== undefined ||
    patch.subcategory !== undefined ||
    patch.photoFileIds !== undefined
  const risk =
    listing.status === 'active' && riskChanged
      ? await assessListingRisk(deps, {
          listing: { ...listing, ...patch },
          seller: caller,
          event: 'edit',
        })
      : null
  return updateListingRecord(
    deps,
    listing,
    {
      ...patch,
      ...(patch.location ? { city: patch.location.city } : {}),
      qualityScore: qualityOf(merged).score,
      ...(textChanged ? riskFields(screening, now, listing) : {}),
      updatedAt: now,
    },
    async (tx) => {
      await saveFlag(tx, flag)
      await saveListingRisk(tx, risk)
    },
  )
}
