import type { ChatListing, ChatMessage, Conversation } from '@shared/contracts/chat.contract'
import type { Deps } from '../../deps'
import { loadListings, type ListingRecord } from '../../listing'
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

/** The listing a card shows, as it stands now: thumbnail, price and status change after sharing. */
const cardOf = (listing: ListingRecord, urls: Record<string, string>): ChatListing => {
  const thumb = listing.photoFileIds[0]
  return {
    id: listing._id,
    title: listing.title,
    priceFen: listing.priceFen,
    status: listing.status,
    thumbnailUrl: thumb ? (urls[thumb] ?? null) : null,
  }
}

/** The listings of `ids` that still exist, each read once. */
const listingsById = async (deps: Pick<Deps, 'store'>, ids: string[]) =>
  new Map((await loadListings(deps, [...new Set(ids)])).map((l) => [l._id, l]))

/** Conversations as the viewer sees them; one whose listing is gone is left out. */
export const toConversations = async (
  deps: Pick<Deps, 'store' | 'files'>,
  items: { conversation: ConversationRecord; access: Access }[],
): Promise<Conversation[]> => {
  const users = await loadPublicUsers(
    deps,
    items.map(({ conversation, access }) => otherId(conversation, access)),
  )
  const listings = await listingsById(
    deps,
    items.map(({ conversation }) => conversation.listingId),
  )
  const thumbs = [...listings.values()].flatMap((l) =>
    l.photoFileIds[0] ? [l.photoFileIds[0]] : [],
  )
  const urls = thumbs.length ? await deps.files.urls(thumbs) : {}
  const views = await Promise.all(
    items.map(async ({ conversation: c, access }) => {
      const listing = listings.get(c.listingId)
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
  return {
    id: c._id,
    role: access,
    other,
    listing: cardOf(listing, urls),
    lastSeq: c.lastSeq,
    lastMessage: c.lastMessage,
    unread: access === 'operator' ? 0 : c[`${access}Unread` as const],
    myReadSeq: access === 'operator' ? 0 : c[`${access}ReadSeq` as const],
    otherReadSeq: otherReadSeq(c, access),
    ...blocks,
    updatedAt: c.updatedAt,
  }
}

/**
 * What stands in for a message moderation took away: a removed one for both parties, a hidden one
 * (reported, under review) for everyone but its sender. Null: the message is shown.
 */
const maskedText = (m: MessageRecord, viewerId: string): string | null => {
  if (m.moderation === 'removed') return '[该消息违反平台规则，已被删除]'
  if (m.moderation === 'hidden' && m.senderId !== viewerId) return '[该消息被举报，正在审核]'
  return null
}

/**
 * Messages as `viewerId` sees them, with image URLs and 宝贝 cards as their listings stand now
 * (a card whose listing is gone is null); the client's id only for its sender.
 */
export const toMessages = async (
  deps: Pick<Deps, 'files' | 'store'>,
  viewerId: string,
  records: MessageRecord[],
): Promise<ChatMessage[]> => {
  const cards = await listingsById(
    deps,
    records.flatMap((m) => (m.cardListingId ? [m.cardListingId] : [])),
  )
  const fileIds = [
    ...records.flatMap((m) => (m.fileId ? [m.fileId] : [])),
    ...[...cards.values()].flatMap((l) => (l.photoFileIds[0] ? [l.photoFileIds[0]] : [])),
  ]
  const urls = fileIds.length ? await deps.files.urls(fileIds) : {}
  return records.map((m) => {
    const masked = maskedText(m, viewerId)
    if (masked !== null)
      return {
        id: m._id,
        conversationId: m.conversationId,
        seq: m.seq,
        senderId: m.senderId,
        kind: 'text' as const,
        text: masked,
        image: null,
        orderId: null,
        offerId: null,
        card: null,
        clientMsgId: m.senderId === viewerId ? m.clientMsgId : null,
        at: m.at,
        offPlatform: false,
      }
    const card = m.cardListingId ? cards.get(m.cardListingId) : undefined
    return {
      id: m._id,
      conversationId: m.conversationId,
      seq: m.seq,
      senderId: m.senderId,
      kind: m.kind,
      text: m.text,
      image: m.fileId ? { fileId: m.fileId, url: urls[m.fileId] ?? null } : null,
      orderId: m.orderId,
      // Messages stored before offers and cards were posted into the chat have no fields.
      offerId: m.offerId ?? null,
      card: card ? cardOf(card, urls) : null,
      clientMsgId: m.senderId === viewerId ? m.clientMsgId : null,
      at: m.at,
      offPlatform: m.offPlatform,
    }
  })
}
