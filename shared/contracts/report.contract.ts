import { z } from 'zod'
import {
  DECISION_ACTIONS,
  REPORT_LIMITS,
  REPORT_REASONS,
  REPORT_TARGET_KINDS,
  RESTRICTIONS,
  RULES,
} from '../domain/report'
import { ErrorCodes } from '../errors/error-codes'
import { FileIdSchema, IdSchema, PageQuerySchema, pageOf } from './common.schema'
import { defineContract } from './define-contract'
import { userText } from './user-text'

/**
 * The report function: 举报 by anyone signed in, and the moderation that answers it (the queue, a
 * case with its evidence, decisions with penalties, appeals). The moderator actions are checked
 * for the moderator role on the server (COMMON.FORBIDDEN otherwise).
 */

/** A chat message id: `<conversationId>:<messageId>` as chat's evidence picker gives it. */
const MessageRefSchema = z
  .string()
  .max(80)
  .regex(/^[0-9A-Z]{26}:[0-9A-Z]{26}:\d{8}$/, '消息标识格式不正确')

export const ReportTargetSchema = z
  .object({
    kind: z.enum(REPORT_TARGET_KINDS),
    /** Listing, user or order id; for a message, its MessageRef. */
    id: z.string().min(1).max(80),
  })
  .strict()
export type ReportTarget = z.infer<typeof ReportTargetSchema>

const ReportStatus = z.enum(['pending', 'upheld', 'dismissed'])

/** A report as its reporter sees it (我的举报): never who else reported, nor the penalty. */
export const MyReportSchema = z.object({
  id: IdSchema,
  target: ReportTargetSchema,
  /** The listing's title, the user's nickname, the message's first words, the order's item. */
  targetLabel: z.string(),
  reason: z.enum(REPORT_REASONS),
  status: ReportStatus,
  createdAt: z.number().int(),
  decidedAt: z.number().int().nullable(),
})
export type MyReport = z.infer<typeof MyReportSchema>

/** What was done to the caller (我的处罚), with the appeal they may file. */
export const PenaltySchema = z.object({
  decisionId: IdSchema,
  action: z.enum(DECISION_ACTIONS),
  restrictions: z.array(z.enum(RESTRICTIONS)),
  /** restrict / suspend: when it ends; ban: null. */
  until: z.number().int().nullable(),
  rule: z.enum(RULES),
  reason: z.string(),
  targetLabel: z.string(),
  decidedAt: z.number().int(),
  appeal: z
    .object({
      status: z.enum(['pending', 'upheld', 'overturned']),
      text: z.string(),
      answer: z.string().nullable(),
      at: z.number().int(),
    })
    .nullable(),
  /** Until when an appeal may be filed; null when it no longer may. */
  appealableUntil: z.number().int().nullable(),
})
export type Penalty = z.infer<typeof PenaltySchema>

/** One line of the moderation queue: a case is every open report on one target. */
export const CaseCardSchema = z.object({
  caseId: IdSchema,
  target: ReportTargetSchema,
  targetLabel: z.string(),
  score: z.number().int(),
  /** The reasons reported, most frequent first. */
  reasons: z.array(z.enum(REPORT_REASONS)),
  /** Independent reporters; 0 for a case the risk checks opened (系统标记). */
  reporters: z.number().int(),
  riskFlags: z.number().int(),
  /** What the risk flags taken into the case say (系统标记), each once; empty when none were. */
  flagLabels: z.array(z.string()),
  hidden: z.boolean(),
  openedAt: z.number().int(),
  slaDueAt: z.number().int(),
  /** An appeal waiting in this case (the appeals queue). */
  appeal: z.boolean(),
})
export type CaseCard = z.infer<typeof CaseCardSchema>

export const CaseReportSchema = z.object({
  id: IdSchema,
  reason: z.enum(REPORT_REASONS),
  text: z.string(),
  photoUrls: z.array(z.string()),
  messages: z.array(
    z.object({
      from: z.enum(['reporter', 'reported', 'other']),
      text: z.string(),
      at: z.number().int(),
    }),
  ),
  /** 0–100: how often this reporter's past reports were upheld (with a prior). */
  reporterCredibility: z.number().int(),
  createdAt: z.number().int(),
})

export const DecisionSchema = z.object({
  id: IdSchema,
  action: z.enum(DECISION_ACTIONS),
  restrictions: z.array(z.enum(RESTRICTIONS)),
  until: z.number().int().nullable(),
  rule: z.enum(RULES).nullable(),
  reason: z.string(),
  moderator: z.string(),
  at: z.number().int(),
  appeal: z
    .object({
      id: IdSchema,
      status: z.enum(['pending', 'upheld', 'overturned']),
      text: z.string(),
      answer: z.string().nullable(),
      moderator: z.string().nullable(),
      at: z.number().int(),
    })
    .nullable(),
})

