import { getDispute } from './dispute-views'
import { AppError, ErrorCodes, isAppError } from '@shared/errors/error-codes'
import {
  SETTLEMENT_LABELS,
  SETTLEMENT_TRANSITION,
  validPartialFen,
  type SettlementKind,
} from '@shared/domain/dispute'
import { formatFen } from '@shared/domain/money'
import { updateIfUnchanged } from '../../core'
import type { Deps } from '../../deps'
import { loadDefaultAddress, sealShippingAddress } from '../../address'
import { act, orderFacts, type OrderRecord } from '../../order'
import type { UserRecord } from '../../user'
import { Disputes, type DisputeRecord, type ProposalRecord } from '../domain/dispute.records'
import { loadPartyCase, negotiationOpen, wrongStage } from './dispute-access'
import { closeDisputeIn, winnerOf } from './close-dispute'

/** Proposals one side may make in a round: a negotiation, not a way to flood the other side. */
const PROPOSALS_PER_SIDE = 5

const lapsePending = (proposals: ProposalRecord[], now: number) =>
  proposals.map((p) =>
    p.status === 'pending' ? { ...p, status: 'superseded' as const, answeredAt: now } : p,
  )

/** 退货退款 needs something to send back: not a service, and no return on its way already. */
const returnPossible = (order: OrderRecord) =>
  order.fulfilment !== 'service' && !orderFacts(order).returnSent

/**
 * A party proposes a settlement to the other. The amount is checked here against what the buyer
 * paid (a partial refund is more than nothing and less than all of it, in whole fen); a new
 * proposal from either side lapses every pending one, so only the latest can be accepted.
 */
export const propose = async (
  deps: Deps,
  user: UserRecord,
  input: { orderId: string; kind: SettlementKind; refundFen?: number },
) => {
  const { dispute, order, side } = await loadPartyCase(deps, user, input.orderId)
  const now = deps.clock.now()
  if (!negotiationOpen(dispute, now)) throw wrongStage('协商期已结束')
  const refundFen = input.kind === 'partial' ? (input.refundFen ?? 0) : null
  if (refundFen !== null && !validPartialFen(refundFen, order.totalFen))
    throw new AppError(
      ErrorCodes.DISPUTE_BAD_AMOUNT,
      `部分退款须大于 0 且少于实付 ${formatFen(order.totalFen)}`,
      { path: ['refundFen'] },
    )
  if (input.kind === 'return' && !returnPossible(order))
    throw new AppError(ErrorCodes.DISPUTE_RETURN_NOT_POSSIBLE)
  const mine = dispute.proposals.filter((p) => p.by === side).length
  if (mine >= PROPOSALS_PER_SIDE)
    throw new AppError(ErrorCodes.RATE_LIMITED, `每轮协商每方最多提出 ${PROPOSALS_PER_SIDE} 个方案`)
  const proposal: ProposalRecord = {
    id: `${dispute.round}-${dispute.proposals.length + 1}`,
    by: side,
    kind: input.kind,
    refundFen,
    status: 'pending',
    at: now,
    answeredAt: null,
  }
  await updateIfUnchanged(deps.store, Disputes, dispute._id, dispute, {
    proposals: [...lapsePending(dispute.proposals, now), proposal],
    updatedAt: now,
  })
  return getDispute(deps, user, input.orderId)
}

/** The seller's default address, sealed, for an agreed 退货退款 (the return needs somewhere to go). */
const returnAddressOf = async (deps: Deps, order: OrderRecord) => {
  const chosen = await loadDefaultAddress(deps, order.sellerId)
  if (!chosen)
    throw new AppError(
      ErrorCodes.ORDER_RETURN_ADDRESS_REQUIRED,
      '卖家还没有默认收货地址，暂不能退货退款',
    )
  const { city: _city, ...address } = chosen
  return sealShippingAddress(deps, address)
}

/**
 * The other party answers the latest pending proposal. A rejection is recorded. An acceptance
 * takes the settlement's transition of the order (settleRefund / settlePartial / settleReturn /
 * settleRelease: the existing money path, planned and carried out by the outbox) and closes the
 * dispute in the same transaction by compare-and-set on its version: a second accept, a racing
 * new proposal or a stale proposal id finds the dispute moved on and changes nothing.
 */
export const answerProposal = async (
  deps: Deps,
  user: UserRecord,
  input: { orderId: string; proposalId: string; accept: boolean },
) => {
  const { dispute, order, side } = await loadPartyCase(deps, user, input.orderId)
  const now = deps.clock.now()
  const latest = dispute.proposals.at(-1)
  const proposal = dispute.proposals.find((p) => p.id === input.proposalId)
  if (!proposal || proposal !== latest || proposal.status !== 'pending')
    throw new AppError(ErrorCodes.DISPUTE_PROPOSAL_STALE)
  if (proposal.by === side) throw new AppError(ErrorCodes.DISPUTE_OWN_PROPOSAL)
  if (!negotiationOpen(dispute, now)) throw wrongStage('协商期已结束')
  const answered = (status: 'accepted' | 'rejected') =>
    dispute.proposals.map((p) => (p === proposal ? { ...p, status, answeredAt: now } : p))
  if (!input.accept) {
    await updateIfUnchanged(deps.store, Disputes, dispute._id, dispute, {
      proposals: answered('rejected'),
      updatedAt: now,
    }).catch(staleOnConflict)
    return getDispute(deps, user, input.orderId)
  }
  const name = SETTLEMENT_TRANSITION[proposal.kind]
  const returnAddress = proposal.kind === 'return' ? await returnAddressOf(deps, order) : null
  const accepted: DisputeRecord = { ...dispute, proposals: answered('accepted') }
  await act(deps, {
    orderId: order._id,
    name,
    actor: 'system',
    user: null,
    note: `双方协商一致：${SETTLEMENT_LABELS[proposal.kind]}${proposal.refundFen ? ` ${formatFen(proposal.refundFen)}` : ''}`,
    amountFen: proposal.refundFen ?? undefined,
    patch: returnAddress
      ? (o) => ({ refund: o.refund ? { ...o.refund, type: 'return', returnAddress } : null })
      : undefined,
    alsoInTx: (tx) =>
      closeDisputeIn(
        tx,
        accepted,
        { by: 'agreement', transition: name, winner: winnerOf(name), at: now },
        null,
        now,
      ),
  }).catch(staleOnConflict)
  return getDispute(deps, user, input.orderId)
}

/** Someone else changed the dispute first (a new proposal, the other accept): this one is stale. */
const staleOnConflict = (e: unknown): never => {
  if (isAppError(e) && e.code === ErrorCodes.CONFLICT)
    throw new AppError(ErrorCodes.DISPUTE_PROPOSAL_STALE)
  throw e
}
