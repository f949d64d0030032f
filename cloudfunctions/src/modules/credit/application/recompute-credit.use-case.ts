import { tierByKey } from '@shared/domain/credit/credit-tiers'
import type { Deps } from '../../deps'
import { setCreditBadge } from '../../user'
import { isAppError, ErrorCodes } from '@shared/errors/error-codes'
import { CreditAccounts, type CreditAccountRecord } from '../domain/credit.records'
import { recomputeAll } from '../domain/credit-engine'
import type { CreditEventFacts } from '../domain/credit-event'
import { chainOf } from './credit-evidence.use-case'
import { samePersonGroups } from '../../merchant'
import { syncOnboarding } from './sync-onboarding'

const factsOf = (event: Record<string, unknown>): CreditEventFacts => {
  const { userId: _u, seq: _s, ...facts } = event
  return facts as unknown as CreditEventFacts
}

/**
 * The full run (timer): every account's state folded again from its chain, the trust graph over
 * all of them (circles, trust from the seed, shared identities), every score read again and
 * written. `drifted` counts states that differed from the fold (it should stay 0: incremental
 * and full are the same fold). An account that moved meanwhile keeps its own write; the next
 * run catches it up.
 */
export const recomputeCredit = async (deps: Pick<Deps, 'store' | 'clock' | 'secrets'>) => {
  const now = deps.clock.now()
  const loadAll = async () => {
    const all: CreditAccountRecord[] = []
    let cursor: string | undefined
    do {
      const page = await deps.store.find(CreditAccounts, {}, { limit: 500, cursor })
      all.push(...page.items)
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    return all
  }
  // Real-name and 开通收款 first: they decide who seeds the trust graph, and a user who never
  // opened 信用 must not go without them (recorded once each; a second run reads and moves on).
  for (const a of await loadAll()) await syncOnboarding(deps, a._id)
  const accounts = await loadAll()
  // One person's several accounts (same ID number or payout card) are one party for each other.
  const groups = await samePersonGroups(deps)
  const input = []
  for (const a of accounts) {
    const chain = await chainOf(deps, a._id)
    input.push({
      id: a._id,
      createdAt: a.createdAt,
      group: groups.get(a._id) ?? null,
      events: chain.map((l) => factsOf(l.event)),
    })
  }
  const results = recomputeAll(input, now)
  let drifted = 0
  let written = 0
  for (const a of accounts) {
    const r = results.get(a._id)!
    if (JSON.stringify(r.state) !== JSON.stringify(a.state)) drifted++
    try {
      await deps.store.update(
        CreditAccounts,
        a._id,
        {
          state: r.state,
          graph: r.graph,
          breakdown: r.breakdown,
          computedAt: now,
          updatedAt: now,
          version: a.version + 1,
        },
        { expect: { version: a.version } },
      )
      written++
      await setCreditBadge(deps.store, a._id, tierByKey(r.breakdown.tier).badge, now)
    } catch (e) {
      if (!isAppError(e) || e.code !== ErrorCodes.CONFLICT) throw e
    }
  }
  return { accounts: accounts.length, written, drifted }
}
