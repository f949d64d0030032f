import type { Dispute, Evidence, JuryCase } from '@shared/contracts/dispute.contract'
import { jurorReliability, type Verdict } from '@shared/domain/dispute'
import { rulesOf } from './dispute-rules'
import type { Deps } from '../../deps'
import type { UserRecord } from '../../user'
import { loadUser } from '../../user'
import type { OrderRecord } from '../../order'
import {
  dutyId,
  JuryDuties,
  JurorReputations,
  type DisputeRecord,
  type EvidenceRecord,
} from '../domain/dispute.records'
import { anonymise, maskWaybill } from '../domain/anonymise'
import { evidenceOpen, loadCase, negotiationOpen } from './dispute-access'

type Names = { buyer: string[]; seller: string[] }
const same = (t: string) => t

const evidenceView = async (
  deps: Deps,
  e: EvidenceRecord | null,
  clean: (t: string) => string,
  juror: boolean,
): Promise<Evidence | null> => {
  if (!e) return null
  const urls = e.photoFileIds.length ? await deps.files.urls(e.photoFileIds) : {}
  return {
    text: clean(e.text),
    photoUrls: e.photoFileIds.map((id) => urls[id]).filter((u): u is string => !!u),
    messages: e.messages.map((m) => ({ ...m, id: juror ? '' : m.id, text: clean(m.text) })),
    tracking: e.tracking.map((t) => ({
      ...t,
      waybillNo: juror ? maskWaybill(t.waybillNo) : t.waybillNo,
      events: t.events.map((ev) => ({ at: ev.at, context: clean(ev.context) })),
    })),
    submittedAt: e.submittedAt,
  }
}

const proposalsView = (d: DisputeRecord) =>
  d.proposals.map((p) => ({
    id: p.id,
    by: p.by,
    kind: p.kind,
    refundFen: p.refundFen,
    status: p.status,
    at: p.at,
  }))

/** The dispute for a party or an operator, with what the caller may do now. */
export const disputeView = async (
  deps: Deps,
  d: DisputeRecord,
  side: 'buyer' | 'seller' | null,
): Promise<Dispute> => {
  const now = deps.clock.now()
  const rules = rulesOf(deps)
  const voted = d.caseId && d.jurorIds ? await countVotes(deps, d) : 0
  const latest = d.proposals.at(-1)
  const open = negotiationOpen(d, now)
  return {
    orderId: d.orderId,
    round: d.round,
    stage: d.stage,
    side,
    totalFen: d.totalFen,
    evidenceDueAt: d.evidenceDueAt,
    negotiationDueAt: d.negotiationDueAt,
    evidence: {
      buyer: await evidenceView(deps, d.evidence.buyer, same, false),
      seller: await evidenceView(deps, d.evidence.seller, same, false),
    },
    proposals: proposalsView(d),
    jury:
      d.jurorIds && d.juryDueAt !== null
        ? {
            panelSize: d.jurorIds.length || rules.panelSize,
            voted,
            dueAt: d.juryDueAt,
            buyerVotes: d.votes?.buyer ?? null,
            sellerVotes: d.votes?.seller ?? null,
          }
        : null,
    platformReason: d.platformReason,
    outcome: d.outcome
      ? { by: d.outcome.by, transition: d.outcome.transition, at: d.outcome.at }
      : null,
    can: {
      submitEvidence: !!side && evidenceOpen(d, now) && !d.evidence[side],
      propose: !!side && open,
      answer: side && open && latest?.status === 'pending' && latest.by !== side ? latest.id : null,
      escalate:
        !!side &&
        (d.stage === 'negotiation' ||
          (d.stage === 'evidence' && !!d.evidence.buyer && !!d.evidence.seller)),
    },
  }
}

const countVotes = async (deps: Deps, d: DisputeRecord) =>
  (
    await Promise.all(d.jurorIds!.map((j) => deps.store.get(JuryDuties, dutyId(d.caseId!, j))))
  ).filter((x) => x?.vote).length

export const getDispute = async (deps: Deps, user: UserRecord, orderId: string) => {
  const { dispute, side } = await loadCase(deps, user, orderId)
  return disputeView(deps, dispute, side)
}

/** The parties' nicknames, which anonymised text replaces with 买家 / 卖家. */
const namesOf = async (deps: Deps, d: DisputeRecord): Promise<Names> => {
  const [b, s] = await Promise.all([loadUser(deps, d.buyerId), loadUser(deps, d.sellerId)])
  return { buyer: b ? [b.nickname] : [], seller: s ? [s.nickname] : [] }
}

/**
 * A case as its juror sees it: only 买家 and 卖家, no nickname, id, avatar or address; phone-like
 * numbers, WeChat ids and links masked in every text (shared/domain/off-platform), waybills
 * masked, chat message ids dropped.
 */
export const juryCaseView = async (
  deps: Deps,
  d: DisputeRecord,
  order: OrderRecord,
  duty: { caseId: string; dueAt: number; vote: Verdict | null; reason: string | null },
): Promise<JuryCase> => {
  const names = await namesOf(deps, d)
  const clean = (t: string) => anonymise(t, names)
  const refund = order.refund
  const claim = refund
    ? `${refund.type === 'return' ? '退货退款' : '仅退款'}：${clean(refund.reason)}`
    : '买家申请退款'
  const sellerAnswer = [refund?.sellerNote, refund?.contest?.note]
    .filter((t): t is string => !!t)
    .map(clean)
    .join('\n')
  const decided = d.outcome?.by === 'jury'
  return {
    caseId: duty.caseId,
    title: clean(order.title),
    totalFen: d.totalFen,
    claim,
    sellerAnswer: sellerAnswer || null,
    evidence: {
      buyer: await evidenceView(deps, d.evidence.buyer, clean, true),
      seller: await evidenceView(deps, d.evidence.seller, clean, true),
    },
    proposals: proposalsView(d),
    dueAt: duty.dueAt,
    myVote: duty.vote ? { side: duty.vote, reason: duty.reason ?? '' } : null,
    status:
      d.caseId !== duty.caseId || d.stage === 'closed'
        ? decided
          ? 'decided'
          : 'platform'
        : d.stage === 'jury'
          ? 'open'
          : 'platform',
    result: decided && d.caseId === duty.caseId ? (d.outcome?.winner ?? null) : null,
  }
}

/** A juror's record as they see it on 小法庭. */
export const jurorStats = async (deps: Deps, jurorId: string) => {
  const rep = (await deps.store.get(JurorReputations, jurorId)) ?? { agreed: 0, counted: 0 }
  return {
    agreed: rep.agreed,
    counted: rep.counted,
    reliabilityPercent: Math.round(jurorReliability(rep) * 100),
  }
}
