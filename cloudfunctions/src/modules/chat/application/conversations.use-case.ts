import { AppError, ErrorCodes, isAppError } from '@shared/errors/error-codes'
import { enforceLimit } from '../../core'
import { newestFirst, type PageRequest } from '../../core/ports/document-store.port'
import type { Deps } from '../../deps'
import { hiddenByBan, loadListing } from '../../listing'
import { openidOf, type UserRecord } from '../../user'
import {
  ChatMembers,
  type ConversationRecord,
  Conversations,
  conversationId,
  memberId,
  type Party,
} from '../domain/chat.records'
import { OPEN_PER_USER, OPEN_TOO_OFTEN } from '../domain/chat.rules'
import { touchChatListing } from './append-message'
import { partyOf, readable } from './chat-access'
import { toConversations } from './chat-views'

type Viewer = Pick<UserRecord, '_id' | 'roles'>

/** Tries of one open when a concurrent open wrote the seller's listing row first. */
const MAX_ATTEMPTS = 8

/**
 * 聊一聊 / 我想要: the caller's conversation about a listing, as its buyer. The first open makes
 * it (and both parties' list entries); later ones find it, whatever became of the listing since.
 * A listing others cannot see (a draft, taken down, its seller banned) cannot start one, and a
 * buyer starts at most 20 an hour (OPEN_PER_USER).
 */
export const openConversation = async (deps: Deps, user: Viewer, listingId: string) => {
  const listing = await loadListing(deps.store, listingId)
  if (!listing) throw new AppError(ErrorCodes.NOT_FOUND, '宝贝不存在或已下架')
  if (listing.sellerId === user._id) throw new AppError(ErrorCodes.CHAT_CANNOT_CHAT_SELF)
  const id = conversationId(listingId, user._id)
  let conversation = await deps.store.get(Conversations, id)
  if (!conversation) {
    const now = deps.clock.now()
    const visible = listing.status === 'active' || listing.status === 'sold'
    if (!visible || hiddenByBan(listing, now))
      throw new AppError(ErrorCodes.NOT_FOUND, '宝贝不存在或已下架')
    // Only a new conversation counts: reopening one is free.
    await enforceLimit(deps.limits, OPEN_PER_USER, user._id, OPEN_TOO_OFTEN)
    const fresh: ConversationRecord = {
      _id: id,
      listingId,
      sellerId: listing.sellerId,
      buyerId: user._id,
      buyerOpenid: await openidOf(deps, user._id),
      sellerOpenid: await openidOf(deps, listing.sellerId),
      lastSeq: 0,
      lastMessage: null,
      buyerUnread: 0,
      sellerUnread: 0,
      buyerReadSeq: 0,
      sellerReadSeq: 0,
      buyerReadAt: now,
      sellerReadAt: 0,
      createdAt: now,
      updatedAt: now,
      version: 1,
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await deps.store.transaction(async (tx) => {
          // A double tap opened it first: that one is the conversation.
          if (await tx.get(Conversations, id)) return
          await tx.insert(Conversations, fresh)
          for (const [userId, role] of [
            [user._id, 'buyer'],
            [listing.sellerId, 'seller'],
          ] as const)
            await tx.insert(ChatMembers, {
              _id: memberId(userId, id),
              userId,
              conversationId: id,
              listingId,
              role,
              lastAt: now,
            })
          await touchChatListing(tx, fresh, { opened: true, at: now })
        })
        break
      } catch (e) {
        // Another open (this one tapped twice, or another buyer's on the seller's row) wrote first.
        if (isAppError(e) && e.code === ErrorCodes.CONFLICT && attempt < MAX_ATTEMPTS) continue
        throw e
      }
    }
    conversation = (await deps.store.get(Conversations, id))!
  }
  const [view] = await toConversations(deps, [{ conversation, access: 'buyer' }])
  return view!
}

/** One conversation as the caller sees it (parties and operators). */
export const getConversation = async (deps: Deps, user: Viewer, id: string) => {
  const [view] = await toConversations(deps, [await readable(deps.store, user, id)])
  if (!view) throw new AppError(ErrorCodes.NOT_FOUND, '会话不存在')
  return view
}

/**
 * The caller's conversations, latest activity first, from their own list entries (so both the
 * buyer's and the seller's side are one indexed query); `listingId` narrows to one listing and
 * `role` to one side (the 消息 tab lists purchases and groups sales by listing).
 */
export const listConversations = async (
  deps: Deps,
  user: Viewer,
  query: PageRequest & { listingId?: string; role?: Party },
) => {
  const page = await deps.store.find(
    ChatMembers,
    {
      userId: user._id,
      ...(query.listingId ? { listingId: query.listingId } : {}),
      ...(query.role ? { role: query.role } : {}),
    },
    newestFirst('lastAt', { limit: query.limit, cursor: query.cursor }),
  )
  const records = await Promise.all(
    page.items.map((m) => deps.store.get(Conversations, m.conversationId)),
  )
  const items = records.flatMap((conversation) => {
    const access = conversation && partyOf(conversation, user._id)
    return conversation && access ? [{ conversation, access }] : []
  })
  return { items: await toConversations(deps, items), nextCursor: page.nextCursor }
}