/** A case as a moderator opens it: the target as it stands, every report, flags, history. */
export const CaseSchema = z.object({
  card: CaseCardSchema,
  status: z.enum(['open', 'decided']),
  /** The listing (title, price, photos, description), the user, the message or the order. */
  target: z.object({
    title: z.string(),
    body: z.string(),
    photoUrls: z.array(z.string()),
    priceFen: z.number().int().nullable(),
    /** The person whose content it is (who a penalty falls on). */
    owner: z.object({
      id: IdSchema,
      nickname: z.string(),
      creditScore: z.number().int().nullable(),
      createdAt: z.number().int(),
    }),
  }),
  /** Empty for a case only the risk checks raised: its flags are the evidence. */
  reports: z.array(CaseReportSchema),
  flags: z.array(z.object({ source: z.string(), label: z.string(), at: z.number().int() })),
  /** The owner's earlier decisions (the ladder's count) and the step the ladder suggests now. */
  priorOffences: z.number().int(),
  suggested: z.object({ action: z.enum(DECISION_ACTIONS), days: z.number().int().nullable() }),
  decision: DecisionSchema.nullable(),
})
export type ModerationCase = z.infer<typeof CaseSchema>

const ReportTextSchema = userText({
  min: 0,
  max: REPORT_LIMITS.textMax,
  multiline: true,
  label: '说明',
})
const ModeratorReasonSchema = userText({ min: 2, max: 500, multiline: true, label: '理由' })
const CaseRef = z.object({ caseId: IdSchema }).strict()

export const ReportContract = defineContract('report', {
  create: {
    summary:
      '举报 a listing, a user, a chat message or an order: a reason fitting the target, text (content-checked), photos (own uploads), chat messages from conversations the caller is in. One report per person and target counts; rate-limited per day.',
    auth: 'user',
    input: z
      .object({
        target: ReportTargetSchema,
        reason: z.enum(REPORT_REASONS),
        text: ReportTextSchema,
        photoFileIds: z
          .array(FileIdSchema)
          .max(REPORT_LIMITS.photos, `最多 ${REPORT_LIMITS.photos} 张图片`)
          .default([]),
        messageRefs: z
          .array(MessageRefSchema)
          .max(REPORT_LIMITS.messages, `最多选 ${REPORT_LIMITS.messages} 条聊天记录`)
          .default([]),
      })
      .strict(),
    output: z.object({ id: IdSchema, duplicate: z.boolean() }),
    errors: [
      ErrorCodes.REPORT_SELF,
      ErrorCodes.REPORT_REASON_MISMATCH,
      ErrorCodes.REPORT_MESSAGE_NOT_YOURS,
      ErrorCodes.FILE_NOT_OWNED,
      ErrorCodes.CONTENT_BLOCKED,
      ErrorCodes.RATE_LIMITED,
      ErrorCodes.NOT_FOUND,
    ],
  },
  mine: {
    summary: '我的举报: the caller’s reports, newest first, with their outcome.',
    auth: 'user',
    input: PageQuerySchema.strict(),
    output: pageOf(MyReportSchema),
    errors: [],
  },
  myPenalties: {
    summary:
      '我的处罚 (a suspended or banned user too): decisions against the caller, with what they restrict and the appeal.',
    auth: 'account',
    input: z.object({}).strict().default({}),
    output: z.object({ items: z.array(PenaltySchema) }),
    errors: [],
  },
  appeal: {
    summary: 'Appeal a decision once, within 7 days; a different moderator answers it.',
    auth: 'account',
    input: z
      .object({
        decisionId: IdSchema,
        text: userText({ min: 5, max: 500, multiline: true, label: '申诉理由' }),
      })
      .strict(),
    output: PenaltySchema,
    errors: [ErrorCodes.APPEAL_CLOSED, ErrorCodes.CONTENT_BLOCKED, ErrorCodes.NOT_FOUND],
  },
  queue: {
    summary:
      'Moderators: open cases by score then age (or waiting appeals), with the SLA time each has left.',
    auth: 'user',
    input: PageQuerySchema.extend({ view: z.enum(['cases', 'appeals']).default('cases') }).strict(),
    output: pageOf(CaseCardSchema),
    errors: [ErrorCodes.FORBIDDEN],
  },
  case: {
    summary:
      'Moderators: one case with the target, every report and its evidence, risk flags and history.',
    auth: 'user',
    input: CaseRef,
    output: CaseSchema,
    errors: [ErrorCodes.FORBIDDEN, ErrorCodes.NOT_FOUND],
  },
  decide: {
    summary:
      'Moderators: dismiss, remove the content, warn, restrict (publishing / chat / withdrawals) or suspend for N days, or ban; citing a rule with a reason. The owner and the reporters are notified.',
    auth: 'user',
    input: z
      .object({
        caseId: IdSchema,
        action: z.enum(DECISION_ACTIONS),
        restrictions: z.array(z.enum(RESTRICTIONS)).max(RESTRICTIONS.length).default([]),
        days: z.number().int().min(1).max(365).nullable().default(null),
        rule: z.enum(RULES).nullable().default(null),
        reason: ModeratorReasonSchema,
      })
      .strict(),
    output: CaseSchema,
    errors: [ErrorCodes.FORBIDDEN, ErrorCodes.NOT_FOUND, ErrorCodes.MODERATION_CASE_CLOSED],
  },
  answerAppeal: {
    summary:
      'Moderators other than the one who decided: uphold the decision or overturn it (its penalty and credit event are undone).',
    auth: 'user',
    input: z
      .object({
        caseId: IdSchema,
        outcome: z.enum(['upheld', 'overturned']),
        answer: ModeratorReasonSchema,
      })
      .strict(),
    output: CaseSchema,
    errors: [
      ErrorCodes.FORBIDDEN,
      ErrorCodes.NOT_FOUND,
      ErrorCodes.MODERATION_SAME_MODERATOR,
      ErrorCodes.APPEAL_CLOSED,
    ],
  },
})
