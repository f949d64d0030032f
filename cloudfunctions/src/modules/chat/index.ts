/**
 * chat: a conversation per (listing, buyer), messages numbered per conversation, unread counts
 * and read receipts, blocks, order events posted by the order process, and new-message
 * subscribe messages through the outbox.
 */
export { CHAT_JOB_HANDLERS } from './application/chat-jobs'
export { chatOrderReaction } from './application/order-reaction'
export { openConversation } from './application/conversations.use-case'
export { postLine, type PlatformLine } from './application/post-line'
export { conversationId } from './domain/chat.records'
export { sweepChatSends } from './application/sweep-sends.use-case'
export { scoreChatReplies } from './application/score-replies.use-case'
export {
  chatPartnersOf,
  latestMessagesOf,
  messagesIn,
  messageWithParties,
  moderateMessage,
} from './application/chat-evidence'
