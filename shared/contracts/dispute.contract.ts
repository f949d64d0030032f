import { z } from 'zod'
import {
  DISPUTE_STAGES,
  EVIDENCE_LIMITS,
  PLATFORM_REASONS,
  SETTLEMENT_KINDS,
  VERDICTS,
} from '../domain/dispute'
import { ErrorCodes } from '../errors/error-codes'
import { FileIdSchema, IdSchema } from './common.schema'
import { defineContract } from './define-contract'
import { userText } from './user-text'

const Side = z.enum(['buyer', 'seller'])

/** A chat message as evidence: who said it (the side, never a name) and what. */
export const EvidenceMessageSchema = z.object({
  id: z.string(),
  from: z.enum(['buyer', 'seller', 'platform']),
  kind: z.string(),
  text: z.string(),
  at: z.number().int(),
})
export type EvidenceMessage = z.infer<typeof EvidenceMessageSchema>

/** A parcel's courier trace as the order holds it (outbound or the return). */
export const EvidenceTrackingSchema = z.object({
  leg: z.enum(['outbound', 'return']),
  company: z.string(),
  /** Masked for jurors (the middle digits). */
  waybillNo: z.string(),
  events: z.array(z.object({ at: z.number().int(), context: z.string() })),
})

export const EvidenceSchema = z.object({
  text: z.string(),
  photoUrls: z.array(z.string()),
  messages: z.array(EvidenceMessageSchema),
  tracking: z.array(EvidenceTrackingSchema),
  submittedAt: z.number().int(),
})
export type Evidence = z.infer<typeof EvidenceSchema>

export const ProposalSchema = z.object({
  id: z.string(),
  by: Side,
  kind: z.enum(SETTLEMENT_KINDS),
  /** 部分退款: what goes back to the buyer (fen); null for the other kinds. */
  refundFen: z.number().int().nullable(),
  status: z.enum(['pending', 'accepted', 'rejected', 'superseded']),
  at: z.number().int(),
})
export type Proposal = z.infer<typeof ProposalSchema>

export const JuryStatusSchema = z.object({
  panelSize: z.number().int(),
  voted: z.number().int(),
  dueAt: z.number().int(),
  /** Shown once the case is decided. */
  buyerVotes: z.number().int().nullable(),
  sellerVotes: z.number().int().nullable(),
})

export const OutcomeSchema = z.object({
  by: z.enum(['agreement', 'jury', 'platform']),
  transition: z.string(),
  at: z.number().int(),
})

/** A dispute as its parties and operators see it. */
export const DisputeSchema = z.object({
  orderId: IdSchema,
  round: z.number().int(),
  stage: z.enum(DISPUTE_STAGES),
  /** The caller's side; null for an operator. */
  side: Side.nullable(),
  totalFen: z.number().int(),
  evidenceDueAt: z.number().int(),
  negotiationDueAt: z.number().int().nullable(),
  evidence: z.object({ buyer: EvidenceSchema.nullable(), seller: EvidenceSchema.nullable() }),
  proposals: z.array(ProposalSchema),
  jury: JuryStatusSchema.nullable(),
  platformReason: z.enum(PLATFORM_REASONS).nullable(),
  outcome: OutcomeSchema.nullable(),
  /** What the caller may do now (the buttons). */
  can: z.object({
    submitEvidence: z.boolean(),
    propose: z.boolean(),
    /** The proposal the caller may accept or reject, if any. */
    answer: z.string().nullable(),
    escalate: z.boolean(),
  }),
})
export type Dispute = z.infer<typeof DisputeSchema>

/** A case as a juror sees it: 买家 and 卖家 only, no names, ids or contact details. */
export const JuryCaseSchema = z.object({
  caseId: IdSchema,
  title: z.string(),
  totalFen: z.number().int(),
  /** What the buyer asked for and why (仅退款 / 退货退款, their reason), anonymised. */
  claim: z.string(),
  sellerAnswer: z.string().nullable(),
  evidence: z.object({ buyer: EvidenceSchema.nullable(), seller: EvidenceSchema.nullable() }),
  proposals: z.array(ProposalSchema),
  dueAt: z.number().int(),
  myVote: z.object({ side: z.enum(VERDICTS), reason: z.string() }).nullable(),
  /** open: may vote; decided / platform: the case is over (its result once decided). */
  status: z.enum(['open', 'decided', 'platform']),
  result: z.enum(VERDICTS).nullable(),
})
export type JuryCase = z.infer<typeof JuryCaseSchema>

export const JuryCaseCardSchema = z.object({
  caseId: IdSchema,
  title: z.string(),
  totalFen: z.number().int(),
  dueAt: z.number().int(),
  voted: z.boolean(),
  status: z.enum(['open', 'decided', 'platform']),
})

export const JurorStatsSchema = z.object({
  agreed: z.number().int(),
  counted: z.number().int(),
  /** 0–100: how often the juror's vote agreed with the final outcome (with a prior). */
  reliabilityPercent: z.number().int(),
})

