import { DAY, HOUR } from '@shared/domain/time'
import { formatFen } from '@shared/domain/money'
import { EXPIRY_REMINDER_MS } from '@shared/domain/listing-lifecycle'
import { ErrorCodes, isAppError } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { sendNotice } from '../../inbox'
import { type ListingRecord, Listings } from '../domain/listing.record'
import { updateListingRecord } from './save-listing'

const BATCH = 200

/**
 * The expiry timer: takes down active listings whose 30 days are up and reminds sellers three
 * days before. Safe to run twice or concurrently: the status change is compare-and-set and each
 * notice's id is its cause.
 */
export const expireListings = async (
  deps: Deps,
): Promise<{ expired: number; reminded: number }> => {
  const now = deps.clock.now()
  let expired = 0
  let reminded = 0

  for (;;) {
    const due = await deps.store.find(
      Listings,
      { status: 'active', expiresAt: { $lte: now } },
      { limit: BATCH },
    )
    for (const listing of due.items) if (await expireOne(deps, listing)) expired++
    if (due.items.length < BATCH) break
  }

  let cursor: string | undefined
  do {
    const soon = await deps.store.find(
      Listings,
      { status: 'active', expiresAt: { $gt: now, $lte: now + EXPIRY_REMINDER_MS } },
      { orderBy: { field: 'expiresAt', direction: 'asc' }, limit: BATCH, cursor },
    )
    for (const listing of soon.items) if (await remindOne(deps, listing, now)) reminded++
    cursor = soon.nextCursor ?? undefined
  } while (cursor)

  return { expired, reminded }
}

/** A buyer is paying for it right now: look again in an hour (the order settles within 15 minutes). */
const HELD_RECHECK_MS = HOUR

const expireOne = async (deps: Deps, listing: ListingRecord): Promise<boolean> => {
  try {
    if (listing.heldBy) {
      await updateListingRecord(deps, listing, { expiresAt: deps.clock.now() + HELD_RECHECK_MS })
      return false
    }
    await updateListingRecord(deps, listing, {
      status: 'expired',
      expiresAt: null,
      updatedAt: deps.clock.now(),
    })
  } catch (e) {
    if (isAppError(e) && e.code === ErrorCodes.CONFLICT) return false // the seller acted first
    throw e
  }
  await sendNotice(deps, `expired:${listing._id}:${listing.expiresAt}`, {
    userId: listing.sellerId,
    kind: 'listing_expired',
    title: '宝贝已自动下架',
    body: `「${listing.title}」（${formatFen(listing.priceFen)}）发布满 30 天已下架，重新上架即可继续出售。`,
    listingId: listing._id,
  })
  return true
}

const remindOne = async (deps: Deps, listing: ListingRecord, now: number): Promise<boolean> => {
  if (listing.remindedFor === listing.expiresAt || listing.expiresAt === null) return false
  const days = Math.max(1, Math.ceil((listing.expiresAt - now) / DAY))
  const sent = await sendNotice(deps, `expiring:${listing._id}:${listing.expiresAt}`, {
    userId: listing.sellerId,
    kind: 'listing_expiring',
    title: '宝贝即将下架',
    body: `「${listing.title}」将在 ${days} 天后自动下架，擦亮一下可再展示 30 天。`,
    listingId: listing._id,
  })
  // Not a seller edit: leave `version` alone so it never conflicts with one.
  await deps.store.update(Listings, listing._id, { remindedFor: listing.expiresAt })
  return sent
}
