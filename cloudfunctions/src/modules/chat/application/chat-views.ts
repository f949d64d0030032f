import type { ChatMessage, Conversation } from '@shared/contracts/chat.contract'
import type { Deps } from '../../deps'
import { loadListing, type ListingRecord } from '../../listing'
import { loadPublicUsers } from '../../user'
import {
  ChatBlocks,
  type ConversationRecord,
  type MessageRecord,
  blockId,
} from '../domain/chat.records'
import type { Access } from './chat-access'

/** The seq up to which the party opposite the viewer has read (an operator is shown the buyer as `other`). */
export const otherReadSeq = (c: ConversationRecord, access: Access) =>
  access === 'buyer' ? c.sellerReadSeq : c.buyerReadSeq

const otherId = (c: ConversationRecord, access: Access) =>
  access === 'buyer' ? c.sellerId : c.buyerId

/** Whether `a` blocked `b`, and `b` blocked `a`. */
export const blocksBetween = async (deps: Pick<Deps, 'store'>, a: string, b: string) => {
  const [ab, ba] = await Promise.all([
    deps.store.get(ChatBlocks, blockId(a, b)),
    deps.store.get(ChatBlocks, blockId(b, a)),
  ])
  return { aBlockedB: ab !== null, bBlockedA: ba !== null }
}

/** Conversations as the viewer sees them; one whose listing is gone is left out. */
export const toConversations = async (
  deps: Pick<Deps, 'store' | 'files'>,
  items: { conversation: ConversationRecord; access: Access }[],
): Promise<Conversation[]> => {
  const users = await loadPublicUsers(
    deps,
    items.map(({ conversation, access }) => otherId(conversation, access)),
  )
  const listings = await Promise.all(
    items.map(({ conversation }) => loadListing(deps.store, conversation.listingId)),
  )
  const thumbs = listings.flatMap((l) => (l?.photoFileIds[0] ? [l.photoFileIds[0]] : []))
  const urls = thumbs.length ? await deps.files.urls(thumbs) : {}
  const views = await Promise.all(
    items.map(async ({ conversation: c, access }, i) => {
      const listing = listings[i]
      const other = users.get(otherId(c, access))
      if (!listing || !other) return null
      const { aBlockedB: buyerBlocked, bBlockedA: sellerBlocked } = await blocksBetween(
        deps,
        c.buyerId,
        c.sellerId,
      )
      return toConversation(c, access, other, listing, urls, {
        blocked: buyerBlocked || sellerBlocked,
        blockedByMe: (access === 'buyer' && buyerBlocked) || (access === 'seller' && sellerBlocked),
      })
    }),
  )
  return views.filter((v): v is Conversation => v !== null)
}

const toConversation = (
  c: ConversationRecord,
  access: Access,
  other: Conversation['other'],
  listing: ListingRecord,
  urls: Record<string, string>,
  blocks: { blocked: boolean; blockedByMe: boolean },
): Conversation => {
  const thumb = listing.photoFileIds[0]
  return {
    id: c._id,
    role: access,
    other,
    listing: {
      id: listing._id,
      title: listing.title,
      priceFen: listing.priceFen,
      status: listing.status,
      thumbnailUrl: thumb ? (urls[thumb] ?? null) : null,
    },
    lastSeq: c.lastSeq,
    lastMessage: c.lastMessage,
    unread: access === 'operator' ? 0 : c[`${access}Unread` as const],
    myReadSeq: access === 'operator' ? 0 : c[`${access}ReadSeq` as const],
    otherReadSeq: otherReadSeq(c, access),
    ...blocks,
    updatedAt: c.updatedAt,
  }
}

/** Messages as `viewerId` sees them, with image URLs; the client's id only for its sender. */
export const toMessages = async (
  deps: Pick<Deps, 'files'>,
  viewerId: string,
  records: MessageRecord[],
): Promise<ChatMessage[]> => {
  const fileIds = records.flatMap((m) => (m.fileId ? [m.fileId] : []))
  const urls = fileIds.length ? await deps.files.urls(fileIds) : {}
  return records.map((m) => ({
    id: m._id,
    conversationId: m.conversationId,
    seq: m.seq,
    senderId: m.senderId,
    kind: m.kind,
    text: m.text,
    image: m.fileId ? { fileId: m.fileId, url: urls[m.fileId] ?? null } : null,
    orderId: m.orderId,
    // Messages stored before offers were posted into the chat have no field.
    offerId: m.offerId ?? null,
    clientMsgId: m.senderId === viewerId ? m.clientMsgId : null,
    at: m.at,
    offPlatform: m.offPlatform,
  }))
}