const EvidenceTextSchema = userText({
  min: 0,
  max: EVIDENCE_LIMITS.textMax,
  multiline: true,
  label: '说明',
})
const ReasonSchema = userText({
  min: EVIDENCE_LIMITS.reasonMin,
  max: EVIDENCE_LIMITS.reasonMax,
  multiline: true,
  label: '理由',
})
const MessageIdSchema = z
  .string()
  .max(80)
  .regex(/^[0-9A-Z]{26}:[0-9A-Z]{26}:\d{8}$/, '消息标识格式不正确')
const OrderRef = z.object({ orderId: IdSchema }).strict()

export const DisputeContract = defineContract('dispute', {
  get: {
    summary:
      "The order's dispute for its parties and operators: stage, deadlines, both sides' evidence, proposals, jury and outcome.",
    auth: 'user',
    input: OrderRef,
    output: DisputeSchema,
    errors: [],
  },
  chatMessages: {
    summary:
      "Messages of the order's own conversation the caller may pick as evidence (newest last).",
    auth: 'user',
    input: OrderRef,
    output: z.object({ items: z.array(EvidenceMessageSchema) }),
    errors: [],
  },
  submitEvidence: {
    summary:
      "The caller's evidence, once per dispute, within the evidence deadline: text (content-checked), photos (own uploads), chat messages of this order's conversation, and the parcels' courier trace.",
    auth: 'user',
    input: z
      .object({
        orderId: IdSchema,
        text: EvidenceTextSchema,
        photoFileIds: z
          .array(FileIdSchema)
          .max(EVIDENCE_LIMITS.photos, `最多 ${EVIDENCE_LIMITS.photos} 张图片`)
          .default([]),
        messageIds: z
          .array(MessageIdSchema)
          .max(EVIDENCE_LIMITS.messages, `最多选 ${EVIDENCE_LIMITS.messages} 条聊天记录`)
          .default([]),
        includeTracking: z.boolean().default(true),
      })
      .strict(),
    output: DisputeSchema,
    errors: [
      ErrorCodes.DISPUTE_WRONG_STAGE,
      ErrorCodes.DISPUTE_EVIDENCE_SUBMITTED,
      ErrorCodes.DISPUTE_MESSAGE_NOT_IN_ORDER,
      ErrorCodes.FILE_NOT_OWNED,
      ErrorCodes.CONTENT_BLOCKED,
    ],
  },
  propose: {
    summary:
      'A settlement offer to the other party (全额退款, 部分退款 in fen, 退货退款, 放款); replaces the caller’s own pending one.',
    auth: 'user',
    input: z
      .object({
        orderId: IdSchema,
        kind: z.enum(SETTLEMENT_KINDS),
        refundFen: z.number().int().optional(),
      })
      .strict(),
    output: DisputeSchema,
    errors: [
      ErrorCodes.DISPUTE_WRONG_STAGE,
      ErrorCodes.DISPUTE_BAD_AMOUNT,
      ErrorCodes.DISPUTE_RETURN_NOT_POSSIBLE,
      ErrorCodes.RATE_LIMITED,
    ],
  },
  answer: {
    summary:
      'The other party accepts or rejects the latest pending proposal; an accepted one settles the order through escrow, once.',
    auth: 'user',
    input: z
      .object({ orderId: IdSchema, proposalId: z.string().max(40), accept: z.boolean() })
      .strict(),
    output: DisputeSchema,
    errors: [
      ErrorCodes.DISPUTE_WRONG_STAGE,
      ErrorCodes.DISPUTE_PROPOSAL_STALE,
      ErrorCodes.DISPUTE_OWN_PROPOSAL,
      ErrorCodes.ORDER_WRONG_STATE,
      ErrorCodes.ORDER_RETURN_ADDRESS_REQUIRED,
    ],
  },
  escalate: {
    summary:
      '申请小法庭: a party ends the negotiation early once both sides gave evidence (or its deadline passed); the case goes to a jury or the platform.',
    auth: 'user',
    input: OrderRef,
    output: DisputeSchema,
    errors: [ErrorCodes.DISPUTE_WRONG_STAGE],
  },
  jurorCases: {
    summary: 'The 小法庭 cases the caller was drawn for, newest first, and their juror record.',
    auth: 'user',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(JuryCaseCardSchema), stats: JurorStatsSchema }),
    errors: [],
  },
  juryCase: {
    summary:
      'One case as its juror sees it: anonymised evidence (买家/卖家), the deadline, their vote.',
    auth: 'user',
    input: z.object({ caseId: IdSchema }).strict(),
    output: JuryCaseSchema,
    errors: [],
  },
  vote: {
    summary:
      "A juror's one vote (support the buyer or the seller) with a reason, before the deadline.",
    auth: 'user',
    input: z.object({ caseId: IdSchema, side: z.enum(VERDICTS), reason: ReasonSchema }).strict(),
    output: JuryCaseSchema,
    errors: [ErrorCodes.JURY_ALREADY_VOTED, ErrorCodes.JURY_CLOSED, ErrorCodes.CONTENT_BLOCKED],
  },
})
