import type { TransactionOps } from '../../core/ports/document-store.port'
import { Conversations, conversationId, type Party } from '../domain/chat.records'
import { appendMessage, type Draft } from './append-message'
import { notifyLater } from './chat-jobs'

/** A line another module posts into a conversation: an order step, an offer move, a system note. */
export interface PlatformLine {
  kind: 'order' | 'offer' | 'system'
  text: string
  /** The party who took the step (an offer's 出价), or null for the platform's own voice. */
  senderId: string | null
  orderId?: string
  offerId?: string
}

/**
 * Posts `line` into the conversation of a listing and its buyer, in the caller's transaction, so
 * the chat never shows a step that did not happen. A pair with no conversation gets nothing. It counts as unread for `unreadFor`; with `notify`, each of them away from the
 * conversation gets the 新消息 subscribe message, as for a message a person sent.
 */
export const postLine = async (
  tx: TransactionOps,
  pair: { listingId: string; buyerId: string },
  line: PlatformLine,
  now: number,
  unreadFor: Party[],
  notify = false,
): Promise<void> => {
  const conv = await tx.get(Conversations, conversationId(pair.listingId, pair.buyerId))
  if (!conv) return
  const draft: Draft = {
    senderId: line.senderId,
    kind: line.kind,
    text: line.text,
    fileId: null,
    orderId: line.orderId ?? null,
    offerId: line.offerId ?? null,
    clientMsgId: null,
  }
  await appendMessage(tx, conv, draft, now, unreadFor)
  if (notify) for (const to of unreadFor) await notifyLater(tx, conv, to, now)
}
