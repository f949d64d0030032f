/**
 * Disputes rebuilt (issue 15 point 5): evidence from both sides within a deadline, a negotiation
 * in which either side proposes a settlement the other accepts, then arbitration by a community
 * jury in the style of 闲鱼小法庭, with the platform deciding when the jury cannot (no panel, no
 * quorum, a tie) and for high-value orders. Pure rules only: the server enforces them, the
 * client shows them.
 */
import { DAY } from './time'
import type { CreditTierKey } from './credit/credit-tiers'

/** The defaults; a deployment may change them (the backend reads them from one place). */
export const DISPUTE_RULES = {
  /** Each side has this long from the dispute's opening to submit evidence. */
  evidenceMs: 3 * DAY,
  /** Proposals may be made until this long after the evidence stage ended. */
  negotiationMs: 2 * DAY,
  /** Jurors vote within this long of the draw. */
  juryMs: 1 * DAY,
  /** How many jurors are drawn; odd, so a full panel cannot tie. */
  panelSize: 9,
  /** Votes needed for the jury to decide at its deadline (a strict majority of the panel decides at once). */
  quorum: 5,
  /** Orders of at least this much go to the platform, not a jury (¥2,000). */
  platformFromFen: 200_000,
  /** Juror eligibility: this credit tier or better… */
  minJurorTier: 'good' as CreditTierKey,
  /** …an account at least this old… */
  minAccountAgeMs: 30 * DAY,
  /** …and at most this many cases in the last 7 days. */
  maxCasesPerWeek: 3,
  /** How many candidates one draw looks at (the newest eligible accounts are not favoured). */
  candidatePool: 400,
} as const

export type DisputeRules = {
  [K in keyof typeof DISPUTE_RULES]: (typeof DISPUTE_RULES)[K] extends number
    ? number
    : (typeof DISPUTE_RULES)[K]
}

export const EVIDENCE_LIMITS = {
  photos: 9,
  messages: 20,
  textMax: 500,
  reasonMin: 5,
  reasonMax: 200,
} as const

export const DISPUTE_STAGES = ['evidence', 'negotiation', 'jury', 'platform', 'closed'] as const
export type DisputeStage = (typeof DISPUTE_STAGES)[number]

export const STAGE_LABELS: Record<DisputeStage, string> = {
  evidence: '举证中',
  negotiation: '协商中',
  jury: '小法庭评审中',
  platform: '平台仲裁中',
  closed: '已结束',
}

export type DisputeSide = 'buyer' | 'seller'

/** What a party may propose: 全额退款, 部分退款, 退货退款, 放款给卖家. */
export const SETTLEMENT_KINDS = ['refund', 'partial', 'return', 'release'] as const
export type SettlementKind = (typeof SETTLEMENT_KINDS)[number]

export const SETTLEMENT_LABELS: Record<SettlementKind, string> = {
  refund: '全额退款',
  partial: '部分退款',
  return: '退货退款',
  release: '放款给卖家',
}

/** Which order transition an accepted settlement takes (shared/domain/order-process.ts). */
export const SETTLEMENT_TRANSITION = {
  refund: 'settleRefund',
  partial: 'settlePartial',
  return: 'settleReturn',
  release: 'settleRelease',
} as const

/** A juror supports the buyer (full refund) or the seller (release). */
export const VERDICTS = ['buyer', 'seller'] as const
export type Verdict = (typeof VERDICTS)[number]

export const VERDICT_TRANSITION = { buyer: 'juryRefund', seller: 'juryRelease' } as const

/** Why a case went to the platform. */
export const PLATFORM_REASONS = ['high_value', 'no_jury', 'quorum_missed', 'tie'] as const
export type PlatformReason = (typeof PLATFORM_REASONS)[number]
export const PLATFORM_REASON_LABELS: Record<PlatformReason, string> = {
  high_value: '金额较大，由平台仲裁',
  no_jury: '未能组成评审团，由平台仲裁',
  quorum_missed: '评审员投票人数不足，由平台仲裁',
  tie: '评审票数相同，由平台仲裁',
}

/** Whether a partial refund is a real split: more than nothing, less than what was paid (fen). */
export const validPartialFen = (refundFen: number, paidFen: number) =>
  Number.isInteger(refundFen) && refundFen > 0 && refundFen < paidFen

export type Tally =
  | { decided: true; winner: Verdict; buyer: number; seller: number }
  | { decided: false; buyer: number; seller: number; platform: PlatformReason | null }

/**
 * The jury's count. A strict majority of the whole panel decides at once (no later vote can
 * change it). At the deadline (`closing`), the votes cast decide if there are at least `quorum`
 * of them and one side has more; too few votes, or a tie, go to the platform.
 */
export const tallyVotes = (
  votes: readonly Verdict[],
  rules: { panelSize: number; quorum: number },
  closing: boolean,
): Tally => {
  const buyer = votes.filter((v) => v === 'buyer').length
  const seller = votes.length - buyer
  const half = rules.panelSize / 2
  if (buyer > half) return { decided: true, winner: 'buyer', buyer, seller }
  if (seller > half) return { decided: true, winner: 'seller', buyer, seller }
  const everyoneVoted = votes.length >= rules.panelSize
  if (!closing && !everyoneVoted) return { decided: false, buyer, seller, platform: null }
  if (votes.length < rules.quorum)
    return { decided: false, buyer, seller, platform: 'quorum_missed' }
  if (buyer === seller) return { decided: false, buyer, seller, platform: 'tie' }
  return { decided: true, winner: buyer > seller ? 'buyer' : 'seller', buyer, seller }
}

/**
 * A juror's reputation: votes that agreed with the final outcome against all counted votes, with
 * a prior of one agreeing vote in two (so a new juror starts at 0.5, and one lucky vote is not 1.0).
 */
export const jurorReliability = (r: { agreed: number; counted: number }) =>
  (r.agreed + 1) / (r.counted + 2)

/**
 * The weight a juror is drawn with: reliable jurors are preferred, but everyone eligible keeps a
 * real chance (weight 0.5 to 1.5), so the panel cannot be predicted from the reputation table.
 */
export const drawWeight = (r: { agreed: number; counted: number }) => 0.5 + jurorReliability(r)

/**
 * A weighted random sample without replacement (Efraimidis–Spirakis): each candidate gets the key
 * u^(1/w) for a uniform u in (0, 1) from a CSPRNG, and the `n` highest keys are drawn.
 */
export const weightedSample = <T>(
  candidates: readonly { item: T; weight: number }[],
  n: number,
  uniform: () => number,
): T[] =>
  candidates
    .map((c) => ({ item: c.item, key: Math.pow(uniform(), 1 / c.weight) }))
    .sort((a, b) => b.key - a.key)
    .slice(0, n)
    .map((c) => c.item)
