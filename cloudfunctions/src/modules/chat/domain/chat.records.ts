import type { MessageKind } from '@shared/contracts/chat.contract'
import { DAY } from '@shared/domain/time'
import { defineCollection } from '../../core/ports/document-store.port'

export type Party = 'buyer' | 'seller'

/**
 * One conversation per (listing, buyer), keyed `${listingId}:${buyerId}` so opening twice finds
 * the same one. `lastSeq` is the sequence's high-water mark: a message takes lastSeq + 1 by
 * compare-and-set on `version`, so two sends never share a number and none is skipped.
 */
export interface ConversationRecord {
  _id: string
  listingId: string
  sellerId: string
  buyerId: string
  /**
   * The parties' OPENIDs, for the database security rules (database-rules/chat_messages.json): the
   * weapp build watches chat_messages directly, and CloudBase lets a user read a conversation's
   * messages only when their OPENID is one of these. Never sent to clients.
   */
  buyerOpenid: string | null
  sellerOpenid: string | null
  lastSeq: number
  lastMessage: { kind: MessageKind; text: string; at: number } | null
  buyerUnread: number
  sellerUnread: number
  /** Each party has read up to here (their own messages count as read). */
  buyerReadSeq: number
  sellerReadSeq: number
  /** When each party last marked read: someone reading right now needs no subscribe message. */
  buyerReadAt: number
  sellerReadAt: number
  /**
   * 聊天回复率, for the seller's credit: when the buyer first asked (their first message), when the
   * seller first answered after it, and until when the answer counts (askedAt + REPLY_WINDOW_MS).
   * `replyDueAt` is cleared once the chat sweep has scored the question, so each conversation
   * counts once. Absent on conversations from before this was recorded: read as null.
   */
  askedAt?: number | null
  answeredAt?: number | null
  replyDueAt?: number | null
  createdAt: number
  updatedAt: number
  version: number
}

/** A message, keyed `${conversationId}:${seq padded to 8}`: the key sorts as the sequence does. */
export interface MessageRecord {
  _id: string
  conversationId: string
  seq: number
  /** Null for what the platform posts. */
  senderId: string | null
  kind: MessageKind
  text: string | null
  fileId: string | null
  orderId: string | null
  /** The offer an offer line (出价, 还价, 接受…) is about: the client shows its card. */
  offerId: string | null
  /** The listing a 宝贝 card shows (one of the sender's own, shared into the conversation). */
  cardListingId: string | null
  clientMsgId: string | null
  at: number
  /** Set by the off-platform guard (shared/domain/off-platform): the recipient sees a warning. */
  offPlatform: boolean
  /**
   * Moderation (the report module): hidden from the other party while a report on it is
   * reviewed, or removed for breaking the rules (hidden from both). Absent: neither.
   */
  moderation?: 'hidden' | 'removed' | null
}

/**
 * What a removed message said, keyed by the message id: the message itself loses its text and
 * file (the weapp build's database watch hands message documents to both parties' phones), and
 * an overturned decision puts them back from here. Server-only (no client rule reads it).
 */
export interface ModeratedMessageRecord {
  _id: string
  text: string | null
  fileId: string | null
  at: number
}

/** A send already stored, keyed `${conversationId}:${senderId}:${clientMsgId}`: a retry finds it. */
export interface ChatSendRecord {
  _id: string
  messageId: string
  at: number
}

/**
 * How long a send's record is kept (then the cron sweeps it). A client retries a send only while
 * its page still holds the pending bubble (nothing is kept across a restart), so minutes would
 * do; a week also covers a tab or a suspended mini-program woken days later. A retry after that
 * would be stored again, which is why this is far longer than any retry.
 */
export const CHAT_SEND_RETENTION_MS = 7 * DAY

/**
 * A party's entry in their conversation list, keyed `${userId}:${conversationId}`, moved to the
 * top by every message: the list is one indexed query, whichever side the user is on.
 */
export interface ChatMemberRecord {
  _id: string
  userId: string
  conversationId: string
  listingId: string
  role: Party
  lastAt: number
}

/**
 * A seller's conversations about one of their listings, keyed `${sellerId}:${listingId}`, changed
 * in the same transaction as each open, message and seller read: the 消息 tab shows one row per
 * listing (N 人咨询, the unread sum) from one indexed query instead of adding up conversations.
 */
export interface ChatListingRecord {
  _id: string
  sellerId: string
  listingId: string
  /** Conversations about the listing: one per buyer who asked. */
  conversations: number
  /** The seller's unread messages over them. */
  unread: number
  /** The conversation with the latest activity, for the row's preview. */
  lastConversationId: string
  lastAt: number
  version: number
}

/** The 消息 badge, keyed by user id: changed in the same transaction as each send and read. */
export interface ChatUnreadRecord {
  _id: string
  total: number
  version: number
}

/** `blockerId` blocked `blockedId`, keyed `${blockerId}:${blockedId}`. */
export interface ChatBlockRecord {
  _id: string
  blockerId: string
  blockedId: string
  at: number
}

export const Conversations = defineCollection<ConversationRecord>('chat_conversations', [
  { name: 'listing', fields: [{ field: 'listingId' }, { field: 'updatedAt', direction: 'desc' }] },
  // The questions whose answer window has closed, for the reply-rate sweep.
  { name: 'reply_due', fields: [{ field: 'replyDueAt' }] },
])
export const Messages = defineCollection<MessageRecord>('chat_messages', [
  { name: 'conversation_seq', fields: [{ field: 'conversationId' }, { field: 'seq' }] },
])
// The sweep: sends older than the retention window.
export const ModeratedMessages = defineCollection<ModeratedMessageRecord>('chat_moderated')
export const ChatSends = defineCollection<ChatSendRecord>('chat_sends', [
  { name: 'at', fields: [{ field: 'at' }] },
])
export const ChatMembers = defineCollection<ChatMemberRecord>('chat_members', [
  { name: 'user_last', fields: [{ field: 'userId' }, { field: 'lastAt', direction: 'desc' }] },
  // The 消息 tab's own purchases (buyer side only: the seller side is grouped by listing).
  {
    name: 'user_role_last',
    fields: [{ field: 'userId' }, { field: 'role' }, { field: 'lastAt', direction: 'desc' }],
  },
  {
    name: 'user_listing_last',
    fields: [{ field: 'userId' }, { field: 'listingId' }, { field: 'lastAt', direction: 'desc' }],
  },
])
export const ChatListings = defineCollection<ChatListingRecord>('chat_listings', [
  { name: 'seller_last', fields: [{ field: 'sellerId' }, { field: 'lastAt', direction: 'desc' }] },
])
export const ChatUnread = defineCollection<ChatUnreadRecord>('chat_unread')
export const ChatBlocks = defineCollection<ChatBlockRecord>('chat_blocks', [
  { name: 'blocker', fields: [{ field: 'blockerId' }, { field: 'at', direction: 'desc' }] },
])

export const conversationId = (listingId: string, buyerId: string) => `${listingId}:${buyerId}`
export const messageId = (convId: string, seq: number) =>
  `${convId}:${String(seq).padStart(8, '0')}`
export const sendId = (convId: string, senderId: string, clientMsgId: string) =>
  `${convId}:${senderId}:${clientMsgId}`
export const memberId = (userId: string, convId: string) => `${userId}:${convId}`
export const chatListingId = (sellerId: string, listingId: string) => `${sellerId}:${listingId}`
export const blockId = (blockerId: string, blockedId: string) => `${blockerId}:${blockedId}`
