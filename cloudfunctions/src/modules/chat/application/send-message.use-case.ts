import type { SendInput } from '@shared/contracts/chat.contract'
import { findOffPlatform } from '@shared/domain/off-platform'
import { AppError, ErrorCodes, isAppError } from '@shared/errors/error-codes'
import { enforceLimit } from '../../core'
import type { TransactionOps } from '../../core/ports/document-store.port'
import type { Deps } from '../../deps'
import { loadListing } from '../../listing'
import { flagFor, saveFlag, SCENES, screenText, type Screening } from '../../risk'
import { assertOwnUploads } from '../../upload'
import { assertUnrestricted, openidOf, type UserRecord } from '../../user'
import {
  OFF_PLATFORM_STRIKES,
  SEND_PER_USER,
  SEND_TOO_OFTEN,
  SLOWED_FROM_STRIKES,
  SLOWED_MESSAGE,
  SLOWED_SEND,
} from '../domain/chat.rules'
import {
  ChatBlocks,
  ChatSends,
  type ConversationRecord,
  Messages,
  blockId,
  sendId,
} from '../domain/chat.records'
import { appendMessage, type Draft } from './append-message'
import { otherParty, writable } from './chat-access'
import { notifyLater } from './chat-jobs'
import { toMessages } from './chat-views'

/** Tries of one send when another append took the number first (a busy conversation on CloudBase). */
const MAX_ATTEMPTS = 8

/** No new message while either party blocks the other (history stays readable). */
const assertNotBlocked = async (tx: TransactionOps, c: ConversationRecord, senderId: string) => {
  const recipientId = c.buyerId === senderId ? c.sellerId : c.buyerId
  if (await tx.get(ChatBlocks, blockId(senderId, recipientId)))
    throw new AppError(ErrorCodes.CHAT_BLOCKED, '你已屏蔽对方，解除屏蔽后才能发消息')
  if (await tx.get(ChatBlocks, blockId(recipientId, senderId)))
    throw new AppError(ErrorCodes.CHAT_BLOCKED)
}

/**
 * A sender who keeps luring the other party off the platform is slowed down in that conversation
 * from the 3rd strike of the day, and muted there after the 5th (CHAT.MUTED, with when it lifts).
 */
const assertMayTalk = async (deps: Deps, strikeKey: string) => {
  const strikes = await deps.limits.peek(OFF_PLATFORM_STRIKES, strikeKey)
  if (!strikes.allowed)
    throw new AppError(ErrorCodes.CHAT_MUTED, undefined, { retryAfterMs: strikes.retryAfterMs })
  const counted = OFF_PLATFORM_STRIKES.limit - 1 - strikes.remaining
  if (counted >= SLOWED_FROM_STRIKES)
    await enforceLimit(deps.limits, SLOWED_SEND, strikeKey, SLOWED_MESSAGE)
}

/**
 * What a send stores, per kind, checked before anything is written: text is read by the
 * off-platform guard and the content checks (modules/risk: prohibited goods answer CONTENT.BLOCKED;
 * doubtful text is delivered and flagged for the moderation queue), an image must be the sender's
 * own upload, a card one of the sender's own listings on sale (its title is the preview in the list).
 */
const contentOf = async (
  deps: Deps,
  userId: string,
  input: SendInput,
): Promise<
  Pick<Draft, 'kind' | 'text' | 'fileId' | 'cardListingId' | 'offPlatform'> & {
    screening?: Screening
  }
> => {
  if (input.kind === 'text')
    return {
      kind: 'text',
      text: input.text,
      fileId: null,
      offPlatform: findOffPlatform(input.text).length > 0,
      screening: await screenText(deps, {
        openid: await openidOf(deps, userId),
        scene: SCENES.social,
        fields: [{ path: 'text', text: input.text }],
        // The off-platform guard above judges 导流 in a chat (a banner and strikes, not a hold).
        skip: ['diversion'],
      }),
    }
  if (input.kind === 'image') {
    await assertOwnUploads(deps, userId, 'chat-images', [{ fileId: input.fileId, path: 'fileId' }])
    return { kind: 'image', text: null, fileId: input.fileId }
  }
  const listing = await loadListing(deps.store, input.listingId)
  if (!listing || listing.sellerId !== userId || listing.status !== 'active')
    throw new AppError(ErrorCodes.CHAT_LISTING_UNAVAILABLE, undefined, { path: ['listingId'] })
  return { kind: 'listing', text: listing.title, fileId: null, cardListingId: listing._id }
}

/**
 * Posts a party's text, image or listing card. The message takes the conversation's next seq in a transaction
 * (retried when another send took it), together with the (sender, clientMsgId) record, so a
 * retried send finds the stored message and answers it instead of posting twice; a retry is not
 * counted against the sender's limit. Text is checked on the server by the off-platform guard:
 * a message with a phone number, a WeChat id, 私下转账… is delivered flagged (the recipient sees
 * the warning) and counts one strike against its sender in this conversation.
 */
export const sendMessage = async (
  deps: Deps,
  user: Pick<UserRecord, '_id' | 'roles'>,
  input: SendInput,
) => {
  const { conversation } = await writable(deps.store, user, input.conversationId)
  const key = sendId(conversation._id, user._id, input.clientMsgId)
  const stored = async (reader: Pick<TransactionOps, 'get'>) => {
    const send = await reader.get(ChatSends, key)
    return send ? reader.get(Messages, send.messageId) : null
  }
  const view = async (m: Parameters<typeof toMessages>[2][number]) =>
    (await toMessages(deps, user._id, [m]))[0]!
  const prior = await stored(deps.store)
  if (prior) return view(prior)
  await assertUnrestricted(deps, user._id, 'chat')
  await enforceLimit(deps.limits, SEND_PER_USER, user._id, SEND_TOO_OFTEN)
  const strikeKey = `${conversation._id}:${user._id}`
  await assertMayTalk(deps, strikeKey)
  const { screening, ...content } = await contentOf(deps, user._id, input)
  const offPlatform = content.offPlatform ?? false
  for (let attempt = 1; ; attempt++) {
    try {
      const { message, posted } = await deps.store.transaction(async (tx) => {
        const again = await stored(tx)
        if (again) return { message: again, posted: false }
        const { conversation: current, party } = await writable(tx, user, input.conversationId)
        await assertNotBlocked(tx, current, user._id)
        const now = deps.clock.now()
        const to = otherParty(party)
        const { message } = await appendMessage(
          tx,
          current,
          { ...content, senderId: user._id, orderId: null, clientMsgId: input.clientMsgId },
          now,
          [to],
        )
        await tx.insert(ChatSends, { _id: key, messageId: message._id, at: now })
        if (screening) {
          const target = { kind: 'chat-message' as const, targetId: message._id, userId: user._id }
          await saveFlag(tx, flagFor(deps, screening, target))
        }
        await notifyLater(tx, current, to, now)
        return { message, posted: true }
      })
      // Counted by the call that posted it: a concurrent retry of the same send counts nothing.
      if (offPlatform && posted) await deps.limits.hit(OFF_PLATFORM_STRIKES, strikeKey)
      if (posted) deps.chatSignal.notify(conversation._id)
      return view(message)
    } catch (e) {
      if (isAppError(e) && e.code === ErrorCodes.CONFLICT && attempt < MAX_ATTEMPTS) continue
      throw e
    }
  }
}
