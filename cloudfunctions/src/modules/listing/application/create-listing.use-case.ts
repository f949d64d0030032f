import type { z } from 'zod'
import type { CreateListingInputSchema, ListingLocation } from '@shared/contracts/listing.contract'
import { LISTING_LIFETIME_MS } from '@shared/domain/listing-lifecycle'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import { enforceLimit } from '../../core'
import type { Deps } from '../../deps'
import {
  flagFor,
  imageCheckOf,
  saveFlag,
  saveListingRisk,
  SCENES,
  screenText,
  type Screening,
} from '../../risk'
import { assertOwnUploads } from '../../upload'
import { assertUnrestricted, openidOf, type UserRecord } from '../../user'
import { isInsideCity } from '../domain/listing-location'
import { PUBLISH_PER_SELLER, PUBLISH_TOO_OFTEN } from '../domain/listing.limits'
import { qualityOf } from '../domain/listing-quality'
import type { ListingRecord } from '../domain/listing.record'
import { assertLiveListingRoom } from './live-listing-cap'
import { assertRealNameIfNeeded } from './real-name-gate'
import { riskHoldFields, riskOnPublish } from './listing-risk-check'
import { insertListing } from './save-listing'

export type CreateListingInput = z.output<typeof CreateListingInputSchema>

/** Publishes a listing for the caller (or keeps it as a draft); checks what the schema cannot. */
export const createListing = async (
  deps: Deps,
  seller: UserRecord,
  { publish, ...input }: CreateListingInput,
): Promise<ListingRecord> => {
  await assertPublishable(deps, seller._id, input)
  if (publish) {
    await assertUnrestricted(deps, seller._id, 'publish')
    await assertLiveListingRoom(deps, seller._id)
    await assertRealNameIfNeeded(deps, seller._id, input)
  }
  // Counted once the listing is known to be valid: a form with a mistake costs no attempt.
  await enforceLimit(deps.limits, PUBLISH_PER_SELLER, seller._id, PUBLISH_TOO_OFTEN)
  // After the limit: a blocked text is an attempt too, or the lexicon could be probed for free.
  const screening = await screenListingText(deps, seller._id, input)
  const now = deps.clock.now()
  const id = deps.ids.next()
  const drafted: ListingRecord = {
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
    ...riskFields(screening, now),
    createdAt: now,
    updatedAt: now,
    version: 1,
  }
  // Price, photo reuse and new-account rules on what goes live (a draft is checked when published).
  const risk = publish ? await riskOnPublish(deps, seller, drafted) : null
  const listing = risk ? { ...drafted, ...riskHoldFields(risk, now, drafted) } : drafted
  const flag = flagFor(deps, screening, { kind: 'listing', targetId: id, userId: seller._id })
  await insertListing(deps, listing, async (tx) => {
    await saveFlag(tx, flag)
    await saveListingRisk(tx, risk)
  })
  return listing
}

/**
 * A listing's title and description through the content checks (modules/risk): prohibited goods
 * answer CONTENT.BLOCKED; doubtful ones are published held for review, seen by the seller alone.
 */
export const screenListingText = async (
  deps: Deps,
  sellerId: string,
  text: { title?: string; description?: string },
  pathPrefix = '',
): Promise<Screening> =>
  screenText(deps, {
    openid: await openidOf(deps, sellerId),
    scene: SCENES.forum,
    fields: [
      { path: `${pathPrefix}title`, text: text.title },
      { path: `${pathPrefix}description`, text: text.description },
    ],
  })

/** The listing fields a screening sets: held from now when it asks for review, and the notice. */
export const riskFields = (
  screening: Screening,
  now: number,
  current?: Pick<ListingRecord, 'reviewHeldAt'>,
): Pick<ListingRecord, 'reviewHeldAt' | 'riskNotice'> => ({
  // A hold stays until a moderator releases it: an edit does not lift it.
  reviewHeldAt: current?.reviewHeldAt ?? (screening.action === 'review' ? now : null),
  riskNotice: screening.notice,
})

/**
 * Checks what the schema cannot: the files exist and are the seller's own uploads, the point lies
 * in the named city, and the communities are ones the seller belongs to. Files in `kept` are
 * already on the listing (an edit that keeps them): they were checked when they were added.
 */
export const assertPublishable = async (
  deps: Pick<Deps, 'files' | 'store' | 'hooks'>,
  sellerId: string,
  fields: {
    photoFileIds?: string[]
    videoFileId?: string | null
    location?: ListingLocation
    communityIds?: string[]
  },
  kept: ReadonlySet<string> = new Set(),
) => {
  for (const [i, fileId] of (fields.photoFileIds ?? []).entries()) {
    if (!(await deps.files.exists(fileId))) {
      throw new AppError(ErrorCodes.LISTING_PHOTO_MISSING, undefined, { path: `photoFileIds.${i}` })
    }
  }
  if (fields.videoFileId && !(await deps.files.exists(fields.videoFileId))) {
    throw new AppError(ErrorCodes.LISTING_PHOTO_MISSING, '视频不存在，请重新上传', {
      path: 'videoFileId',
    })
  }
  const photos = (fields.photoFileIds ?? []).map((fileId, i) => ({
    fileId,
    path: `photoFileIds.${i}`,
  }))
  await assertOwnUploads(
    deps,
    sellerId,
    'listing-photos',
    photos.filter((p) => !kept.has(p.fileId)),
  )
  // A photo WeChat already judged risky (its verdict came before this listing) is refused outright;
  // one judged later hides itself and holds the listing (risk → hold-for-image).
  for (const p of photos.filter((x) => !kept.has(x.fileId))) {
    if ((await imageCheckOf(deps, p.fileId))?.suggest === 'risky')
      throw new AppError(ErrorCodes.CONTENT_BLOCKED, '这张图片未通过内容安全检测，请换一张', {
        path: p.path,
      })
  }
  if (fields.videoFileId && !kept.has(fields.videoFileId)) {
    await assertOwnUploads(deps, sellerId, 'listing-videos', [
      { fileId: fields.videoFileId, path: 'videoFileId' },
    ])
  }
  if (fields.location && !isInsideCity(fields.location)) {
    throw new AppError(
      ErrorCodes.LISTING_LOCATION_OUTSIDE_CITY,
      `位置不在${fields.location.city}范围内`,
      {
        path: 'location',
      },
    )
  }
  for (const [i, communityId] of (fields.communityIds ?? []).entries()) {
    if (!(await deps.hooks.isMember(deps, communityId, sellerId))) {
      throw new AppError(ErrorCodes.LISTING_NOT_IN_COMMUNITY, undefined, {
        path: `communityIds.${i}`,
      })
    }
  }
}
