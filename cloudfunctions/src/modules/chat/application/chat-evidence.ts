import { ErrorCodes, isAppError } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { previewOf } from '../domain/chat.rules'
import {
  ChatMembers,
  Conversations,
  Messages,
  ModeratedMessages,
  type MessageRecord,
} from '../domain/chat.records'

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
  const m = await deps.store.transaction(async (tx) => {
    const current = await tx.get(Messages, messageId)
    if (!current) return null
    const kept = await tx.get(ModeratedMessages, messageId)
    // Removed: the words and the photo leave the message document itself; anything else gives
    // them back if a removal kept them.
    if (moderation === 'removed' && !kept && (current.text !== null || current.fileId !== null))
      await tx.insert(ModeratedMessages, {
        _id: messageId,
        text: current.text,
        fileId: current.fileId,
        at: current.at,
      })
    const content =
      moderation === 'removed'
        ? { text: null, fileId: null }
        : kept
          ? { text: kept.text, fileId: kept.fileId }
          : {}
    if (moderation !== 'removed' && kept) await tx.remove(ModeratedMessages, messageId)
    await tx.update(Messages, messageId, { moderation, ...content })
    return { ...current, ...content, moderation }
  })
  if (!m) return
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
