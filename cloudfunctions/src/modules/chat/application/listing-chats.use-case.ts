import type { ListingChats } from '@shared/contracts/chat.contract'
import { newestFirst, type PageRequest } from '../../core/ports/document-store.port'
import type { Deps } from '../../deps'
import type { UserRecord } from '../../user'
import { ChatListings, chatListingId, Conversations } from '../domain/chat.records'
import { toConversations } from './chat-views'

/**
 * The caller's own listings that buyers asked about, latest activity first: each with its number
 * of conversations (N 人咨询), the caller's unread sum over them and the latest conversation, read
 * from the caller's chat_listings rows (one indexed query). The rows are keyed by the caller, so
 * another seller's listing id answers an empty page; a listing gone from the store leaves its row
 * out, as it leaves its conversations out of `list`.
 */
export const listListingChats = async (
  deps: Deps,
  user: Pick<UserRecord, '_id'>,
  query: PageRequest & { listingId?: string },
): Promise<{ items: ListingChats[]; nextCursor: string | null }> => {
  const page = query.listingId
    ? {
        items: [await deps.store.get(ChatListings, chatListingId(user._id, query.listingId))],
        nextCursor: null,
      }
    : await deps.store.find(
        ChatListings,
        { sellerId: user._id },
        newestFirst('lastAt', { limit: query.limit, cursor: query.cursor }),
      )
  const rows = page.items.flatMap((r) => (r ? [r] : []))
  const latest = await Promise.all(
    rows.map((r) => deps.store.get(Conversations, r.lastConversationId)),
  )
  const views = await toConversations(
    deps,
    latest.flatMap((c) =>
      c && c.sellerId === user._id ? [{ conversation: c, access: 'seller' as const }] : [],
    ),
  )
  const byId = new Map(views.map((v) => [v.id, v]))
  const items = rows.flatMap((r) => {
    const view = byId.get(r.lastConversationId)
    if (!view) return []
    return [
      {
        id: r.listingId,
        listing: view.listing,
        conversations: r.conversations,
        unread: r.unread,
        latest: view,
        updatedAt: r.lastAt,
      },
    ]
  })
  return { items, nextCursor: page.nextCursor }
}
