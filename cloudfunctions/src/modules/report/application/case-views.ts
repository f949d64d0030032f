import type { CaseCard, ModerationCase, MyReport, Penalty } from '@shared/contracts/report.contract'
import {
  APPEAL_DAYS,
  LADDER_WINDOW_DAYS,
  ladderStep,
  type ReportReason,
} from '@shared/domain/report'
import { DAY } from '@shared/domain/time'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { MAX_FIND_LIMIT, type PageRequest } from '../../core/ports/document-store.port'
import { creditScoreOf } from '../../credit'
import { assertOperator, loadUser, type UserRecord } from '../../user'
import {
  type DecisionRecord,
  Decisions,
  ModerationCases,
  type ModerationCaseRecord,
  Reports,
} from '../domain/report.records'
import { READ_LIMIT } from '../domain/report.limits'
import { flagLabel } from './flag-labels'
import { loadTarget } from './report-targets'
import { credibilityOf, openFlagsOn, reportsOf } from './triage.use-case'

const reasonsByCount = (reasons: ModerationCaseRecord['reasons']): ReportReason[] =>
  (Object.entries(reasons) as [ReportReason, number][]).sort((a, b) => b[1] - a[1]).map(([r]) => r)

export const toCard = (c: ModerationCaseRecord): CaseCard => ({
  caseId: c._id,
  target: { kind: c.targetKind, id: c.targetId },
  targetLabel: c.targetLabel,
  score: c.score,
  reasons: reasonsByCount(c.reasons),
  reporters: Object.keys(c.reporters).length,
  riskFlags: c.riskFlags,
  flagLabels: [...new Set((c.flags ?? []).map((f) => f.label))],
  hidden:
    (!!c.hold && (c.hold.listingIds.length > 0 || c.hold.messageId !== null)) || !!c.riskHidden,
  openedAt: c.openedAt,
  slaDueAt: c.slaDueAt,
  appeal: c.appealPending,
})

/** The moderation queue: open cases by score, then the oldest first; or the waiting appeals. */
export const moderationQueue = async (
  deps: Pick<Deps, 'store'>,
  moderator: UserRecord,
  input: PageRequest & { view: 'cases' | 'appeals' },
) => {
  assertOperator(moderator)
  if (input.view === 'appeals') {
    const page = await deps.store.find(
      ModerationCases,
      { appealPending: true },
      {
        orderBy: { field: 'appealAt', direction: 'asc' },
        limit: input.limit,
        cursor: input.cursor,
      },
    )
    return { items: page.items.map(toCard), nextCursor: page.nextCursor }
  }
  // Score then age: the store orders by one field, so a page is read by score and each run of
  // equal scores ordered by age; the cursor is the offset into that order.
  const open = await deps.store.find(
    ModerationCases,
    { status: 'open' },
    { orderBy: { field: 'score', direction: 'desc' }, limit: MAX_FIND_LIMIT },
  )
  const sorted = open.items.sort((a, b) => b.score - a.score || a.openedAt - b.openedAt)
  const from = input.cursor ? Number.parseInt(input.cursor, 10) || 0 : 0
  const items = sorted.slice(from, from + input.limit)
  const next = from + input.limit
  return { items: items.map(toCard), nextCursor: next < sorted.length ? String(next) : null }
}

/** Penalties of the owner within the ladder's window (every decision but a dismissal), overturned ones left out. */
export const priorOffences = async (
  deps: Pick<Deps, 'store'>,
  ownerId: string,
  now: number,
  excluding?: string,
) => {
  const decisions = await deps.store.find(
    Decisions,
    { ownerId, at: { $gte: now - LADDER_WINDOW_DAYS * DAY } },
    { orderBy: { field: 'at', direction: 'desc' }, limit: READ_LIMIT },
  )
  return decisions.items.filter(
    (d) => d._id !== excluding && d.action !== 'dismiss' && d.appeal?.status !== 'overturned',
  ).length
}

const decisionView = async (deps: Pick<Deps, 'store'>, d: DecisionRecord) => {
  const [moderator, answerer] = await Promise.all([
    loadUser(deps, d.moderatorId),
    d.appeal?.moderatorId ? loadUser(deps, d.appeal.moderatorId) : null,
  ])
  return {
    id: d._id,
    action: d.action,
    restrictions: d.restrictions,
    until: d.until,
    rule: d.rule,
    reason: d.reason,
    moderator: moderator?.nickname ?? d.moderatorId,
    at: d.at,
    appeal: d.appeal && {
      id: d.appeal.id,
      status: d.appeal.status,
      text: d.appeal.text,
      answer: d.appeal.answer,
      moderator: answerer?.nickname ?? d.appeal.moderatorId,
      at: d.appeal.at,
    },
  }
}

