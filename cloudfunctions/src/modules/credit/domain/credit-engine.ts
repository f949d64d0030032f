/**
 * The full recompute: every account's events folded into its state, the trust graph over all of
 * them, and every score read from its state and its graph weights. The cron runs it through the
 * store (application/recompute-credit.use-case.ts), the benchmark runs it in memory: the same code.
 */

import type { CreditEventFacts } from './credit-event'
import { foldEvents, type CreditState } from './credit-state'
import { scoreOf, type CreditBreakdown } from './credit-score'
import { computeTrustGraph, type GraphResult } from './trust-graph'

export interface EngineAccount {
  id: string
  createdAt: number
  group?: string | null
  /** Its events in chain order. */
  events: readonly CreditEventFacts[]
}

export interface EngineResult {
  state: CreditState
  graph: GraphResult
  breakdown: CreditBreakdown
}

export const recomputeAll = (
  accounts: readonly EngineAccount[],
  now: number,
): Map<string, EngineResult> => {
  const states = accounts.map((a) => ({
    id: a.id,
    createdAt: a.createdAt,
    group: a.group ?? null,
    state: foldEvents(a.events),
  }))
  const graph = computeTrustGraph(states, now)
  const out = new Map<string, EngineResult>()
  for (const a of states) {
    const g = graph.get(a.id)!
    out.set(a.id, {
      state: a.state,
      graph: g,
      breakdown: scoreOf(a.state, { createdAt: a.createdAt, now, graph: g }),
    })
  }
  return out
}
