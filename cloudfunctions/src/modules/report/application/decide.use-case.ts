import type { ModerationCase } from '@shared/contracts/report.contract'
import {
  PENALTY_POINTS,
  RULE_LABELS,
  type DecisionAction,
  type Restriction,
  type RuleId,
} from '@shared/domain/report'
import { DAY } from '@shared/domain/time'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { updateIfUnchanged } from '../../core'
import { moderateMessage } from '../../chat'
import { recordCreditEvent } from '../../credit'
import { releaseReportHold, takeDownForRules } from '../../listing'
import { closeFlags } from '../../risk'
import { banUser } from '../../moderation'
import { assertOperator, type UserRecord } from '../../user'
import {
  type DecisionRecord,
  Decisions,
  ModerationCases,
  type ModerationCaseRecord,
  OpenCases,
  Reports,
  caseKey,
} from '../domain/report.records'
import { BAN_FOREVER } from '../domain/report.limits'
import { caseView } from './case-views'
import { countReporter, noticeToOwner, noticeToReporters } from './decision-effects'
import { flagLabel } from './flag-labels'
import { releaseRiskHoldOf } from './release-risk-hold'
import { loadTarget } from './report-targets'
import { imposeRestrictions } from './restrictions'
import { openFlagsOn, reportsOf } from './triage.use-case'

export interface DecideInput {
  caseId: string
  action: DecisionAction
  restrictions: Restriction[]
  days: number | null
  rule: RuleId | null
  reason: string
}

const invalid = (path: string, message: string) =>
  new AppError(ErrorCodes.VALIDATION, message, { path, issues: [{ path, message }] })

/** What the form must hold for each action (the schema cannot say it per action). */
const checkForm = (c: ModerationCaseRecord, input: DecideInput) => {
  if (input.action !== 'dismiss' && !input.rule) throw invalid('rule', '请选择违反的规则')
  if (input.action === 'restrict' && input.restrictions.length === 0)
    throw invalid('restrictions', '请选择要限制的功能')
  if ((input.action === 'restrict' || input.action === 'suspend') && !input.days)
    throw invalid('days', '请填写天数')
  if (input.action === 'remove' && c.targetKind !== 'listing' && c.targetKind !== 'message')
    throw invalid('action', '只有宝贝和聊天消息可以删除')
}

/** A moderator is never the judge of a case about themselves or one they reported. */
const assertNotInvolved = (c: ModerationCaseRecord, moderator: UserRecord) => {
  if (c.ownerId === moderator._id || moderator._id in c.reporters)
    throw new AppError(ErrorCodes.FORBIDDEN, '不能处理与自己有关的案件')
}

export const loadCaseFor = async (
  deps: Pick<Deps, 'store'>,
  moderator: UserRecord,
  caseId: string,
) => {
  assertOperator(moderator)
  const c = await deps.store.get(ModerationCases, caseId)
  if (!c) throw new AppError(ErrorCodes.NOT_FOUND, '案件不存在')
  assertNotInvolved(c, moderator)
  return c
}

/**
 * A moderator's decision on an open case, recorded with the rule, the reason and the evidence as
 * it stood. In one transaction: the case closes, its reports are upheld or dismissed (and count
 * for their reporters' credibility), restrictions are set, the penalty becomes a credit event,
 * the owner and the reporters are notified, the open risk flags on the target close. Then the
 * content: a dismissal shows what the case hid again (and what the risk checks held, with the
 * photos WeChat's check hid), a removal takes it down, anything else short of removal releases
 * the holds too (hidden photos stay hidden), a suspension or ban goes through banUser.
 */
