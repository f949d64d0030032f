import { ChatContract } from '@shared/contracts/chat.contract'
import { setBlock } from '../modules/chat/application/blocks.use-case'
import {
  getConversation,
  listConversations,
  openConversation,
} from '../modules/chat/application/conversations.use-case'
import { listListingChats } from '../modules/chat/application/listing-chats.use-case'
import {
  history,
  markRead,
  since,
  unreadTotal,
} from '../modules/chat/application/read-messages.use-case'
import { sendMessage } from '../modules/chat/application/send-message.use-case'
import { createHandler, type RouteContext, type UserCaller } from '../platform/create-handler'

type Ctx = RouteContext<UserCaller>

/** Block and its undo: one route each way, the same use case. */
const blockRoute =
  <On extends boolean>(on: On) =>
  async ({ conversationId }: { conversationId: string }, { caller, deps }: Ctx) =>
    (await setBlock(deps, caller.user, conversationId, on)) as { blocked: On }

/** chat: conversations per listing and buyer, messages, unread counts and read receipts, blocks. */
export const main = createHandler(ChatContract, {
  open: async ({ listingId }, { caller, deps }) => openConversation(deps, caller.user, listingId),
  get: async ({ conversationId }, { caller, deps }) =>
    getConversation(deps, caller.user, conversationId),
  list: async (query, { caller, deps }) => listConversations(deps, caller.user, query),
  listings: async (query, { caller, deps }) => listListingChats(deps, caller.user, query),
  history: async (query, { caller, deps }) => history(deps, caller.user, query),
  since: async (query, { caller, deps }) => since(deps, caller.user, query),
  send: async (input, { caller, deps }) => sendMessage(deps, caller.user, input),
  markRead: async (input, { caller, deps }) => markRead(deps, caller.user, input),
  unreadTotal: async (_input, { caller, deps }) => unreadTotal(deps, caller.user._id),
  block: blockRoute(true),
  unblock: blockRoute(false),
})
