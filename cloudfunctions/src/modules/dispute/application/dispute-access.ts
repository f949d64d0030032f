import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { DisputeSide } from '@shared/domain/dispute'
import type { Deps } from '../../deps'
import { loadVisibleOrder, type OrderRecord } from '../../order'
import type { UserRecord } from '../../user'
import { Disputes, type DisputeRecord } from '../domain/dispute.records'

export interface DisputeCase {
  dispute: DisputeRecord
  order: OrderRecord
  /** The caller's side; null for an operator who is neither. */
  side: DisputeSide | null
}

/**
 * The dispute of an order the caller may see (its buyer, its seller, an operator); anyone else is
 * told the order does not exist, as the order function does.
 */
export const loadCase = async (
  deps: Deps,
  user: UserRecord,
  orderId: string,
): Promise<DisputeCase> => {
  const order = await loadVisibleOrder(deps, user, orderId)
  const dispute = await deps.store.get(Disputes, orderId)
  if (!dispute) throw new AppError(ErrorCodes.NOT_FOUND, '这笔订单没有纠纷')
  const side = order.buyerId === user._id ? 'buyer' : order.sellerId === user._id ? 'seller' : null
  return { dispute, order, side }
}

/** The same for the two parties only: operators decide on the order page, they do not take part. */
export const loadPartyCase = async (deps: Deps, user: UserRecord, orderId: string) => {
  const c = await loadCase(deps, user, orderId)
  if (!c.side) throw new AppError(ErrorCodes.FORBIDDEN, '只有买卖双方可以这样做')
  return c as DisputeCase & { side: DisputeSide }
}

export const wrongStage = (message?: string) =>
  new AppError(ErrorCodes.DISPUTE_WRONG_STAGE, message)

/** Whether the evidence window is still open for this dispute now. */
export const evidenceOpen = (d: DisputeRecord, now: number) =>
  d.stage === 'evidence' && now < d.evidenceDueAt

/** Whether proposals may be made or answered now (evidence and negotiation, before their deadline). */
export const negotiationOpen = (d: DisputeRecord, now: number) =>
  (d.stage === 'evidence' && now < d.evidenceDueAt) ||
  (d.stage === 'negotiation' && d.negotiationDueAt !== null && now < d.negotiationDueAt)
