import {
  DECISION_LABELS,
  RESTRICTION_LABELS,
  RULE_LABELS,
  type DecisionAction,
} from '@shared/domain/report'
import { APPEAL_DAYS } from '@shared/domain/report'
import { chinaDateTime } from '@shared/domain/time'
import type { TransactionOps } from '../../core/ports/document-store.port'
import { insertNotice } from '../../inbox'
import {
  type DecisionRecord,
  ReporterStats,
  type ModerationCaseRecord,
} from '../domain/report.records'

/** Moves a reporter's record by these counts, in the decision's transaction. */
export const countReporter = async (
  tx: TransactionOps,
  reporterId: string,
  delta: { upheld?: number; dismissed?: number },
) => {
  const current = await tx.get(ReporterStats, reporterId)
  const upheld = Math.max(0, (current?.upheld ?? 0) + (delta.upheld ?? 0))
  const dismissed = Math.max(0, (current?.dismissed ?? 0) + (delta.dismissed ?? 0))
  if (current)
    await tx.update(
      ReporterStats,
      reporterId,
      { upheld, dismissed, version: current.version + 1 },
      { expect: { version: current.version } },
    )
  else await tx.insert(ReporterStats, { _id: reporterId, upheld, dismissed, version: 1 })
}

const whatItDoes = (d: DecisionRecord) => {
  const restricted = d.restrictions.map((r) => RESTRICTION_LABELS[r]).join('、')
  switch (d.action) {
    case 'restrict':
      return `${restricted}至 ${chinaDateTime(d.until!)}`
    case 'suspend':
      return `账号封禁至 ${chinaDateTime(d.until!)}`
    case 'ban':
      return '账号永久封禁'
    case 'remove':
      return '相关内容已删除'
    default:
      return DECISION_LABELS[d.action as DecisionAction]
  }
}

/** Tells the person a decision fell on what, by which rule, why, until when, and how to appeal. */
export const noticeToOwner = (tx: TransactionOps, d: DecisionRecord, now: number) =>
  insertNotice(tx, {
    _id: `moderation:${d._id}:owner`,
    userId: d.ownerId,
    kind: 'moderation',
    title: `违规处理：${DECISION_LABELS[d.action]}`,
    body:
      `你的「${d.targetLabel}」违反《${RULE_LABELS[d.rule!]}》：${d.reason}。处理结果：${whatItDoes(d)}。` +
      `如有异议，可在 ${APPEAL_DAYS} 天内在「我的处罚」中申诉一次。`,
    listingId: d.targetKind === 'listing' ? d.targetId : null,
    orderId: d.targetKind === 'order' ? d.targetId : null,
    createdAt: now,
  })

/** Tells each reporter the outcome, never the penalty. */
export const noticeToReporters = async (
  tx: TransactionOps,
  c: ModerationCaseRecord,
  d: DecisionRecord,
  now: number,
) => {
  for (const reporterId of Object.keys(c.reporters))
    await insertNotice(tx, {
      _id: `moderation:${d._id}:reporter:${reporterId}`,
      userId: reporterId,
      kind: 'moderation',
      title: '举报处理结果',
      body:
        d.action === 'dismiss'
          ? `你举报的「${c.targetLabel}」经核实未发现违规，感谢你的反馈。`
          : `你举报的「${c.targetLabel}」经核实存在违规，平台已依规处理，感谢你的举报。`,
      listingId: null,
      orderId: null,
      createdAt: now,
    })
}

/** Tells the owner how their appeal was answered. */
export const noticeOfAppeal = (tx: TransactionOps, d: DecisionRecord, now: number) =>
  insertNotice(tx, {
    _id: `moderation:${d._id}:appeal`,
    userId: d.ownerId,
    kind: 'moderation',
    title: d.appeal?.status === 'overturned' ? '申诉成功' : '申诉未通过',
    body:
      d.appeal?.status === 'overturned'
        ? `你对「${d.targetLabel}」的申诉已通过，处罚已撤销：${d.appeal.answer}`
        : `你对「${d.targetLabel}」的申诉经另一位审核员复核，维持原处理：${d.appeal?.answer ?? ''}`,
    listingId: d.targetKind === 'listing' ? d.targetId : null,
    orderId: d.targetKind === 'order' ? d.targetId : null,
    createdAt: now,
  })