export const decide = async (
  deps: Deps,
  moderator: UserRecord,
  input: DecideInput,
): Promise<ModerationCase> => {
  const c = await loadCaseFor(deps, moderator, input.caseId)
  if (c.status !== 'open') throw new AppError(ErrorCodes.MODERATION_CASE_CLOSED)
  checkForm(c, input)
  const now = deps.clock.now()
  const [target, reports] = await Promise.all([
    loadTarget(deps, { kind: c.targetKind, id: c.targetId }, c.ownerId, null),
    reportsOf(deps, c._id),
  ])
  const flags = target ? await openFlagsOn(deps, target.flagTargets) : []
  const days = input.days ?? 0
  const decision: DecisionRecord = {
    _id: deps.ids.next(),
    caseId: c._id,
    ownerId: c.ownerId,
    targetKind: c.targetKind,
    targetId: c.targetId,
    targetLabel: c.targetLabel,
    action: input.action,
    restrictions: input.action === 'restrict' ? [...new Set(input.restrictions)] : [],
    until: input.action === 'restrict' || input.action === 'suspend' ? now + days * DAY : null,
    rule: input.action === 'dismiss' ? input.rule : input.rule!,
    reason: input.reason,
    moderatorId: moderator._id,
    at: now,
    evidence: {
      title: target?.title ?? c.targetLabel,
      body: target?.body ?? '',
      photoFileIds: target?.photoFileIds ?? [],
      priceFen: target?.priceFen ?? null,
      reportIds: reports.map((r) => r._id),
      flags: flags.map((f) => ({
        source: f.source,
        label: [flagLabel(f), ...f.hits.map((h) => h.term)].join('、'),
        at: f.createdAt,
      })),
      score: c.score,
    },
    removed: null,
    appeal: null,
    version: 1,
  }
  const upheld = input.action !== 'dismiss'
  const decided = await deps.store.transaction(async (tx) => {
    const next = await updateIfUnchanged(tx, ModerationCases, c._id, c, {
      status: 'decided',
      decisionId: decision._id,
      updatedAt: now,
    })
    await tx.remove(OpenCases, caseKey(c.targetKind, c.targetId, c.ownerId))
    await tx.insert(Decisions, decision)
    for (const r of reports) {
      await tx.update(Reports, r._id, { status: upheld ? 'upheld' : 'dismissed', decidedAt: now })
      await countReporter(tx, r.reporterId, upheld ? { upheld: 1 } : { dismissed: 1 })
    }
    if (decision.action === 'restrict')
      await imposeRestrictions(
        tx,
        c.ownerId,
        decision.restrictions,
        decision.until!,
        decision._id,
        now,
      )
    if (decision.action !== 'dismiss') {
      await recordCreditEvent(
        tx,
        c.ownerId,
        {
          kind: 'penalty',
          sourceId: decision._id,
          at: now,
          points: PENALTY_POINTS[decision.action],
          reason: RULE_LABELS[decision.rule!],
        },
        now,
      )
      await noticeToOwner(tx, decision, now)
    }
    await noticeToReporters(tx, c, decision, now)
    // Decided: the flags on the target (and any the case took in) stop counting and close.
    await closeFlags(
      tx,
      [...flags.map((f) => f._id), ...(c.flags ?? []).map((f) => f.id)],
      decision._id,
      now,
    )
    return next
  })
  await applyToContent(deps, moderator, decided, decision)
  return caseView(deps, (await deps.store.get(ModerationCases, c._id))!)
}

/** The decision's effect on the content and the account, after it is recorded (each step idempotent). */
const applyToContent = async (
  deps: Deps,
  moderator: UserRecord,
  c: ModerationCaseRecord,
  d: DecisionRecord,
) => {
  const now = d.at
  if (d.action === 'remove') {
    if (d.targetKind === 'message') await moderateMessage(deps, d.targetId, 'removed')
    if (d.targetKind === 'listing') {
      const was = await takeDownForRules(deps, d.targetId, now)
      if (was) await deps.store.update(Decisions, d._id, { removed: was })
    }
    // The rest of what the case held (a user's other listings) is not what was removed.
    if (c.hold)
      await releaseReportHold(
        deps,
        c.hold.listingIds.filter((id) => id !== d.targetId),
        c.hold.at,
        now,
      )
    return
  }
  // Anything short of removal shows what the case hid pending review again.
  if (c.hold) {
    await releaseReportHold(deps, c.hold.listingIds, c.hold.at, now)
    if (c.hold.messageId) await moderateMessage(deps, c.hold.messageId, null)
  }
  if (d.targetKind === 'listing')
    await releaseRiskHoldOf(deps, d, {
      restorePhotos: d.action === 'dismiss',
      // Under a suspension or ban the listing stays out of sight: nothing to tell.
      notice: d.action === 'suspend' || d.action === 'ban' ? null : 'released',
    })
  if (d.action === 'suspend' || d.action === 'ban')
    await banUser(deps, moderator, {
      userId: d.ownerId,
      until: d.action === 'ban' ? BAN_FOREVER : d.until!,
    })
}
