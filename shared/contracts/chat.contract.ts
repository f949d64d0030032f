import { z } from 'zod'
import { CHAT_LIMITS, OFF_PLATFORM_WARNING } from '../domain/chat'
import { LISTING_STATUSES } from '../domain/listing'
import { ErrorCodes } from '../errors/error-codes'
import { FileIdSchema, IdSchema, PublicUserSchema, pageOf, PageQuerySchema } from './common.schema'
import { defineContract } from './define-contract'
import { userText } from './user-text'

/** What a message is: people send text and images; the platform posts the rest. */
export const MESSAGE_KINDS = ['text', 'image', 'listing', 'offer', 'order', 'system'] as const
export type MessageKind = (typeof MESSAGE_KINDS)[number]

export { CHAT_LIMITS, OFF_PLATFORM_WARNING }

/** A conversation is `<listingId>:<buyerId>`: one per listing and buyer. */
export const ConversationIdSchema = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{26}:[0-9A-HJKMNP-TV-Z]{26}$/, '会话 id 格式不正确')

/** The client's id for one send, so a retry is stored once (a UUID or ULID fits). */
export const ClientMsgIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '消息标识格式不正确')

const SeqSchema = z.number().int().min(0)

/** A listing as a chat card shows it: the conversation's pinned one, or one shared in a message. */
export const ChatListingSchema = z.object({
  id: IdSchema,
  title: z.string(),
  priceFen: z.number().int(),
  status: z.enum(LISTING_STATUSES),
  thumbnailUrl: z.string().nullable(),
})
export type ChatListing = z.infer<typeof ChatListingSchema>

export const ConversationSchema = z.object({
  id: ConversationIdSchema,
  /** The caller's part; an operator reads for a report and is shown the buyer as `other`. */
  role: z.enum(['buyer', 'seller', 'operator']),
  other: PublicUserSchema,
  listing: ChatListingSchema,
  lastSeq: z.number().int(),
  lastMessage: z
    .object({ kind: z.enum(MESSAGE_KINDS), text: z.string(), at: z.number().int() })
    .nullable(),
  /** Messages the caller has not read. */
  unread: z.number().int(),
  myReadSeq: z.number().int(),
  /** 已读: the caller's messages up to this seq have been read by the other party. */
  otherReadSeq: z.number().int(),
  /** Either of them blocked the other: no new messages either way. */
  blocked: z.boolean(),
  blockedByMe: z.boolean(),
  updatedAt: z.number().int(),
})
export type Conversation = z.infer<typeof ConversationSchema>

/** One of the seller's listings that buyers asked about: the 消息 tab's row for it (N 人咨询). */
export const ListingChatsSchema = z.object({
  /** The listing's id (one row per listing). */
  id: IdSchema,
  listing: ChatListingSchema,
  /** Buyers who opened a conversation about it. */
  conversations: z.number().int(),
  /** The seller's unread messages over those conversations. */
  unread: z.number().int(),
  /** The conversation with the latest activity (the whole row when it is the only one). */
  latest: ConversationSchema,
  updatedAt: z.number().int(),
})
export type ListingChats = z.infer<typeof ListingChatsSchema>

export const ChatMessageSchema = z.object({
  id: z.string(),
  conversationId: ConversationIdSchema,
  /** 1, 2, 3… per conversation, with no gaps: the client asks `since` its last one. */
  seq: z.number().int().min(1),
  /** Null for what the platform posts (order events, system notes). */
  senderId: IdSchema.nullable(),
  kind: z.enum(MESSAGE_KINDS),
  text: z.string().nullable(),
  image: z.object({ fileId: z.string(), url: z.string().nullable() }).nullable(),
  /** The order an order event is about. */
  orderId: z.string().nullable(),
  /** The offer an offer line is about (出价, 还价, 接受…): the client shows its card. */
  offerId: z.string().nullable(),
  /** A listing card (宝贝) the sender shared, as it stands now; null once it is gone. */
  card: ChatListingSchema.nullable(),
  /** Only the sender sees the id its client sent (to match its pending bubble). */
  clientMsgId: z.string().nullable(),
  at: z.number().int(),
  /** Flagged by the off-platform guard: the recipient sees a warning banner. */
  offPlatform: z.boolean(),
})
export type ChatMessage = z.infer<typeof ChatMessageSchema>

const ConversationRef = z.object({ conversationId: ConversationIdSchema }).strict()

