import { LISTING_LIFETIME_MS, TRANSITIONS, canRenew } from '@shared/domain/listing-lifecycle'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { assertUnrestricted, type UserRecord } from '../../user'
import type { ListingRecord } from '../domain/listing.record'
import { saveListingRisk } from '../../risk'
import { assertLiveListingRoom } from './live-listing-cap'
import { riskHoldFields, riskOnPublish } from './listing-risk-check'
import { assertRealNameIfNeeded } from './real-name-gate'
import { loadOwnListing } from './load-own-listing'
import { updateListingIn } from './save-listing'

export type StatusAction = keyof typeof TRANSITIONS

/**
 * A seller's lifecycle action. Publishing, relisting and 擦亮 mint a new sort key (back to the top
 * of every newest-first list) and restart the 30 days; taking down and selling stop the clock.
 * The write is compare-and-set on the version read, so a racing second tap changes nothing. The
 * modules that follow a listing's life (hooks.listingMoved) react in the same transaction.
 */
export const changeStatus = async (
  deps: Deps,
  caller: UserRecord,
  id: string,
  action: StatusAction,
): Promise<ListingRecord> => {
  const listing = await loadOwnListing(deps, caller, id)
  const { from, to } = TRANSITIONS[action]
  if (!from.includes(listing.status)) throw new AppError(ErrorCodes.LISTING_WRONG_STATUS)
  const now = deps.clock.now()
  // Goods a live order holds stay up (allowedActions hides these two buttons meanwhile).
  if (listing.heldBy && (action === 'takeDown' || action === 'markSold'))
    throw new AppError(ErrorCodes.LISTING_WRONG_STATUS, '买家已下单，请先在订单里处理')
  if (action === 'renew' && !canRenew(listing, now))
    throw new AppError(ErrorCodes.LISTING_ALREADY_RENEWED)
  const goesUp = action === 'publish' || action === 'relist' || action === 'renew'
  // 擦亮 keeps a listing that is already live: only publishing and relisting add one.
  if (action === 'publish' || action === 'relist') {
    await assertUnrestricted(deps, caller._id, 'publish')
    await assertLiveListingRoom(deps, caller._id)
    await assertRealNameIfNeeded(deps, caller._id, listing)
  }
  const patch = {
    status: to,
    ...(goesUp
      ? {
          sortKey: deps.ids.next(),
          bumpedAt: now,
          expiresAt: now + LISTING_LIFETIME_MS,
          remindedFor: null,
        }
      : { expiresAt: null }),
    ...(action === 'markSold' ? { soldAt: now } : {}),
    updatedAt: now,
  }
  // Going live again is publishing: the listing-risk rules look at it as at a new listing.
  const risk =
    action === 'publish' || action === 'relist' ? await riskOnPublish(deps, caller, listing) : null
  return deps.store.transaction(async (tx) => {
    const next = await updateListingIn(tx, deps, listing, {
      ...patch,
      ...(risk?.hold ? riskHoldFields(risk, now, listing) : {}),
    })
    await saveListingRisk(tx, risk)
    for (const react of deps.hooks.listingMoved) await react(tx, next, now)
    return next
  })
}
