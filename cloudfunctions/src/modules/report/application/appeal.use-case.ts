import type { ModerationCase, Penalty } from '@shared/contracts/report.contract'
import { APPEAL_DAYS, PENALTY_POINTS, RULE_LABELS } from '@shared/domain/report'
import { DAY } from '@shared/domain/time'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { updateIfUnchanged } from '../../core'
import { moderateMessage } from '../../chat'
import { recordCreditEvent } from '../../credit'
import { restoreTakenDown } from '../../listing'
import { liftBan } from '../../moderation'
import { SCENES, screenText } from '../../risk'
import { loadUser, openidOf, type UserRecord } from '../../user'
import { type DecisionRecord, Decisions, ModerationCases, Reports } from '../domain/report.records'
import { BAN_FOREVER } from '../domain/report.limits'
import { caseView, toPenalty } from './case-views'
import { countReporter, noticeOfAppeal } from './decision-effects'
import { loadCaseFor } from './decide.use-case'
import { releaseRiskHoldOf } from './release-risk-hold'
import { liftRestrictionsOf } from './restrictions'

/**
 * The person a decision fell on appeals it: once, within APPEAL_DAYS, with a reason that passes
 * the content check. The case joins the appeals queue for a moderator other than the one who decided.
 */
export const appealDecision = async (
  deps: Deps,
  user: UserRecord,
  input: { decisionId: string; text: string },
): Promise<Penalty> => {
  const d = await deps.store.get(Decisions, input.decisionId)
  if (!d || d.ownerId !== user._id || d.action === 'dismiss')
    throw new AppError(ErrorCodes.NOT_FOUND, '处罚记录不存在')
  const now = deps.clock.now()
  if (d.appeal) throw new AppError(ErrorCodes.APPEAL_CLOSED, '每个处罚只能申诉一次')
  if (now >= d.at + APPEAL_DAYS * DAY)
    throw new AppError(ErrorCodes.APPEAL_CLOSED, `已超过 ${APPEAL_DAYS} 天申诉期`)
  await screenText(deps, {
    openid: await openidOf(deps, user._id),
    scene: SCENES.comment,
    fields: [{ path: 'text', text: input.text }],
  })
  const next = await deps.store.transaction(async (tx) => {
    const updated = await updateIfUnchanged(tx, Decisions, d._id, d, {
      appeal: {
        id: deps.ids.next(),
        status: 'pending',
        text: input.text,
        answer: null,
        moderatorId: null,
        at: now,
        answeredAt: null,
      },
    })
    await tx.update(ModerationCases, d.caseId, {
      appealPending: true,
      appealAt: now,
      updatedAt: now,
    })
    return updated
  })
  return toPenalty(next, now)
}

/**
 * A moderator other than the one who decided answers an appeal. Upheld: the decision stands.
 * Overturned: its penalty is undone (restrictions lifted, a ban lifted, removed content given
 * back), a credit event dated as the penalty cancels its points, and its reports no longer count
 * as upheld for their reporters.
 */
export const answerAppeal = async (
  deps: Deps,
  moderator: UserRecord,
  input: { caseId: string; outcome: 'upheld' | 'overturned'; answer: string },
): Promise<ModerationCase> => {
  const c = await loadCaseFor(deps, moderator, input.caseId)
  const d = c.decisionId ? await deps.store.get(Decisions, c.decisionId) : null
  if (!d || d.appeal?.status !== 'pending')
    throw new AppError(ErrorCodes.APPEAL_CLOSED, '没有待处理的申诉')
  if (d.moderatorId === moderator._id) throw new AppError(ErrorCodes.MODERATION_SAME_MODERATOR)
  const now = deps.clock.now()
  const overturned = input.outcome === 'overturned'
  const answered: DecisionRecord = {
    ...d,
    appeal: {
      ...d.appeal,
      status: input.outcome,
      answer: input.answer,
      moderatorId: moderator._id,
      answeredAt: now,
    },
  }
  await deps.store.transaction(async (tx) => {
    await updateIfUnchanged(tx, Decisions, d._id, d, { appeal: answered.appeal })
    await tx.update(ModerationCases, c._id, { appealPending: false, updatedAt: now })
    if (overturned) {
      await liftRestrictionsOf(tx, d.ownerId, d._id, now)
      if (d.action !== 'dismiss')
        await recordCreditEvent(
          tx,
          d.ownerId,
          {
            kind: 'penalty',
            sourceId: `${d._id}:overturned`,
            // Dated as the penalty was, the negative points cancel it exactly.
            at: d.at,
            points: -PENALTY_POINTS[d.action],
            reason: RULE_LABELS[d.rule!],
          },
          now,
        )
      for (const reportId of d.evidence.reportIds) {
        const r = await tx.get(Reports, reportId)
        if (!r || r.status !== 'upheld') continue
        await tx.update(Reports, reportId, { status: 'dismissed', decidedAt: now })
        // Not upheld any more, but the reporter was not wrong either: no dismissal counts.
        await countReporter(tx, r.reporterId, { upheld: -1 })
      }
    }
    await noticeOfAppeal(tx, answered, now)
  })
  if (overturned) await undoOnContent(deps, moderator, d)
  return caseView(deps, (await deps.store.get(ModerationCases, c._id))!)
}

const undoOnContent = async (deps: Deps, moderator: UserRecord, d: DecisionRecord) => {
  const now = deps.clock.now()
  if (d.action === 'suspend' || d.action === 'ban') {
    // Only the ban this decision set: a later decision's ban (or an operator's) stays.
    const owner = await loadUser(deps, d.ownerId)
    const setHere = d.action === 'ban' ? BAN_FOREVER : d.until
    if (owner && (owner.bannedUntil === setHere || owner.bannedUntil === null))
      await liftBan(deps, moderator, d.ownerId)
  }
  if (d.action === 'remove') {
    if (d.targetKind === 'message') await moderateMessage(deps, d.targetId, null)
    if (d.targetKind === 'listing' && d.removed)
      await restoreTakenDown(deps, d.targetId, d.removed, now)
  }
  // Overturned, the content was fine: as after a dismissal, the risk checks' hold ends and the
  // photos WeChat's check hid come back (the flags stay closed: a moderator has looked).
  if (d.targetKind === 'listing')
    await releaseRiskHoldOf(deps, d, { restorePhotos: true, notice: 'restored' })
}
