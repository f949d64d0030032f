import { updateIfUnchanged } from '../../core'
import type { TransactionOps } from '../../core/ports/document-store.port'
import { previewOf, replyTracking } from '../domain/chat.rules'
import {
  ChatListings,
  ChatMembers,
  ChatUnread,
  chatListingId,
  type ChatListingRecord,
  type ConversationRecord,
  Conversations,
  type MessageRecord,
  Messages,
  memberId,
  messageId,
  type Party,
} from '../domain/chat.records'
import { partyOf, userOf } from './chat-access'

/** What a message says before it has a number (no guard flag, offer or card unless given). */
export type Draft = Omit<
  MessageRecord,
  '_id' | 'conversationId' | 'seq' | 'at' | 'offPlatform' | 'offerId' | 'cardListingId'
> &
  Partial<Pick<MessageRecord, 'offPlatform' | 'offerId' | 'cardListingId'>>

/** Moves a user's 消息 badge by `delta` (never below 0) in the caller's transaction; answers the new total. */
export const addUnread = async (tx: TransactionOps, userId: string, delta: number) => {
  const current = await tx.get(ChatUnread, userId)
  const total = Math.max(0, (current?.total ?? 0) + delta)
  if (!current) await tx.insert(ChatUnread, { _id: userId, total, version: 1 })
  else if (delta !== 0) await updateIfUnchanged(tx, ChatUnread, userId, current, { total })
  return total
}

/**
 * Moves the seller's row for the conversation's listing (chat_listings) in the caller's
 * transaction: `opened` counts one more conversation, `unread` moves the seller's unread sum, and
 * `at` makes this conversation the listing's latest activity. Activity in a conversation older
 * than the row starts the row with it as its first.
 */
export const touchChatListing = async (
  tx: TransactionOps,
  conv: Pick<ConversationRecord, '_id' | 'sellerId' | 'listingId'>,
  change: { opened?: boolean; unread?: number; at?: number },
) => {
  const id = chatListingId(conv.sellerId, conv.listingId)
  const current = await tx.get(ChatListings, id)
  const unread = change.unread ?? 0
  if (!current) {
    // Only activity places a row: a read alone leaves nothing to show.
    if (change.at === undefined) return
    await tx.insert(ChatListings, {
      _id: id,
      sellerId: conv.sellerId,
      listingId: conv.listingId,
      conversations: 1,
      unread: Math.max(0, unread),
      lastConversationId: conv._id,
      lastAt: change.at,
      version: 1,
    })
    return
  }
  const patch: Partial<ChatListingRecord> = {}
  if (change.opened) patch.conversations = current.conversations + 1
  if (unread !== 0) patch.unread = Math.max(0, current.unread + unread)
  if (change.at !== undefined) {
    patch.lastAt = change.at
    patch.lastConversationId = conv._id
  }
  if (Object.keys(patch).length > 0) await updateIfUnchanged(tx, ChatListings, id, current, patch)
}

/**
 * Appends a message to a conversation read in this same transaction: it takes lastSeq + 1, and
 * the conversation is written by compare-and-set, so a concurrent append fails with CONFLICT (the
 * caller retries) instead of sharing or skipping a number. The sender has read everything up to
 * their own message; `unreadFor` are the parties it counts as unread for.
 */
export const appendMessage = async (
  tx: TransactionOps,
  conv: ConversationRecord,
  draft: Draft,
  now: number,
  unreadFor: Party[],
): Promise<{ message: MessageRecord; conversation: ConversationRecord }> => {
  const seq = conv.lastSeq + 1
  const message: MessageRecord = {
    _id: messageId(conv._id, seq),
    conversationId: conv._id,
    seq,
    ...draft,
    at: now,
    offPlatform: draft.offPlatform ?? false,
    offerId: draft.offerId ?? null,
    cardListingId: draft.cardListingId ?? null,
  }
  await tx.insert(Messages, message)
  const patch: Partial<ConversationRecord> = {
    lastSeq: seq,
    lastMessage: { kind: draft.kind, text: previewOf(draft.kind, draft.text), at: now },
    updatedAt: now,
  }
  for (const p of unreadFor) patch[`${p}Unread` as const] = conv[`${p}Unread` as const] + 1
  const sender = draft.senderId ? partyOf(conv, draft.senderId) : null
  Object.assign(patch, replyTracking(conv, sender, now))
  if (sender) {
    patch[`${sender}ReadSeq` as const] = seq
    patch[`${sender}Unread` as const] = 0
    patch[`${sender}ReadAt` as const] = now
  }
  const conversation = await updateIfUnchanged(tx, Conversations, conv._id, conv, patch)
  for (const p of ['buyer', 'seller'] as const) {
    await tx.update(ChatMembers, memberId(userOf(conv, p), conv._id), { lastAt: now })
    const delta = conversation[`${p}Unread` as const] - conv[`${p}Unread` as const]
    if (delta !== 0) await addUnread(tx, userOf(conv, p), delta)
  }
  await touchChatListing(tx, conv, {
    unread: conversation.sellerUnread - conv.sellerUnread,
    at: now,
  })
  return { message, conversation }
}