const SendBase = { conversationId: ConversationIdSchema, clientMsgId: ClientMsgIdSchema }
export const SendInputSchema = z.discriminatedUnion('kind', [
  z
    .object({
      ...SendBase,
      kind: z.literal('text'),
      text: userText({ min: 1, max: CHAT_LIMITS.textMax, multiline: true, label: '消息' }),
    })
    .strict(),
  z.object({ ...SendBase, kind: z.literal('image'), fileId: FileIdSchema }).strict(),
  /** 发宝贝: one of the sender's own listings on sale, as a card ("还有别的吗？"). */
  z.object({ ...SendBase, kind: z.literal('listing'), listingId: IdSchema }).strict(),
])
export type SendInput = z.infer<typeof SendInputSchema>

const ReadReceipts = { lastSeq: z.number().int(), otherReadSeq: z.number().int() }

export const ChatContract = defineContract('chat', {
  open: {
    summary:
      "聊一聊 / 我想要: the caller's conversation about a listing, as its buyer (made on first open).",
    auth: 'user',
    input: z.object({ listingId: IdSchema }).strict(),
    output: ConversationSchema,
    errors: [ErrorCodes.CHAT_CANNOT_CHAT_SELF],
  },
  get: {
    summary: 'One conversation with its pinned listing card, for its parties (and an operator).',
    auth: 'user',
    input: ConversationRef,
    output: ConversationSchema,
    errors: [],
  },
  list: {
    summary:
      "The caller's conversations, latest activity first; with listingId, one listing's (a seller's grouping); with role, one side's.",
    auth: 'user',
    input: PageQuerySchema.extend({
      listingId: IdSchema.optional(),
      role: z.enum(['buyer', 'seller']).optional(),
    }).strict(),
    output: pageOf(ConversationSchema),
    errors: [],
  },
  listings: {
    summary:
      "The caller's own listings with conversations, latest activity first, each with N 人咨询 and the unread sum; with listingId, that one.",
    auth: 'user',
    input: PageQuerySchema.extend({ listingId: IdSchema.optional() }).strict(),
    output: pageOf(ListingChatsSchema),
    errors: [],
  },
  history: {
    summary: 'Messages before a seq (the latest without one), newest first, paged backwards.',
    auth: 'user',
    input: z
      .object({
        conversationId: ConversationIdSchema,
        beforeSeq: SeqSchema.optional(),
        limit: z
          .number()
          .int()
          .min(1)
          .max(CHAT_LIMITS.historyMax)
          .default(CHAT_LIMITS.historyDefault),
      })
      .strict(),
    output: z.object({
      items: z.array(ChatMessageSchema),
      /** Pass as beforeSeq for the older page; null at the first message. */
      nextBeforeSeq: z.number().int().nullable(),
      ...ReadReceipts,
    }),
    errors: [],
  },
  since: {
    summary: 'Messages after a seq, oldest first: gap fill after a reconnect, and polling.',
    auth: 'user',
    input: z
      .object({
        conversationId: ConversationIdSchema,
        afterSeq: SeqSchema,
        limit: z.number().int().min(1).max(CHAT_LIMITS.sinceMax).default(CHAT_LIMITS.sinceMax),
      })
      .strict(),
    output: z.object({
      items: z.array(ChatMessageSchema),
      /** More after the last item: ask again from it. */
      hasMore: z.boolean(),
      ...ReadReceipts,
    }),
    errors: [],
  },
  send: {
    summary:
      'Posts text, an own uploaded image or an own listing on sale; a retry with the same clientMsgId answers the stored message.',
    auth: 'user',
    input: SendInputSchema,
    output: ChatMessageSchema,
    errors: [
      ErrorCodes.CHAT_BLOCKED,
      ErrorCodes.CHAT_MUTED,
      ErrorCodes.FILE_NOT_OWNED,
      ErrorCodes.CHAT_LISTING_UNAVAILABLE,
      ErrorCodes.CONTENT_BLOCKED,
      ErrorCodes.USER_RESTRICTED,
    ],
  },
  markRead: {
    summary:
      "Marks the conversation read up to a seq: the caller's unread and the 已读 the other sees.",
    auth: 'user',
    input: z.object({ conversationId: ConversationIdSchema, seq: SeqSchema }).strict(),
    output: z.object({
      readSeq: z.number().int(),
      unread: z.number().int(),
      unreadTotal: z.number().int(),
    }),
    errors: [],
  },
  unreadTotal: {
    summary: 'The 消息 badge: unread messages over all the caller’s conversations.',
    auth: 'user',
    input: z.object({}).strict(),
    output: z.object({ total: z.number().int() }),
    errors: [],
  },
  block: {
    summary: 'Blocks the other party of a conversation: no new messages either way, history kept.',
    auth: 'user',
    input: ConversationRef,
    output: z.object({ blocked: z.literal(true) }),
    errors: [],
  },
  unblock: {
    summary: 'Lifts the caller’s block of the other party.',
    auth: 'user',
    input: ConversationRef,
    output: z.object({ blocked: z.literal(false) }),
    errors: [],
  },
})
