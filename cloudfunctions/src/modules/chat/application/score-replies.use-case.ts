import { updateIfUnchanged } from '../../core'
import type { Deps } from '../../deps'
import { Conversations } from '../domain/chat.records'

const BATCH = 100

/**
 * The reply-rate sweep (cron sweep-counters, hourly): every buyer question whose answer window has
 * closed is scored once — answered when the seller wrote back within the window — and handed to
 * the chatQuestionScored reactions (credit's 聊天回复 factor) in the same transaction that clears
 * replyDueAt, so a re-run or a concurrent sweep counts nothing twice.
 */
export const scoreChatReplies = async (
  deps: Pick<Deps, 'store' | 'clock' | 'hooks'>,
): Promise<{ questionsScored: number }> => {
  const now = deps.clock.now()
  let questionsScored = 0
  for (;;) {
    const due = (
      await deps.store.find(Conversations, { replyDueAt: { $lte: now } }, { limit: BATCH })
    ).items
    for (const { _id } of due) {
      const scored = await deps.store.transaction(async (tx) => {
        const conv = await tx.get(Conversations, _id)
        if (!conv || conv.replyDueAt == null || conv.replyDueAt > now || conv.askedAt == null)
          return false
        const answered = conv.answeredAt != null && conv.answeredAt <= conv.replyDueAt
        for (const react of deps.hooks.chatQuestionScored)
          await react(tx, {
            conversationId: conv._id,
            sellerId: conv.sellerId,
            askedAt: conv.askedAt,
            answered,
            now,
          })
        await updateIfUnchanged(tx, Conversations, conv._id, conv, { replyDueAt: null })
        return true
      })
      if (scored) questionsScored++
    }
    if (due.length < BATCH) break
  }
  return { questionsScored }
}
