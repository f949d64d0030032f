import { ErrorCodes, isAppError } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import type { UserRecord } from '../../user'
import { ChatBlocks, blockId } from '../domain/chat.records'
import { otherParty, userOf, writable } from './chat-access'

/**
 * Blocks (or unblocks) the other party of a conversation: a block is between the two people, so
 * it holds in every conversation they share, and neither can post until it is lifted.
 */
export const setBlock = async (
  deps: Deps,
  user: Pick<UserRecord, '_id' | 'roles'>,
  conversationId: string,
  on: boolean,
) => {
  const { conversation, party } = await writable(deps.store, user, conversationId)
  const blockedId = userOf(conversation, otherParty(party))
  const id = blockId(user._id, blockedId)
  if (!on) {
    await deps.store.remove(ChatBlocks, id)
    return { blocked: false as const }
  }
  try {
    await deps.store.insert(ChatBlocks, {
      _id: id,
      blockerId: user._id,
      blockedId,
      at: deps.clock.now(),
    })
  } catch (e) {
    if (!(isAppError(e) && e.code === ErrorCodes.CONFLICT)) throw e // blocked already
  }
  return { blocked: true as const }
}
