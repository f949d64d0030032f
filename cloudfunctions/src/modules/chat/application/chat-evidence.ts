import { ErrorCodes, isAppError } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { previewOf } from '../domain/chat.rules'
import { ChatMembers, Conversations, Messages, type MessageRecord } from '../domain/chat.records'

/**
 * What disputes read of chat: the messages of one conversation (evidence is picked from the
 * order's own conversation only), and whom a user has chatted with (the jury draw keeps them off
 * each other's cases).
 */

/** The given messages if each belongs to `convId`; null in place of one that does not. */
export const messagesIn = async (
  deps: Pick<Deps, 'store'>,
  convId: string,
  ids: readonly string[],
): Promise<(MessageRecord | null)[]> =>
  Promise.all(
    ids.map(async (id) => {
      const m = await deps.store.get(Messages, id)
      return m && m.conversationId === convId ? m : null
    }),
  )

/** The latest `limit` messages of a conversation, oldest first. */
export const latestMessagesOf = async (
  deps: Pick<Deps, 'store'>,
  convId: string,
  limit: number,
): Promise<MessageRecord[]> =>
  (
    await deps.store.find(
      Messages,
      { conversationId: convId },
      { orderBy: { field: 'seq', direction: 'desc' }, limit },
    )
  ).items.reverse()

/** The other party of each of the user's most recent conversations. */
export const chatPartnersOf = async (
  deps: Pick<Deps, 'store'>,
  userId: string,
  limit: number,
): Promise<Set<string>> => {
  const members = await deps.store.find(
    ChatMembers,
    { userId },
    { orderBy: { field: 'lastAt', direction: 'desc' }, limit },
  )
  const convs = await Promise.all(
    members.items.map((m) => deps.store.get(Conversations, m.conversationId)),
  )
  return new Set(convs.flatMap((c) => (c ? [c.buyerId === userId ? c.sellerId : c.buyerId] : [])))
}

/** A message by its id (`<conversationId>:<seq>`), with its conversation's two parties. */
export const messageWithParties = async (deps: Pick<Deps, 'store'>, messageId: string) => {
  const message = await deps.store.get(Messages, messageId)
  if (!message) return null
  const conv = await deps.store.get(Conversations, message.conversationId)
  if (!conv) return null
  return {
    message,
    conversation: {
      id: conv._id,
      listingId: conv.listingId,
      buyerId: conv.buyerId,
      sellerId: conv.sellerId,
    },
  }
}

/** What the conversation list previews for a message under moderation's mark. */
const MODERATED_PREVIEW = { hidden: '[消息审核中]', removed: '[消息已删除]' } as const

/**
 * Moderation's mark on a message: hidden from the other party, removed, or shown again (null).
 * When it is the conversation's latest, the list's preview follows (unless a newer message
 * arrived meanwhile: the write expects the same last seq).
 */
export const moderateMessage = async (
  deps: Pick<Deps, 'store'>,
  messageId: string,
  moderation: 'hidden' | 'removed' | null,
): Promise<void> => {
  const m = await deps.store.get(Messages, messageId)
  if (!m) return
  await deps.store.update(Messages, messageId, { moderation })
  const conv = await deps.store.get(Conversations, m.conversationId)
  if (!conv?.lastMessage || conv.lastSeq !== m.seq) return
  const text = moderation ? MODERATED_PREVIEW[moderation] : previewOf(m.kind, m.text)
  await deps.store
    .update(
      Conversations,
      conv._id,
      { lastMessage: { ...conv.lastMessage, text } },
      { expect: { lastSeq: m.seq } },
    )
    .catch((e: unknown) => {
      // A newer message took the preview meanwhile: nothing left to mask.
      if (!(isAppError(e) && e.code === ErrorCodes.CONFLICT)) throw e
    })
}
