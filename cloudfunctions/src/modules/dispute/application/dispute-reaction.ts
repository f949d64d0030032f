import { DISPUTE_RULES, SETTLEMENT_TRANSITION, VERDICT_TRANSITION } from '@shared/domain/dispute'
import type { OrderMoveReaction } from '../../deps'
import type { OrderRecord } from '../../order'
import { Disputes, type DisputeRecord } from '../domain/dispute.records'
import { closeDisputeIn, winnerOf } from './close-dispute'

/** The transitions the dispute module takes itself: it closes the record in their transaction. */
const OWN_TRANSITIONS = new Set<string>([
  ...Object.values(SETTLEMENT_TRANSITION),
  ...Object.values(VERDICT_TRANSITION),
])

const opened = (order: OrderRecord, prior: DisputeRecord | null, now: number): DisputeRecord => ({
  _id: order._id,
  orderId: order._id,
  buyerId: order.buyerId,
  sellerId: order.sellerId,
  totalFen: order.totalFen,
  round: (prior?.round ?? 0) + 1,
  stage: 'evidence',
  openedAt: now,
  evidenceDueAt: now + DISPUTE_RULES.evidenceMs,
  negotiationDueAt: null,
  juryDueAt: null,
  dueAt: now + DISPUTE_RULES.evidenceMs,
  evidence: { buyer: null, seller: null },
  proposals: [],
  jurorIds: null,
  caseId: null,
  platformReason: null,
  outcome: null,
  votes: null,
  createdAt: prior?.createdAt ?? now,
  updatedAt: now,
  version: (prior?.version ?? -1) + 1,
})

/**
 * The order announces its moves (deps.hooks.orderMoved): entering `disputed` opens the dispute
 * (its evidence deadline starts), in the move's own transaction, whichever way it came (a refused
 * refund, a contested or untracked return). Leaving it by an operator's ruling closes the dispute
 * with that outcome; the dispute's own settlements and verdicts close it themselves.
 */
export const disputeOrderReaction: OrderMoveReaction = {
  inTx: async (tx, order, now) => {
    const step = order.events.at(-1)?.transition ?? ''
    const d = await tx.get(Disputes, order._id)
    if (order.state === 'disputed') {
      if (d && d.stage !== 'closed') return
      const next = opened(order, d, now)
      if (d) await tx.update(Disputes, d._id, next, { expect: { version: d.version } })
      else await tx.insert(Disputes, next)
      return
    }
    if (!d || d.stage === 'closed' || OWN_TRANSITIONS.has(step)) return
    await closeDisputeIn(
      tx,
      d,
      { by: 'platform', transition: step, winner: winnerOf(step), at: now },
      null,
      now,
    )
  },
}
