import { chinaDateTime } from '@shared/domain/time'
import type { TransactionOps } from '../../core/ports/document-store.port'
import type { JobHandler } from '../../deps'
import { loadListing } from '../../listing'
import { runWechatCall } from '../../messaging'
import { enqueue, PermanentJobError } from '../../outbox'
import { loadUser, openidOf } from '../../user'
import { NOTIFY_BUCKET_MS, NOTIFY_DELAY_MS, PRESENT_MS } from '../domain/chat.rules'
import {
  type ConversationRecord,
  Conversations,
  conversationId,
  type Party,
} from '../domain/chat.records'
import { otherParty, userOf } from './chat-access'

/** The subscribe message "新消息" for a recipient who is away from the conversation. */
export const CHAT_MESSAGE_JOB = 'chat-message'

/** One key per conversation, recipient and hour: enqueueing again within the hour is a no-op. */
export const chatMessageJobKey = (convId: string, to: Party, at: number) =>
  `${CHAT_MESSAGE_JOB}:${convId}:${to}:${Math.floor(at / NOTIFY_BUCKET_MS)}`

/**
 * After a message to `to`: unless they marked read in the last two minutes (they are probably
 * in the conversation), a subscribe message is queued a minute out, at most one an hour.
 */
export const notifyLater = async (
  tx: TransactionOps,
  conv: ConversationRecord,
  to: Party,
  now: number,
) => {
  if (now - conv[`${to}ReadAt` as const] < PRESENT_MS) return
  await enqueue(tx, {
    key: chatMessageJobKey(conv._id, to, now),
    kind: CHAT_MESSAGE_JOB,
    orderId: null,
    at: now + NOTIFY_DELAY_MS,
  })
}

const thing = (s: string, fallback: string) => [...(s.trim() || fallback)].slice(0, 20).join('')

/** Sends the 新消息 subscribe message, unless the recipient has read everything meanwhile. */
const sendChatMessage: JobHandler = async (deps, job) => {
  const [, listingId, buyerId, to] = job._id.split(':') as [string, string, string, Party]
  const conv = await deps.store.get(Conversations, conversationId(listingId, buyerId))
  if (!conv) throw new PermanentJobError(`conversation ${listingId}:${buyerId} is gone`)
  if (conv[`${to}Unread` as const] === 0 || !conv.lastMessage) return 'done'
  const [toOpenid, sender, listing] = await Promise.all([
    openidOf(deps, userOf(conv, to)),
    loadUser(deps, userOf(conv, otherParty(to))),
    loadListing(deps.store, conv.listingId),
  ])
  if (!toOpenid) return 'done'
  const last = conv.lastMessage
  return runWechatCall(
    () =>
      deps.wechatApi.sendSubscribeMessage({
        toOpenid,
        templateId: deps.wechatApi.templates.chatMessage,
        page: `package-chat/conversation/index?id=${conv._id}`,
        data: {
          thing1: thing(sender?.nickname ?? '', '邻圈用户'),
          thing2: thing(last.text, '你有一条新消息'),
          time3: chinaDateTime(last.at),
          thing4: thing(listing?.title ?? '', '闲置宝贝'),
        },
      }),
    job,
  )
}

export const CHAT_JOB_HANDLERS: Record<string, JobHandler> = {
  [CHAT_MESSAGE_JOB]: sendChatMessage,
}
