import type { CardStatus } from '@shared/domain/share'
import { isPermanentRefusal } from '../../core/ports/provider-error'
import type { TransactionOps } from '../../core/ports/document-store.port'
import type { JobHandler } from '../../deps'
import { enqueue } from '../../outbox'
import { maySend, updateMessage } from '../domain/card-state.rules'
import { ShareActivities, ShareCards, type ShareCardRecord } from '../domain/share.records'

/** The outbox job that tells WeChat a listing's cards changed state (updatablemsg/send). */
export const SHARE_CARD_JOB = 'share-card'
/** One job per change of a listing's card: enqueueing the same change twice is a no-op. */
export const shareCardJobKey = (listingId: string, seq: number) => `SC:${listingId}:${seq}`

/** Cards of one listing updated per run: far more than one listing is ever shared in a day. */
const ACTIVITIES_PER_RUN = 200

/**
 * Moves a listing's card to `status` inside the order's (or the listing's) move transaction, and queues the WeChat
 * update there too when an updatable card was ever made for it; nothing reaches WeChat from here.
 */
export const moveCard = async (
  tx: TransactionOps,
  listingId: string,
  card: ShareCardRecord | null,
  status: CardStatus,
  orderId: string | null,
  now: number,
) => {
  const seq = (card?.seq ?? 0) + 1
  if (!card)
    await tx.insert(ShareCards, {
      _id: listingId,
      status,
      hasActivities: false,
      seq,
      changedAt: now,
      version: 0,
    })
  else
    await tx.update(ShareCards, listingId, {
      status,
      seq,
      changedAt: now,
      version: card.version + 1,
    })
  if (card?.hasActivities)
    await enqueue(tx, {
      key: shareCardJobKey(listingId, seq),
      kind: SHARE_CARD_JOB,
      orderId,
      at: now,
    })
}

/**
 * Sends every live card of the listing the state its card has now (not the state when the job was
 * queued: jobs that run late or twice converge on the latest). Each card is marked with what
 * WeChat accepted, so a retry sends only what is left; a card already 已售出 is never sent back to
 * 在售. A card WeChat refuses for good is set aside; a passing failure retries the job.
 */
const sendCardUpdates: JobHandler = async (deps, job) => {
  const listingId = job._id.split(':')[1]!
  const card = await deps.store.get(ShareCards, listingId)
  if (!card) return 'done'
  const now = deps.clock.now()
  const live = await deps.store.find(
    ShareActivities,
    { listingId, expiresAt: { $gt: now } },
    { orderBy: { field: 'expiresAt', direction: 'asc' }, limit: ACTIVITIES_PER_RUN },
  )
  let passing: unknown = null
  for (const activity of live.items) {
    if (activity.dead || !maySend(activity.sentStatus, card.status)) continue
    try {
      await deps.wechatShare.sendUpdatableMessage(
        updateMessage(activity._id, listingId, card.status),
      )
      await deps.store.update(ShareActivities, activity._id, {
        sentStatus: card.status,
        sentAt: now,
      })
    } catch (e) {
      if (isPermanentRefusal(e))
        await deps.store.update(ShareActivities, activity._id, { dead: true })
      else passing = e
    }
  }
  if (passing) throw passing
  return 'done'
}

export const SHARE_JOB_HANDLERS: Record<string, JobHandler> = {
  [SHARE_CARD_JOB]: sendCardUpdates,
}
