import type { MyCredit, PublicCredit } from '@shared/contracts/credit.contract'
import { privilegesOf, tierByKey } from '@shared/domain/credit/credit-tiers'
import { DAY } from '@shared/domain/time'
import type { Deps } from '../../deps'
import { newestFirst } from '../../core/ports/document-store.port'
import type { UserRecord } from '../../user'
import { CreditEvents } from '../domain/credit.records'
import { FACTOR_LABELS, explainFactor, waysToImprove } from '../domain/credit-explain'
import { BASE } from '../domain/credit-formula'
import { CREDIT_FACTOR_KEYS, type CreditBreakdown } from '../domain/credit-score'
import { currentBreakdown, loadCreditAccount } from './credit-accounts'
import { syncOnboarding } from './sync-onboarding'

/** Whole points per factor that add up, with the base, to the score (largest remainders). */
const wholePoints = (b: CreditBreakdown) => {
  const target = b.score - BASE
  const raw = CREDIT_FACTOR_KEYS.map((k) => b.points[k])
  const rounded = raw.map(Math.round)
  let gap = target - rounded.reduce((a, c) => a + c, 0)
  // The bounds (350/950) or rounding leave a gap: spread it over the factors nearest the next whole.
  const order = raw.map((x, i) => [x - Math.round(x), i] as const).sort((a, c) => c[0] - a[0])
  for (let j = 0; gap !== 0 && j < order.length * 50; j++) {
    const i = order[j % order.length][1]
    if (gap > 0) {
      rounded[i]++
      gap--
    } else {
      rounded[i]--
      gap++
    }
  }
  return rounded
}

/** The caller's own credit page: everything, their history included. */
export const myCredit = async (
  deps: Deps,
  user: UserRecord,
  page: { cursor?: string; limit: number },
): Promise<MyCredit> => {
  await syncOnboarding(deps, user._id)
  const now = deps.clock.now()
  const { account } = await loadCreditAccount(deps.store, user._id, now)
  const b = currentBreakdown(account, now)
  const tier = tierByKey(b.tier)
  const points = wholePoints(b)
  const history = await deps.store.find(
    CreditEvents,
    { userId: user._id },
    newestFirst('seq', page),
  )
  return {
    score: b.score,
    tier: { key: tier.key, label: tier.label },
    badge: tier.badge,
    base: BASE,
    factors: CREDIT_FACTOR_KEYS.map((key, i) => ({
      key,
      label: FACTOR_LABELS[key],
      points: points[i],
      explanation: explainFactor(key, b),
    })),
    improve: waysToImprove(b),
    privileges: privilegesOf(tier),
    limits: {
      liveListingCap: tier.liveListingCap,
      commissionPercent: tier.commissionPercent,
      payoutHoldDays: Math.round(tier.payoutHoldMs / DAY),
    },
    history: {
      items: history.items.map((e) => ({ at: e.at, label: e.label, delta: e.delta })),
      nextCursor: history.nextCursor,
    },
    evidence: {
      day: account.anchoredDay,
      anchored: account.seq > 0 && account.anchoredSeq === account.seq,
    },
    computedAt: now,
  }
}

/** What strangers see: the tier and badge and a few counts of trades with accounts that count. */
export const publicCredit = async (deps: Deps, userId: string): Promise<PublicCredit> => {
  const now = deps.clock.now()
  const { account } = await loadCreditAccount(deps.store, userId, now)
  const b = currentBreakdown(account, now)
  const tier = tierByKey(b.tier)
  const summaries = [{ key: 'trades', label: '成交', value: `${b.public.trades} 笔` }]
  if (b.public.reviews > 0)
    summaries.push({
      key: 'goodRate',
      label: '好评率',
      value: `${Math.round((100 * b.public.goodReviews) / b.public.reviews)}%`,
    })
  if (b.totals.verified) summaries.push({ key: 'identity', label: '实名认证', value: '已实名' })
  return { userId, tier: { key: tier.key, label: tier.label }, badge: tier.badge, summaries }
}
