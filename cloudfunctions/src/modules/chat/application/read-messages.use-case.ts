import { CHAT_LIMITS } from '@shared/domain/chat'
import { ErrorCodes, isAppError } from '@shared/errors/error-codes'
import { updateIfUnchanged } from '../../core'
import type { Deps } from '../../deps'
import type { UserRecord } from '../../user'
import { ChatUnread, Conversations, Messages } from '../domain/chat.records'
import { addUnread, touchChatListing } from './append-message'
import { readable, writable } from './chat-access'
import { otherReadSeq, toMessages } from './chat-views'

type Viewer = Pick<UserRecord, '_id' | 'roles'>

/** Messages before `beforeSeq` (the latest without it), newest first; seqs have no gaps, so seq 1 ends it. */
export const history = async (
  deps: Deps,
  user: Viewer,
  q: { conversationId: string; beforeSeq?: number; limit: number },
) => {
  const { conversation: c, access } = await readable(deps.store, user, q.conversationId)
  const page = await deps.store.find(
    Messages,
    { conversationId: c._id, seq: { $lt: q.beforeSeq ?? c.lastSeq + 1 } },
    { orderBy: { field: 'seq', direction: 'desc' }, limit: q.limit },
  )
  const oldest = page.items.at(-1)?.seq ?? 1
  return {
    items: await toMessages(deps, user._id, page.items),
    nextBeforeSeq: oldest > 1 ? oldest : null,
    lastSeq: c.lastSeq,
    otherReadSeq: otherReadSeq(c, access),
  }
}

/** Messages after `afterSeq`, oldest first: what a client that saw up to afterSeq is missing. */
export const since = async (
  deps: Deps,
  user: Viewer,
  q: { conversationId: string; afterSeq: number; limit: number },
) => {
  const { conversation: c, access } = await readable(deps.store, user, q.conversationId)
  const page = await deps.store.find(
    Messages,
    { conversationId: c._id, seq: { $gt: q.afterSeq } },
    { orderBy: { field: 'seq', direction: 'asc' }, limit: Math.min(q.limit, CHAT_LIMITS.sinceMax) },
  )
  const last = page.items.at(-1)?.seq ?? q.afterSeq
  return {
    items: await toMessages(deps, user._id, page.items),
    hasMore: last < c.lastSeq,
    lastSeq: Math.max(c.lastSeq, last),
    otherReadSeq: otherReadSeq(c, access),
  }
}

/**
 * The caller has read up to `seq`: their read seq (never moved back) and unread change with their
 * 消息 badge in one transaction. Read to the end, nothing is unread; read to the middle, what is
 * unread can only have shrunk.
 */
export const markRead = async (
  deps: Deps,
  user: Viewer,
  q: { conversationId: string; seq: number },
) => {
  for (let attempt = 1; ; attempt++) {
    try {
      const read = await deps.store.transaction(async (tx) => {
        const { conversation: c, party } = await writable(tx, user, q.conversationId)
        const readSeq = Math.max(c[`${party}ReadSeq` as const], Math.min(q.seq, c.lastSeq))
        const before = c[`${party}Unread` as const]
        const unread = readSeq >= c.lastSeq ? 0 : Math.min(before, c.lastSeq - readSeq)
        await updateIfUnchanged(tx, Conversations, c._id, c, {
          [`${party}ReadSeq`]: readSeq,
          [`${party}Unread`]: unread,
          [`${party}ReadAt`]: deps.clock.now(),
        })
        const unreadTotal = await addUnread(tx, user._id, unread - before)
        if (party === 'seller' && unread !== before)
          await touchChatListing(tx, c, { unread: unread - before })
        return { readSeq, unread, unreadTotal }
      })
      // The other party's stream shows 已读 now.
      deps.chatSignal.notify(q.conversationId)
      return read
    } catch (e) {
      if (isAppError(e) && e.code === ErrorCodes.CONFLICT && attempt < 8) continue
      throw e
    }
  }
}

/** The 消息 badge: one read of the caller's counter, kept by send and markRead. */
export const unreadTotal = async (deps: Pick<Deps, 'store'>, userId: string) => ({
  total: (await deps.store.get(ChatUnread, userId))?.total ?? 0,
})
