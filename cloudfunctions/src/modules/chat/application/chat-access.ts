import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { TransactionOps } from '../../core/ports/document-store.port'
import { isOperator, type UserRecord } from '../../user'
import { type ConversationRecord, Conversations, type Party } from '../domain/chat.records'

/** Who the caller is to a conversation: one of its two parties, or an operator reading it. */
export type Access = Party | 'operator'

const gone = () => new AppError(ErrorCodes.NOT_FOUND, '会话不存在')

export const partyOf = (c: ConversationRecord, userId: string): Party | null =>
  c.buyerId === userId ? 'buyer' : c.sellerId === userId ? 'seller' : null

export const otherParty = (p: Party): Party => (p === 'buyer' ? 'seller' : 'buyer')
export const userOf = (c: ConversationRecord, p: Party) => (p === 'buyer' ? c.buyerId : c.sellerId)

/**
 * A conversation the caller may read: its parties, and operators (for a report). Anyone else is
 * told it does not exist, so a guessed id reveals nothing.
 */
export const readable = async (
  reader: Pick<TransactionOps, 'get'>,
  user: Pick<UserRecord, '_id' | 'roles'>,
  id: string,
): Promise<{ conversation: ConversationRecord; access: Access }> => {
  const conversation = await reader.get(Conversations, id)
  if (!conversation) throw gone()
  const party = partyOf(conversation, user._id)
  if (party) return { conversation, access: party }
  if (isOperator(user)) return { conversation, access: 'operator' }
  throw gone()
}

/** A conversation the caller may write to (post, mark read, block): its parties only. */
export const writable = async (
  reader: Pick<TransactionOps, 'get'>,
  user: Pick<UserRecord, '_id' | 'roles'>,
  id: string,
): Promise<{ conversation: ConversationRecord; party: Party }> => {
  const { conversation, access } = await readable(reader, user, id)
  if (access === 'operator')
    throw new AppError(ErrorCodes.FORBIDDEN, '运营人员只能查看会话，不能发消息')
  return { conversation, party: access }
}
