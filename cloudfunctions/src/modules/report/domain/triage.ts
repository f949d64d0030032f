import { REASON_SEVERITY, type ReportReason } from '@shared/domain/report'
import type { CreditTierKey } from '@shared/domain/credit/credit-tiers'

/**
 * How far a reporter's word goes: the share of their decided reports that were upheld, with a
 * prior of one upheld and one dismissed (Laplace), so a new reporter is neutral (0.5) and a serial
 * false reporter tends to 0 without ever quite reaching it.
 */
export const credibility = (stats: { upheld: number; dismissed: number } | null): number => {
  const upheld = Math.max(0, stats?.upheld ?? 0)
  const dismissed = Math.max(0, stats?.dismissed ?? 0)
  return (upheld + 1) / (upheld + dismissed + 2)
}

/** One independent reporter's report as triage weighs it. */
export interface TriageReport {
  reason: ReportReason
  /** 0–1, from `credibility`. */
  credibility: number
}

export interface TriageInput {
  /** One per independent reporter (a second report by the same person is not here). */
  reports: TriageReport[]
  /** Open risk flags (lexicon, WeChat's checks, listing risk) on the target. */
  openFlags: number
  /**
   * How grave the gravest open flag is (flagSeverity), on the reasons' scale: a case the risk
   * checks opened has no reporter, and a report's trivial reason does not hide a grave flag.
   */
  flagSeverity?: number
  /** The owner's credit tier. */
  ownerTier: CreditTierKey
}

/**
 * Low credit (较差, below where every new account starts) makes a report likelier to be true; good
 * credit does not lower it (credit can be farmed).
 */
const TIER_BONUS: Record<CreditTierKey, number> = {
  excellent: 0,
  great: 0,
  good: 0,
  fair: 0,
  poor: 20,
}

/** A neutral reporter's weight is 1: credibility 0.5 → 1, 1 → 1.6, 0 → 0.4. */
const weightOf = (c: number) => 0.4 + 1.2 * Math.min(1, Math.max(0, c))

/**
 * The triage score (0–100) of a case, which orders the queue and, at HIDE_THRESHOLD, hides the
 * content until a moderator decides:
 * - the gravest reason, scaled by the credibility of whoever gave it, or the gravest open flag's
 *   severity when that is graver (a case without reporters: the flag's alone);
 * - independent reporters, diminishing: 12 per doubling of the credibility-weighted count, at
 *   most 36 (one neutral reporter adds nothing, two add 12, four 24);
 * - open risk flags on the target, 8 each, at most 24;
 * - the owner's credit: the starting tier and better nothing, the lowest tier 20.
 */
export const triageScore = (input: TriageInput): number => {
  const flagSeverity = input.openFlags > 0 ? Math.max(0, input.flagSeverity ?? 0) : 0
  if (input.reports.length === 0 && flagSeverity === 0) return 0
  const severity = Math.max(
    flagSeverity,
    ...input.reports.map((r) => REASON_SEVERITY[r.reason] * weightOf(r.credibility)),
  )
  const weighted = input.reports.reduce((sum, r) => sum + weightOf(r.credibility), 0)
  const crowd = weighted > 1 ? Math.min(36, 12 * Math.log2(weighted)) : 0
  const flags = Math.min(24, 8 * Math.max(0, input.openFlags))
  const score = severity + crowd + flags + TIER_BONUS[input.ownerTier]
  return Math.round(Math.min(100, Math.max(0, score)))
}
