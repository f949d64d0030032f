import { z } from 'zod'
import { CREDIT_TIER_KEYS } from '../domain/credit/credit-tiers'
import { IdSchema, PageQuerySchema } from './common.schema'
import { defineContract } from './define-contract'

const TierSchema = z.object({
  key: z.enum(CREDIT_TIER_KEYS),
  /** 极好 / 优秀 / 良好 / 中等 / 较差 */
  label: z.string(),
})

/** One factor's part in the score, explained in plain Chinese. */
export const CreditFactorSchema = z.object({
  key: z.string(),
  /** 实名与收款, 账龄, 卖出成交, 买入成交, 收到的评价, 纠纷, 卖家取消, 发货超时, 聊天回复, 处罚 */
  label: z.string(),
  /** Points added to (or taken from) the score; the factors and the base add up to the score. */
  points: z.number().int(),
  explanation: z.string(),
})
export type CreditFactor = z.infer<typeof CreditFactorSchema>

/** A credit event as its owner sees it in the history. */
export const CreditHistoryItemSchema = z.object({
  at: z.number().int(),
  /** 完成一笔卖出 · ¥128.00, 收到 5 星评价, 纠纷判定由你承担 … */
  label: z.string(),
  /** Points it moved the score by when it happened (0 for ones that only count later). */
  delta: z.number().int(),
})
export type CreditHistoryItem = z.infer<typeof CreditHistoryItemSchema>

/** 已存证: the caller's chain head is in a day's Merkle root (null day: nothing anchored yet). */
export const CreditEvidenceStatusSchema = z.object({
  day: z.string().nullable(),
  anchored: z.boolean(),
})

export const MyCreditSchema = z.object({
  score: z.number().int(),
  tier: TierSchema,
  /** The badge high tiers carry (信用极好 / 信用优秀), else null. */
  badge: z.string().nullable(),
  /** The score every account starts from before the factors. */
  base: z.number().int(),
  factors: z.array(CreditFactorSchema),
  /** Concrete next steps, most useful first. */
  improve: z.array(z.string()),
  /** What this tier may do and what it may not (live listings, commission, payout timing). */
  privileges: z.array(z.string()),
  limits: z.object({
    liveListingCap: z.number().int(),
    commissionPercent: z.number().int(),
    payoutHoldDays: z.number().int(),
  }),
  /** Events that changed the score, newest first; page on with the cursor. */
  history: z.object({
    items: z.array(CreditHistoryItemSchema),
    nextCursor: z.string().nullable(),
  }),
  evidence: CreditEvidenceStatusSchema,
  computedAt: z.number().int(),
})
export type MyCredit = z.infer<typeof MyCreditSchema>

/** What strangers may see of someone's credit: tier, badge and a few public summaries, no events. */
export const PublicCreditSchema = z.object({
  userId: IdSchema,
  tier: TierSchema,
  badge: z.string().nullable(),
  /** 成交 12 笔, 好评率 98%, 实名认证 … */
  summaries: z.array(z.object({ key: z.string(), label: z.string(), value: z.string() })),
})
export type PublicCredit = z.infer<typeof PublicCreditSchema>

/** One link of a user's hash chain: hash = SHA-256(prevHash + canonical JSON of event). */
export const CreditChainLinkSchema = z.object({
  seq: z.number().int(),
  /** The event exactly as hashed (its canonical JSON is the hash input after prevHash). */
  event: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
})
export type CreditChainLink = z.infer<typeof CreditChainLinkSchema>

/** A Merkle inclusion proof: hash the leaf up with each sibling (left or right of it) to reach root. */
export const MerkleProofSchema = z.object({
  leaf: z.string(),
  index: z.number().int(),
  siblings: z.array(z.object({ hash: z.string(), side: z.enum(['left', 'right']) })),
  root: z.string(),
})
export type MerkleProof = z.infer<typeof MerkleProofSchema>

export const CreditEvidenceSchema = z.object({
  userId: IdSchema,
  /** The caller's whole chain, oldest first. */
  chain: z.array(CreditChainLinkSchema),
  /** The day asked for (or the latest anchored day), null when nothing is anchored yet. */
  day: z.string().nullable(),
  /** The chain head as anchored that day: seq and hash (a link of `chain`). */
  anchoredHead: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  /** The day's Merkle root and the proof that the anchored head is one of its leaves. */
  proof: MerkleProofSchema.nullable(),
})
export type CreditEvidence = z.infer<typeof CreditEvidenceSchema>

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')

export const CreditContract = defineContract('credit', {
  mine: {
    summary:
      "The caller's credit: score, tier, each factor's contribution, how to improve, privileges, the paged history of events and the evidence status.",
    auth: 'user',
    input: PageQuerySchema.strict(),
    output: MyCreditSchema,
    errors: [],
  },
  forUser: {
    summary:
      "What anyone may see of a user's credit: tier, badge and public summaries (成交笔数, 好评率), never the event history.",
    auth: 'public',
    input: z.object({ userId: IdSchema }).strict(),
    output: PublicCreditSchema,
    errors: [],
  },
  evidence: {
    summary:
      "信用存证: the caller's own hash chain and the Merkle inclusion proof of its head for a day (the latest anchored day by default).",
    auth: 'user',
    input: z.object({ day: DaySchema.optional() }).strict(),
    output: CreditEvidenceSchema,
    errors: [],
  },
})