/** One case as a moderator opens it: the target now, every report with its evidence, flags, history. */
export const moderationCase = async (
  deps: Pick<Deps, 'store' | 'files' | 'clock'>,
  moderator: UserRecord,
  caseId: string,
): Promise<ModerationCase> => {
  assertOperator(moderator)
  const c = await deps.store.get(ModerationCases, caseId)
  if (!c) throw new AppError(ErrorCodes.NOT_FOUND, '案件不存在')
  return caseView(deps, c)
}

export const caseView = async (
  deps: Pick<Deps, 'store' | 'files' | 'clock'>,
  c: ModerationCaseRecord,
): Promise<ModerationCase> => {
  const now = deps.clock.now()
  const [target, owner, reports, decision] = await Promise.all([
    loadTarget(deps, { kind: c.targetKind, id: c.targetId }, c.ownerId, null),
    loadUser(deps, c.ownerId),
    reportsOf(deps, c._id),
    c.decisionId ? deps.store.get(Decisions, c.decisionId) : null,
  ])
  const flags = target ? await openFlagsOn(deps, target.flagTargets) : []
  const photoIds = [...(target?.photoFileIds ?? []), ...reports.flatMap((r) => r.photoFileIds)]
  const urls = photoIds.length ? await deps.files.urls(photoIds) : {}
  const urlsOf = (ids: string[]) => ids.flatMap((id) => (urls[id] ? [urls[id]!] : []))
  const prior = await priorOffences(deps, c.ownerId, decision?.at ?? now, decision?._id)
  const step = ladderStep(prior)
  return {
    card: toCard(c),
    status: c.status,
    target: {
      title: target?.title ?? c.targetLabel,
      body: target?.body ?? '（已不存在）',
      photoUrls: urlsOf(target?.photoFileIds ?? []),
      priceFen: target?.priceFen ?? null,
      owner: {
        id: c.ownerId,
        nickname: owner?.nickname ?? '',
        creditScore: await creditScoreOf(deps, c.ownerId),
        createdAt: owner?.createdAt ?? 0,
      },
    },
    reports: await Promise.all(
      reports.map(async (r) => ({
        id: r._id,
        reason: r.reason,
        text: r.text,
        photoUrls: urlsOf(r.photoFileIds),
        messages: r.messages.map((m) => ({ from: m.from, text: m.text, at: m.at })),
        reporterCredibility: Math.round(100 * (await credibilityOf(deps, r.reporterId))),
        createdAt: r.createdAt,
      })),
    ),
    flags: flags.map((f) => ({ source: f.source, label: flagLabel(f), at: f.createdAt })),
    priorOffences: prior,
    suggested: { action: step.action, days: step.days },
    decision: decision ? await decisionView(deps, decision) : null,
  }
}

/** 我的举报: the caller's reports, newest first, with only their outcome. */
export const myReports = async (
  deps: Pick<Deps, 'store'>,
  user: UserRecord,
  page: PageRequest,
): Promise<{ items: MyReport[]; nextCursor: string | null }> => {
  const found = await deps.store.find(
    Reports,
    { reporterId: user._id },
    { orderBy: { field: 'createdAt', direction: 'desc' }, limit: page.limit, cursor: page.cursor },
  )
  return {
    items: found.items.map((r) => ({
      id: r._id,
      target: { kind: r.targetKind, id: r.targetId },
      targetLabel: r.targetLabel,
      reason: r.reason,
      status: r.status,
      createdAt: r.createdAt,
      decidedAt: r.decidedAt,
    })),
    nextCursor: found.nextCursor,
  }
}

/** A decision as the person it fell on sees it, with the appeal they may still file. */
export const toPenalty = (d: DecisionRecord, now: number): Penalty => {
  const deadline = d.at + APPEAL_DAYS * DAY
  return {
    decisionId: d._id,
    action: d.action,
    restrictions: d.restrictions,
    until: d.until,
    rule: d.rule ?? 'R1-fraud',
    reason: d.reason,
    targetLabel: d.targetLabel,
    decidedAt: d.at,
    appeal: d.appeal && {
      status: d.appeal.status,
      text: d.appeal.text,
      answer: d.appeal.answer,
      at: d.appeal.at,
    },
    appealableUntil: d.appeal === null && now < deadline ? deadline : null,
  }
}

/** 我的处罚: every decision that fell on the caller (a dismissal is none), newest first. */
export const myPenalties = async (
  deps: Pick<Deps, 'store' | 'clock'>,
  user: UserRecord,
): Promise<{ items: Penalty[] }> => {
  const found = await deps.store.find(
    Decisions,
    { ownerId: user._id },
    { orderBy: { field: 'at', direction: 'desc' }, limit: READ_LIMIT },
  )
  const now = deps.clock.now()
  return {
    items: found.items.filter((d) => d.action !== 'dismiss').map((d) => toPenalty(d, now)),
  }
}
