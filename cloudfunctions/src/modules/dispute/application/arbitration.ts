import {
  tallyVotes,
  VERDICT_TRANSITION,
  type PlatformReason,
  type Verdict,
} from '@shared/domain/dispute'
import { ErrorCodes, isAppError } from '@shared/errors/error-codes'
import { updateIfUnchanged } from '../../core'
import type { Deps } from '../../deps'
import { insertNotice } from '../../inbox'
import { act } from '../../order'
import { Disputes, dutyId, JuryDuties, type DisputeRecord } from '../domain/dispute.records'
import { closeDisputeIn } from './close-dispute'
import { drawJury } from './jury-draw'
import { rulesOf } from './dispute-rules'

/** A write someone else got to first (a vote, a settlement, the other timer) changes nothing here. */
const unlessMovedOn = (e: unknown) => {
  if (isAppError(e) && (e.code === ErrorCodes.CONFLICT || e.code === ErrorCodes.ORDER_WRONG_STATE))
    return null
  throw e
}

const toPlatform = (deps: Deps, d: DisputeRecord, reason: PlatformReason, now: number) =>
  updateIfUnchanged(deps.store, Disputes, d._id, d, {
    stage: 'platform',
    platformReason: reason,
    dueAt: null,
    proposals: d.proposals.map((p) =>
      p.status === 'pending' ? { ...p, status: 'superseded' as const, answeredAt: now } : p,
    ),
    updatedAt: now,
  })

/**
 * The negotiation is over without a settlement: a high-value order goes to the platform; otherwise
 * a panel is drawn and seated (the dispute's compare-and-set and every juror's seat in one
 * transaction), each juror told under 消息. A panel that cannot be filled goes to the platform.
 */
export const startArbitration = async (deps: Deps, d: DisputeRecord, now: number) => {
  const rules = rulesOf(deps)
  if (d.totalFen >= rules.platformFromFen) return toPlatform(deps, d, 'high_value', now)
  const { jurorIds } = await drawJury(deps, d, rules, now)
  if (jurorIds.length < rules.panelSize) return toPlatform(deps, d, 'no_jury', now)
  const caseId = deps.ids.next()
  const dueAt = now + rules.juryMs
  return deps.store.transaction(async (tx) => {
    const seated = await updateIfUnchanged(tx, Disputes, d._id, d, {
      stage: 'jury',
      caseId,
      jurorIds,
      juryDueAt: dueAt,
      dueAt,
      proposals: d.proposals.map((p) =>
        p.status === 'pending' ? { ...p, status: 'superseded' as const, answeredAt: now } : p,
      ),
      updatedAt: now,
    })
    for (const jurorId of jurorIds) {
      await tx.insert(JuryDuties, {
        _id: dutyId(caseId, jurorId),
        caseId,
        disputeId: d._id,
        jurorId,
        assignedAt: now,
        dueAt,
        vote: null,
        reason: null,
        votedAt: null,
        agreed: null,
        version: 0,
      })
      await insertNotice(tx, {
        _id: `jury:${caseId}:${jurorId}`,
        userId: jurorId,
        kind: 'order',
        title: '你被选为小法庭评审员',
        body: '有一个交易纠纷需要你评审：查看双方证据，24 小时内投票。',
        listingId: null,
        orderId: null,
        createdAt: now,
      })
    }
    return seated
  })
}

/** The votes cast so far on the dispute's case. */
const votesOf = async (deps: Deps, d: DisputeRecord): Promise<Verdict[]> => {
  if (!d.caseId || !d.jurorIds) return []
  const duties = await Promise.all(
    d.jurorIds.map((j) => deps.store.get(JuryDuties, dutyId(d.caseId!, j))),
  )
  return duties.flatMap((x) => (x?.vote ? [x.vote] : []))
}

/**
 * Counts the jury (shared/domain/dispute.ts `tallyVotes`): a decided case takes the verdict's
 * transition of the order (juryRefund / juryRelease, the existing money path) and closes the
 * dispute in its transaction; at the deadline (`closing`) too few votes or a tie go to the
 * platform. Safe to run twice at once: the order's and the dispute's compare-and-set let one win.
 */
export const decideIfDue = async (deps: Deps, d: DisputeRecord, closing: boolean) => {
  if (d.stage !== 'jury') return null
  const rules = rulesOf(deps)
  const tally = tallyVotes(await votesOf(deps, d), rules, closing)
  const now = deps.clock.now()
  if (!tally.decided) {
    if (!tally.platform) return null
    return toPlatform(deps, d, tally.platform, now).catch(unlessMovedOn)
  }
  const name = VERDICT_TRANSITION[tally.winner]
  const votes = { buyer: tally.buyer, seller: tally.seller }
  return act(deps, {
    orderId: d.orderId,
    name,
    actor: 'system',
    user: null,
    note: `小法庭 ${votes.buyer} 票支持买家，${votes.seller} 票支持卖家`,
    alsoInTx: (tx) =>
      closeDisputeIn(
        tx,
        d,
        { by: 'jury', transition: name, winner: tally.winner, at: now },
        votes,
        now,
      ),
  }).catch(unlessMovedOn)
}
