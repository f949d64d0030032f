import type { RiskCategory } from '@shared/domain/content-risk'

/**
 * How grave a risk flag is, on the report reasons' scale (REASON_SEVERITY: fraud 40 … other 5), so
 * a case the risk checks opened sits in the queue among reported ones: prohibited goods as grave
 * as a report of them, a suspected counterfeit as one of counterfeit. A `warn` is advice (the
 * content stayed up): half as grave, so it waits below what was held.
 */
const CATEGORY_SEVERITY: Record<RiskCategory, number> = {
  contraband: 35,
  drugs: 35,
  wildlife: 35,
  gambling: 30,
  illegalService: 30,
  counterfeit: 30,
  sexual: 25,
  diversion: 25,
  restricted: 20,
}

const LISTING_RISK_SEVERITY = { price: 30, 'photo-reuse': 25, 'new-account': 25 } as const

/** WeChat's verdict without a lexicon hit: a held text or image, risky images graver. */
const WECHAT_REVIEW = 25
const WECHAT_RISKY = 35

export interface SeverityOfFlag {
  source: string
  action: 'review' | 'warn'
  risk?: keyof typeof LISTING_RISK_SEVERITY
  hits: { category: RiskCategory }[]
  wechat: { suggest: string } | null
}

export const flagSeverity = (f: SeverityOfFlag): number => {
  const base = f.risk
    ? LISTING_RISK_SEVERITY[f.risk]
    : f.hits.length
      ? Math.max(...f.hits.map((h) => CATEGORY_SEVERITY[h.category] ?? WECHAT_REVIEW))
      : f.wechat?.suggest === 'risky'
        ? WECHAT_RISKY
        : WECHAT_REVIEW
  return f.action === 'warn' ? Math.round(base / 2) : base
}

/**
 * Whether a flag opens a case (or joins the target's): everything held for review, and the
 * listing-risk warnings a moderator should see (suspected counterfeits, stolen photos). The
 * lexicon's warnings (限售 words, shown with a notice) only weigh in a report's triage.
 */
export const flagOpensCase = (f: Pick<SeverityOfFlag, 'action' | 'risk'>): boolean =>
  f.action === 'review' || f.risk === 'price' || f.risk === 'photo-reuse'
