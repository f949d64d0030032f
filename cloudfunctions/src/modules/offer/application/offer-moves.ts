import { offerDueAt, isLiveOffer, type OfferState } from '@shared/domain/offer-process'
import { conversationId, postLine } from '../../chat'
import { updateIfUnchanged } from '../../core'
import type { TransactionOps } from '../../core/ports/document-store.port'
import type { Deps } from '../../deps'
import type { OfferLine } from '../domain/offer-lines'
import { LiveOffers, Offers, liveOfferKey, type OfferRecord } from '../domain/offer.records'

/**
 * Posts an offer's lines into the conversation of its listing and buyer, in the offer's own
 * transaction, so the chat shows exactly the moves that happened. A line that is news to someone
 * counts as unread for them and brings the 新消息 subscribe message when they are away.
 */
export const postOfferLines = async (
  tx: TransactionOps,
  offer: OfferRecord,
  lines: OfferLine[],
  now: number,
) => {
  for (const line of lines)
    await postLine(
      tx,
      offer,
      {
        kind: line.kind,
        text: line.text,
        senderId: line.by === null ? null : line.by === 'buyer' ? offer.buyerId : offer.sellerId,
        offerId: offer._id,
      },
      now,
      line.newsTo,
      line.newsTo.length > 0,
    )
}

/**
 * Writes one move of an offer inside `tx`: the new state, its timer and `patch`, by compare-and-set
 * on `version` (a racing move gets COMMON.CONFLICT and nothing lands), and the move's `lines` in the
 * chat; a move that ends the offer frees the buyer's live slot on the listing in the same
 * transaction.
 */
export const writeMove = async (
  tx: TransactionOps,
  offer: OfferRecord,
  to: OfferState,
  patch: Partial<OfferRecord>,
  now: number,
  lines: OfferLine[] = [],
): Promise<OfferRecord> => {
  const next = await updateIfUnchanged(tx, Offers, offer._id, offer, {
    ...patch,
    state: to,
    dueAt: offerDueAt(to, now),
    updatedAt: now,
  })
  if (!isLiveOffer(to)) await freeSlot(tx, offer)
  await postOfferLines(tx, next, lines, now)
  return next
}

/** Removes the buyer's live slot if this offer holds it (a newer offer's slot is left alone). */
export const freeSlot = async (tx: TransactionOps, offer: OfferRecord) => {
  const key = liveOfferKey(offer.listingId, offer.buyerId)
  const slot = await tx.get(LiveOffers, key)
  if (slot?.offerId === offer._id) await tx.remove(LiveOffers, key)
}

/** After the transaction: wakes the conversation's live streams, so both phones see the move now. */
export const ringConversation = (deps: Pick<Deps, 'chatSignal'>, offer: OfferRecord) =>
  deps.chatSignal.notify(conversationId(offer.listingId, offer.buyerId))
