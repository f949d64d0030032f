import type { ActionInput } from '@shared/contracts/define-contract'
import type { CaseCard, ModerationCase, ReportContract } from '@shared/contracts/report.contract'
import {
  DECISION_LABELS,
  REPORT_REASON_LABELS,
  RESTRICTION_LABELS,
  type DecisionAction,
  type ReportReason,
  type Restriction,
  type RuleId,
} from '@shared/domain/report'
import { DAY, HOUR, MINUTE } from '@shared/domain/time'

export const TARGET_KIND_LABELS = {
  listing: '宝贝',
  user: '用户',
  message: '聊天消息',
  order: '订单',
} as const

/**
 * What a case is about, in one line: the reasons people reported, or for a case only the risk
 * checks raised (no reporter) 系统标记 and what its flags say.
 */
export const caseWhyText = (card: Pick<CaseCard, 'reporters' | 'reasons' | 'flagLabels'>) =>
  card.reporters === 0
    ? `系统标记：${card.flagLabels.join('、') || '风险检测'}`
    : card.reasons.map((r) => REPORT_REASON_LABELS[r]).join('、')

/** Who said a chat line a reporter attached, from the moderator's side. */
export const MESSAGE_FROM_LABELS = { reporter: '举报人', reported: '被举报人', other: '其他' }

/** "2026-11-25 07:42" in the viewer's time zone. */
export const dateTimeText = (at: number): string => {
  const d = new Date(at)
  const p2 = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())} ${p2(d.getHours())}:${p2(d.getMinutes())}`
}

const span = (ms: number) => {
  if (ms >= DAY) {
    const h = Math.floor((ms % DAY) / HOUR)
    return `${Math.floor(ms / DAY)} 天${h ? ` ${h} 小时` : ''}`
  }
  if (ms >= HOUR) {
    const m = Math.floor((ms % HOUR) / MINUTE)
    return `${Math.floor(ms / HOUR)} 小时${m ? ` ${m} 分` : ''}`
  }
  return `${Math.max(1, Math.ceil(ms / MINUTE))} 分钟`
}

/** The SLA as the queue shows it: "剩 3 小时 20 分", or "已超时 2 小时" once it has passed. */
export const slaText = (dueAt: number, now: number): { text: string; late: boolean } =>
  dueAt > now
    ? { text: `剩 ${span(dueAt - now)}`, late: false }
    : { text: `已超时 ${span(now - dueAt)}`, late: true }

/** "注册 3 个月", "注册 12 天": how long the owner has been here. */
export const accountAgeText = (createdAt: number, now: number) => {
  const days = Math.max(0, Math.floor((now - createdAt) / DAY))
  if (days >= 365) return `注册 ${Math.floor(days / 365)} 年`
  if (days >= 30) return `注册 ${Math.floor(days / 30)} 个月`
  return `注册 ${days} 天`
}

/** The rule a reason most likely breaks: the decision form starts on it. */
export const RULE_FOR_REASON: Record<ReportReason, RuleId | null> = {
  fraud: 'R1-fraud',
  prohibited: 'R2-prohibited',
  counterfeit: 'R3-counterfeit',
  not_as_described: 'R4-misdescribed',
  off_platform: 'R5-off-platform',
  harassment: 'R6-harassment',
  sexual: 'R7-sexual',
  spam: 'R8-spam',
  other: null,
}

/** The ladder's suggestion in words: "建议：限制功能 7 天". */
export const suggestionText = (s: ModerationCase['suggested']) =>
  `${DECISION_LABELS[s.action]}${s.days ? ` ${s.days} 天` : ''}`

/** What a recorded decision did: "限制功能（禁止发布）至 …", "驳回举报". */
export const decisionText = (d: NonNullable<ModerationCase['decision']>) => {
  const r = d.restrictions.length
    ? `（${d.restrictions.map((x) => RESTRICTION_LABELS[x]).join('、')}）`
    : ''
  return `${DECISION_LABELS[d.action]}${r}${d.until ? ` 至 ${dateTimeText(d.until)}` : ''}`
}

export const takesDays = (a: DecisionAction) => a === 'restrict' || a === 'suspend'

export interface DecisionDraft {
  action: DecisionAction
  restrictions: Restriction[]
  /** As typed. */
  days: string
  rule: RuleId | null
  reason: string
}

/** The decision form as it opens: the ladder's step, the rule of the most reported reason. */
export const initialDecision = (c: ModerationCase): DecisionDraft => ({
  action: c.suggested.action,
  restrictions: c.suggested.action === 'restrict' ? ['publish'] : [],
  days: c.suggested.days ? String(c.suggested.days) : '',
  rule: c.card.reasons[0] ? RULE_FOR_REASON[c.card.reasons[0]] : null,
  reason: '',
})

type DecideInput = ActionInput<(typeof ReportContract)['actions']['decide']>

/** Why the decision cannot be sent, or null when it can. */
export const decisionProblem = (d: DecisionDraft): string | null => {
  if (d.action === 'restrict' && d.restrictions.length === 0) return '请选择要限制的功能'
  if (takesDays(d.action)) {
    const n = Number(d.days)
    if (!/^\d+$/.test(d.days.trim()) || n < 1 || n > 365) return '请填写天数（1–365）'
  }
  if (d.action !== 'dismiss' && !d.rule) return '请选择违反的规则'
  if (d.reason.trim().length < 2) return '请填写处理理由（至少 2 个字）'
  if (d.reason.trim().length > 500) return '处理理由最多 500 字'
  return null
}

/** The draft as decide takes it: only what the action uses. */
export const decideInput = (caseId: string, d: DecisionDraft): DecideInput => ({
  caseId,
  action: d.action,
  restrictions: d.action === 'restrict' ? d.restrictions : [],
  days: takesDays(d.action) ? Number(d.days) : null,
  rule: d.action === 'dismiss' ? null : d.rule,
  reason: d.reason.trim(),
})
