/**
 * Reports (举报), their triage, and what moderators decide: the fixed lists the app and the
 * server share, and the penalty ladder. Pure; the report module applies them.
 */

export const REPORT_TARGET_KINDS = ['listing', 'user', 'message', 'order'] as const
export type ReportTargetKind = (typeof REPORT_TARGET_KINDS)[number]

/** Why: the risks that make or break a C2C platform, in the words of the report sheet. */
export const REPORT_REASONS = [
  'fraud',
  'not_as_described',
  'prohibited',
  'counterfeit',
  'off_platform',
  'harassment',
  'sexual',
  'spam',
  'other',
] as const
export type ReportReason = (typeof REPORT_REASONS)[number]

export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  fraud: '诈骗',
  not_as_described: '货不对板',
  prohibited: '违禁品',
  counterfeit: '假冒商品',
  off_platform: '引导站外交易',
  harassment: '骚扰辱骂',
  sexual: '色情低俗',
  spam: '广告刷屏',
  other: '其他',
}

/** Which reasons fit which target (a chat message is not counterfeit; a listing is not harassment). */
export const REASONS_FOR: Record<ReportTargetKind, readonly ReportReason[]> = {
  listing: [
    'fraud',
    'prohibited',
    'counterfeit',
    'not_as_described',
    'off_platform',
    'sexual',
    'spam',
    'other',
  ],
  user: ['fraud', 'harassment', 'off_platform', 'sexual', 'spam', 'other'],
  message: ['fraud', 'harassment', 'off_platform', 'sexual', 'spam', 'other'],
  order: ['fraud', 'not_as_described', 'counterfeit', 'off_platform', 'other'],
}

/** How serious each reason is, before who reports it and how many (triage, 0–100 scale). */
export const REASON_SEVERITY: Record<ReportReason, number> = {
  fraud: 40,
  prohibited: 35,
  counterfeit: 30,
  off_platform: 25,
  sexual: 25,
  not_as_described: 20,
  harassment: 20,
  spam: 10,
  other: 5,
}

export const REPORT_LIMITS = {
  textMax: 500,
  photos: 6,
  messages: 10,
  /** Reports one person may file per day (every attempt counts, duplicates too). */
  perDay: 20,
} as const

/** A case whose score reaches this is hidden until a moderator decides. */
export const HIDE_THRESHOLD = 60

/** Hours a moderator has to decide a case, by score (the queue shows the time left). */
export const slaHours = (score: number): number =>
  score >= HIDE_THRESHOLD ? 4 : score >= 30 ? 24 : 72

/** Days an affected user may appeal a decision in; once, to a different moderator. */
export const APPEAL_DAYS = 7

export const DECISION_ACTIONS = ['dismiss', 'remove', 'warn', 'restrict', 'suspend', 'ban'] as const
export type DecisionAction = (typeof DECISION_ACTIONS)[number]

export const DECISION_LABELS: Record<DecisionAction, string> = {
  dismiss: '驳回举报',
  remove: '删除内容',
  warn: '警告',
  restrict: '限制功能',
  suspend: '封禁若干天',
  ban: '永久封禁',
}

export const RESTRICTIONS = ['publish', 'chat', 'withdraw'] as const
export type Restriction = (typeof RESTRICTIONS)[number]

export const RESTRICTION_LABELS: Record<Restriction, string> = {
  publish: '禁止发布',
  chat: '禁止聊天',
  withdraw: '禁止提现',
}

/** The rules a decision cites (平台规则), shown to the affected user with the reason. */
export const RULES = [
  'R1-fraud',
  'R2-prohibited',
  'R3-counterfeit',
  'R4-misdescribed',
  'R5-off-platform',
  'R6-harassment',
  'R7-sexual',
  'R8-spam',
] as const
export type RuleId = (typeof RULES)[number]

export const RULE_LABELS: Record<RuleId, string> = {
  'R1-fraud': '禁止诈骗与虚假交易',
  'R2-prohibited': '禁止发布违禁品',
  'R3-counterfeit': '禁止售卖假冒商品',
  'R4-misdescribed': '描述须与实物相符',
  'R5-off-platform': '禁止引导站外交易',
  'R6-harassment': '禁止骚扰辱骂他人',
  'R7-sexual': '禁止色情低俗内容',
  'R8-spam': '禁止广告刷屏',
}

/** Credit points a penalty takes (the credit engine's `penalty` event); remove alone takes few. */
export const PENALTY_POINTS: Record<Exclude<DecisionAction, 'dismiss'>, number> = {
  remove: 10,
  warn: 15,
  restrict: 30,
  suspend: 60,
  ban: 200,
}

/** One step of the ladder for repeat offences. */
export interface LadderStep {
  action: Exclude<DecisionAction, 'dismiss' | 'remove'>
  /** restrict / suspend: for how long. */
  days: number | null
}

/**
 * The ladder for repeat offences within a year (upheld decisions that penalised the user,
 * appeals that overturned one excluded): warn, restrict 7 days, suspend 7, suspend 30, ban.
 */
export const PENALTY_LADDER: readonly LadderStep[] = [
  { action: 'warn', days: null },
  { action: 'restrict', days: 7 },
  { action: 'suspend', days: 7 },
  { action: 'suspend', days: 30 },
  { action: 'ban', days: null },
]

export const LADDER_WINDOW_DAYS = 365

/** The step for someone with `priorOffences` penalties in the window (the last step repeats). */
export const ladderStep = (priorOffences: number): LadderStep =>
  PENALTY_LADDER[Math.min(Math.max(0, priorOffences), PENALTY_LADDER.length - 1)]!
