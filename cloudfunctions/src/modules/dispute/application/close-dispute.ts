import type { Verdict } from '@shared/domain/dispute'
import type { TransactionOps } from '../../core/ports/document-store.port'
import {
  Disputes,
  dutyId,
  JuryDuties,
  JurorReputations,
  type DisputeRecord,
} from '../domain/dispute.records'

/** Which side an order's way out of `disputed` supports; null for a split (part refund, return). */
export const winnerOf = (transition: string): Verdict | null =>
  /Refund$/.test(transition) ? 'buyer' : /Release$/.test(transition) ? 'seller' : null

/**
 * Ends a dispute in the transaction of the order's move: the outcome is recorded, pending
 * proposals lapse, and each juror who voted is counted against the final outcome (their
 * reputation, used to prefer reliable jurors in later draws). Compare-and-set on the dispute's
 * version, so the outcome is written once.
 */
export const closeDisputeIn = async (
  tx: TransactionOps,
  d: DisputeRecord,
  outcome: NonNullable<DisputeRecord['outcome']>,
  votes: DisputeRecord['votes'],
  now: number,
) => {
  await tx.update(
    Disputes,
    d._id,
    {
      stage: 'closed',
      dueAt: null,
      outcome,
      votes: votes ?? d.votes,
      proposals: d.proposals.map((p) =>
        p.status === 'pending' ? { ...p, status: 'superseded' as const, answeredAt: now } : p,
      ),
      updatedAt: now,
      version: d.version + 1,
    },
    { expect: { version: d.version } },
  )
  if (!d.caseId || !d.jurorIds || !outcome.winner) return
  for (const jurorId of d.jurorIds) {
    const duty = await tx.get(JuryDuties, dutyId(d.caseId, jurorId))
    if (!duty || duty.vote === null || duty.agreed !== null) continue
    const agreed = duty.vote === outcome.winner
    await tx.update(
      JuryDuties,
      duty._id,
      { agreed, version: duty.version + 1 },
      { expect: { version: duty.version } },
    )
    const rep = await tx.get(JurorReputations, jurorId)
    const next = { agreed: (rep?.agreed ?? 0) + (agreed ? 1 : 0), counted: (rep?.counted ?? 0) + 1 }
    if (rep)
      await tx.update(
        JurorReputations,
        jurorId,
        { ...next, updatedAt: now, version: rep.version + 1 },
        { expect: { version: rep.version } },
      )
    else await tx.insert(JurorReputations, { _id: jurorId, ...next, updatedAt: now, version: 0 })
  }
}
