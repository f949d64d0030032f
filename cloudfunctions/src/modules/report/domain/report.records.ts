import type {
  DecisionAction,
  ReportReason,
  ReportTargetKind,
  Restriction,
  RuleId,
} from '@shared/domain/report'
import { slaHours } from '@shared/domain/report'
import { HOUR } from '@shared/domain/time'
import { defineCollection } from '../../core/ports/document-store.port'

/** A chat message copied into a report as it was when reported (it may be removed later). */
export interface ReportedMessage {
  id: string
  from: 'reporter' | 'reported' | 'other'
  text: string
  at: number
}

/** One person's 举报 of one target. Its case holds every open report on that target. */
export interface ReportRecord {
  _id: string
  reporterId: string
  caseId: string
  targetKind: ReportTargetKind
  /** Listing, user or order id; for a message, the message id (`<conversationId>:<seq>`). */
  targetId: string
  /** Copied at report time: 我的举报 shows it without reading the target again. */
  targetLabel: string
  reason: ReportReason
  text: string
  photoFileIds: string[]
  messages: ReportedMessage[]
  status: 'pending' | 'upheld' | 'dismissed'
  createdAt: number
  decidedAt: number | null
}

export const Reports = defineCollection<ReportRecord>('reports', [
  // 我的举报, newest first.
  {
    name: 'reporter_created',
    fields: [{ field: 'reporterId' }, { field: 'createdAt', direction: 'desc' }],
  },
  { name: 'case', fields: [{ field: 'caseId' }, { field: 'createdAt' }] },
])

/** What a case hid while it waited for a moderator, so that a dismissal shows exactly that again. */
export interface CaseHold {
  at: number
  /** Listings this case put on review hold (never those already held by the risk checks). */
  listingIds: string[]
  /** The message hidden from the other party. */
  messageId: string | null
}

/** A risk flag taken into a case: what it is, as the moderator reads it. */
export interface CaseFlag {
  id: string
  source: string
  label: string
  at: number
}

/**
 * Every open report on one target (and one owner: an order's buyer and seller may report each
 * other) is one case. Moves by compare-and-set on `version`.
 */
export interface ModerationCaseRecord {
  _id: string
  targetKind: ReportTargetKind
  targetId: string
  targetLabel: string
  /** Who the content is of: the person a penalty falls on. */
  ownerId: string
  status: 'open' | 'decided'
  /**
   * Independent reporters, each once, with their report (a second report by one person finds it).
   * Empty for a case the risk checks opened (系统标记) until a person reports the target too.
   */
  reporters: Record<string, string>
  /** Who opened it: a person's report, or the flag sweep. Absent on cases before flags opened any. */
  openedBy?: 'report' | 'flags'
  /** The risk flags taken into this case (flag-intake), each once; absent: none. */
  flags?: CaseFlag[]
  /** The risk checks had hidden the target (a held listing) when their last flag joined. */
  riskHidden?: boolean
  /** Reports per reason. */
  reasons: Partial<Record<ReportReason, number>>
  score: number
  riskFlags: number
  hold: CaseHold | null
  openedAt: number
  slaDueAt: number
  decisionId: string | null
  /** An appeal of this case's decision waits for a moderator (the appeals queue). */
  appealPending: boolean
  appealAt: number | null
  updatedAt: number
  version: number
}

export const ModerationCases = defineCollection<ModerationCaseRecord>('moderation_cases', [
  // The queue: open cases by score, oldest first within a score.
  {
    name: 'status_score',
    fields: [{ field: 'status' }, { field: 'score', direction: 'desc' }, { field: 'openedAt' }],
  },
  { name: 'appeal', fields: [{ field: 'appealPending' }, { field: 'appealAt' }] },
])

/** The open case of a target, keyed by `caseKey`: a racing second report finds it or conflicts. */
export interface OpenCaseRecord {
  _id: string
  caseId: string
}
export const OpenCases = defineCollection<OpenCaseRecord>('moderation_open_cases')

export const caseKey = (kind: ReportTargetKind, targetId: string, ownerId: string) =>
  `${kind}:${targetId}:${ownerId}`

export interface AppealRecord {
  id: string
  status: 'pending' | 'upheld' | 'overturned'
  text: string
  answer: string | null
  moderatorId: string | null
  at: number
  answeredAt: number | null
}

/** What the moderator saw when deciding, kept with the decision (the target may change later). */
export interface EvidenceSnapshot {
  title: string
  body: string
  photoFileIds: string[]
  priceFen: number | null
  reportIds: string[]
  flags: { source: string; label: string; at: number }[]
  score: number
}

/** A moderator's decision on a case, and the appeal against it. */
export interface DecisionRecord {
  _id: string
  caseId: string
  ownerId: string
  targetKind: ReportTargetKind
  targetId: string
  targetLabel: string
  action: DecisionAction
  restrictions: Restriction[]
  /** restrict / suspend: when it ends; ban and the rest: null. */
  until: number | null
  rule: RuleId | null
  reason: string
  moderatorId: string
  at: number
  evidence: EvidenceSnapshot
  /** remove: what the content was before, so an overturn gives it back. */
  removed: { listingStatus: string; listingExpiresAt: number | null } | null
  appeal: AppealRecord | null
  version: number
}

export const Decisions = defineCollection<DecisionRecord>('moderation_decisions', [
  // 我的处罚 and the ladder's count of earlier offences.
  { name: 'owner_at', fields: [{ field: 'ownerId' }, { field: 'at', direction: 'desc' }] },
])

/** A reporter's record: how many of their decided reports were upheld or dismissed. */
export interface ReporterStatsRecord {
  _id: string
  upheld: number
  dismissed: number
  version: number
}
export const ReporterStats = defineCollection<ReporterStatsRecord>('reporter_stats')

/** The restrictions on one user (keyed by user id): each until a time, by the decision that set it. */
export interface RestrictionsRecord {
  _id: string
  active: Partial<Record<Restriction, { until: number; decisionId: string }>>
  updatedAt: number
  version: number
}
export const UserRestrictions = defineCollection<RestrictionsRecord>('user_restrictions')

/** A reported or flagged thing, as a case names it. */
export const caseTarget = (t: {
  kind: ReportTargetKind
  id: string
  label: string
  ownerId: string
}): Pick<ModerationCaseRecord, 'targetKind' | 'targetId' | 'targetLabel' | 'ownerId'> => ({
  targetKind: t.kind,
  targetId: t.id,
  targetLabel: t.label,
  ownerId: t.ownerId,
})

/** A case as it opens on a target: nothing decided, scored by the triage right after. */
export const openedCase = (
  id: string,
  target: Pick<ModerationCaseRecord, 'targetKind' | 'targetId' | 'targetLabel' | 'ownerId'>,
  now: number,
  by: Pick<ModerationCaseRecord, 'reporters' | 'reasons' | 'openedBy' | 'flags'>,
): ModerationCaseRecord => ({
  _id: id,
  ...target,
  status: 'open',
  ...by,
  score: 0,
  riskFlags: 0,
  hold: null,
  openedAt: now,
  slaDueAt: now + slaHours(0) * HOUR,
  decisionId: null,
  appealPending: false,
  appealAt: null,
  updatedAt: now,
  version: 1,
})
