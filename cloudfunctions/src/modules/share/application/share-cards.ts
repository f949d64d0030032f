import type { CardStatus } from '@shared/domain/share'
import { updateIfUnchanged } from '../../core'
import type { TransactionOps } from '../../core/ports/document-store.port'
import type { Deps } from '../../deps'
import type { ListingRecord } from '../../listing'
import { ShareActivities, ShareCards, Shares } from '../domain/share.records'
import { cardStatusOf } from './share-targets'

export interface NewActivity {
  activityId: string
  expiresAt: number
}

/**
 * Asks WeChat for an activity id, outside any transaction (a slow WeChat must not hold one open).
 * null when it fails: the card is then shared as an ordinary one, not updatable.
 */
export const requestActivity = async (
  deps: Pick<Deps, 'wechatShare'>,
  openid: string | null,
): Promise<NewActivity | null> => {
  try {
    return await deps.wechatShare.createActivityId(openid ? { openid } : {})
  } catch {
    return null
  }
}

/**
 * Records an updatable card for a token of a listing, inside `tx`, in the state the card has as
 * this transaction sees it: an order move either landed first (the card starts in its new state)
 * or comes after and finds `hasActivities`, so it queues the update. A card already 已售出 gets
 * none (it can never change again). Answers the state the card starts in, or null.
 */
export const attachActivity = async (
  tx: TransactionOps,
  listing: ListingRecord,
  token: string,
  activity: NewActivity,
  now: number,
): Promise<CardStatus | null> => {
  const card = await tx.get(ShareCards, listing._id)
  const status = cardStatusOf(listing, card)
  if (status === 'sold') return null
  if (!card)
    await tx.insert(ShareCards, {
      _id: listing._id,
      status,
      hasActivities: true,
      seq: 0,
      changedAt: now,
      version: 0,
    })
  else if (!card.hasActivities)
    await updateIfUnchanged(tx, ShareCards, card._id, card, { hasActivities: true })
  await tx.insert(ShareActivities, {
    _id: activity.activityId,
    listingId: listing._id,
    token,
    expiresAt: activity.expiresAt,
    sentStatus: status,
    sentAt: now,
    dead: false,
  })
  await tx.update(Shares, token, {
    activityId: activity.activityId,
    activityExpiresAt: activity.expiresAt,
  })
  return status
}
