import type { MyReport, Penalty } from '@shared/contracts/report.contract'
import {
  DECISION_LABELS,
  REPORT_LIMITS,
  RESTRICTION_LABELS,
  type ReportReason,
} from '@shared/domain/report'

/** 我的举报: where a report stands, in the reporter's words. */
export const REPORT_STATUS_LABELS: Record<MyReport['status'], string> = {
  pending: '处理中',
  upheld: '已处理（违规属实）',
  dismissed: '已驳回',
}

export const APPEAL_STATUS_LABELS: Record<NonNullable<Penalty['appeal']>['status'], string> = {
  pending: '申诉处理中',
  upheld: '申诉未通过，维持原处理',
  overturned: '申诉成功，处理已撤销',
}

export const TARGET_KIND_LABELS = {
  listing: '宝贝',
  user: '用户',
  message: '聊天消息',
  order: '订单',
} as const

/** "2026-11-25 07:42" in the viewer's time zone. */
export const dateTimeText = (at: number): string => {
  const d = new Date(at)
  const p2 = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())} ${p2(d.getHours())}:${p2(d.getMinutes())}`
}

/**
 * What a penalty does, as the person it falls on reads it: "限制功能：禁止发布、禁止聊天，至
 * 2026-12-10 08:00", "封禁若干天，至 …", "永久封禁", "警告".
 */
export const penaltyText = (p: Pick<Penalty, 'action' | 'restrictions' | 'until'>): string => {
  const what =
    p.action === 'restrict' && p.restrictions.length
      ? `${DECISION_LABELS.restrict}：${p.restrictions.map((r) => RESTRICTION_LABELS[r]).join('、')}`
      : p.action === 'suspend'
        ? '账号封禁'
        : DECISION_LABELS[p.action]
  return p.until !== null && (p.action === 'restrict' || p.action === 'suspend')
    ? `${what}，至 ${dateTimeText(p.until)}`
    : what
}

/** Whether the penalty still runs at `now` (a ban always does, until an appeal overturns it). */
export const penaltyActive = (p: Pick<Penalty, 'action' | 'until' | 'appeal'>, now: number) => {
  if (p.appeal?.status === 'overturned') return false
  if (p.action === 'ban') return true
  return p.until !== null && p.until > now
}

export interface ReportDraft {
  reason: ReportReason | null
  text: string
  /** Photos as the grid holds them: uploading, done (with a fileId) or failed. */
  photos: { status: 'uploading' | 'done' | 'error'; fileId: string | null }[]
  messageRefs: string[]
}

/** Why the 举报 form cannot be sent yet, or null when it can. */
export const reportProblem = (d: ReportDraft): string | null => {
  if (!d.reason) return '请选择举报理由'
  const text = d.text.trim()
  if (d.reason === 'other' && text.length < 5) return '选择「其他」时请写明情况（至少 5 个字）'
  if (text.length > REPORT_LIMITS.textMax) return `说明最多 ${REPORT_LIMITS.textMax} 字`
  if (d.photos.length > REPORT_LIMITS.photos) return `最多 ${REPORT_LIMITS.photos} 张图片`
  if (d.photos.some((p) => p.status === 'uploading')) return '图片还在上传，请稍候'
  if (d.photos.some((p) => p.status === 'error')) return '有图片上传失败，请删除后再提交'
  if (d.messageRefs.length > REPORT_LIMITS.messages)
    return `最多选 ${REPORT_LIMITS.messages} 条聊天记录`
  return null
}

/** Appeal text: what the server's rule (5–500 characters) asks, said before sending. */
export const appealProblem = (text: string): string | null => {
  const t = text.trim()
  if (t.length < 5) return '请写明申诉理由（至少 5 个字）'
  if (t.length > 500) return '申诉理由最多 500 字'
  return null
}
