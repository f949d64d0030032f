import type {
  DisputeSide,
  DisputeStage,
  PlatformReason,
  SettlementKind,
  Verdict,
} from '@shared/domain/dispute'
import type { EvidenceMessage } from '@shared/contracts/dispute.contract'
import { defineCollection } from '../../core/ports/document-store.port'

/** A parcel's trace copied into evidence when it was submitted (the order holds the live one). */
export interface EvidenceTracking {
  leg: 'outbound' | 'return'
  company: string
  waybillNo: string
  events: { at: number; context: string }[]
}

/** One side's evidence, written once: text checked by risk, own uploads, this order's chat. */
export interface EvidenceRecord {
  text: string
  photoFileIds: string[]
  /** Copies of the chosen messages of the order's conversation, as they were when submitted. */
  messages: EvidenceMessage[]
  tracking: EvidenceTracking[]
  submittedAt: number
}

export interface ProposalRecord {
  /** `${round}-${n}`: unique within the dispute, in the order they were made. */
  id: string
  by: DisputeSide
  kind: SettlementKind
  refundFen: number | null
  status: 'pending' | 'accepted' | 'rejected' | 'superseded'
  at: number
  answeredAt: number | null
}

/**
 * A dispute, keyed by its order: one open at a time per order; an order that comes back to
 * `disputed` (a settled return contested) opens a new round of the same record. Moves only by
 * compare-and-set on `version`; `dueAt` is the stage's timer (null when a person must act).
 */
export interface DisputeRecord {
  _id: string
  orderId: string
  buyerId: string
  sellerId: string
  totalFen: number
  round: number
  stage: DisputeStage
  openedAt: number
  evidenceDueAt: number
  negotiationDueAt: number | null
  juryDueAt: number | null
  dueAt: number | null
  evidence: { buyer: EvidenceRecord | null; seller: EvidenceRecord | null }
  proposals: ProposalRecord[]
  /** The drawn panel (user ids); null before the draw or when there was none. */
  jurorIds: string[] | null
  /** The case number jurors see instead of the order (a fresh id per round). */
  caseId: string | null
  platformReason: PlatformReason | null
  outcome: {
    by: 'agreement' | 'jury' | 'platform'
    transition: string
    /** Which side the outcome supports; null for a split (partial refund, return). */
    winner: Verdict | null
    at: number
  } | null
  /** The jury's final count, once decided. */
  votes: { buyer: number; seller: number } | null
  createdAt: number
  updatedAt: number
  version: number
}

export const Disputes = defineCollection<DisputeRecord>('disputes', [
  // The timer sweep: stages whose deadline has passed.
  { name: 'due', fields: [{ field: 'dueAt' }] },
  { name: 'stage', fields: [{ field: 'stage' }, { field: '_id' }] },
])

/**
 * A juror's seat on one case, keyed `${caseId}:${jurorId}`: the vote lands here by compare-and-set
 * (vote null → set), so a juror votes once; `assignedAt` counts the cases of their week.
 */
export interface JuryDutyRecord {
  _id: string
  caseId: string
  disputeId: string
  jurorId: string
  assignedAt: number
  dueAt: number
  vote: Verdict | null
  reason: string | null
  votedAt: number | null
  /** Set when the case ends: whether this vote agreed with the final outcome (null: not counted). */
  agreed: boolean | null
  version: number
}

export const JuryDuties = defineCollection<JuryDutyRecord>('jury_duties', [
  { name: 'juror', fields: [{ field: 'jurorId' }, { field: 'assignedAt', direction: 'desc' }] },
  { name: 'case', fields: [{ field: 'caseId' }] },
])

export const dutyId = (caseId: string, jurorId: string) => `${caseId}:${jurorId}`

/** A juror's record: votes that agreed with final outcomes among the counted ones. */
export interface JurorReputationRecord {
  _id: string
  agreed: number
  counted: number
  updatedAt: number
  version: number
}

export const JurorReputations = defineCollection<JurorReputationRecord>('juror_reputations')
