import { rankScore, textScore } from '../../modules/search/domain/search-ranking'
import type { QueryPlan } from './analysis/query-plan'
import { sortKeyTime } from './sort-key-rowid'

/**
 * Relevance with understood text ranks a pool of matches rather than all of them: the newest
 * RANK_POOL matches and, when there are more, the newest RANK_POOL with a title, brand or
 * category match. A handful of index reads per query, like the other orders, at the price that a
 * keyword with thousands of matches ranks the newest few hundred (freshness is a signal anyway;
 * 最新 still walks them all).
 */
export const RANK_POOL = 120

/** Scores are compared as integers (and kept in cursors): 1e-9 is far below any signal's step. */
const SCALE = 1e9

/** A candidate as the pool query reads it. */
export interface PoolRow {
  pos: number
  id: string
  sort_key: string
  price_fen: number
  category: string
  subcategory: string | null
  quality: number | null
  seller_credit: number | null
  weights: string
  d?: number
}

export type RankedRow = PoolRow & { key: number }

/** The pool in relevance order (score, then newest), each row with its integer score. */
export const rankPool = (rows: PoolRow[], plan: QueryPlan, at: number): RankedRow[] => {
  const hinted = new Set(plan.categories)
  return rows
    .map((r) => {
      const weights = JSON.parse(r.weights) as Record<string, number>
      const score = rankScore({
        text: textScore(plan.clauses, (t) => weights[t] ?? null),
        inQueryCategory: hinted.size
          ? hinted.has(r.category) || (r.subcategory !== null && hinted.has(r.subcategory))
          : null,
        ageMs: at - sortKeyTime(r.sort_key),
        distanceMeters: r.d ?? null,
        quality: r.quality,
        sellerCredit: r.seller_credit,
      })
      return { ...r, key: Math.round(score * SCALE) }
    })
    .sort((a, b) => b.key - a.key || (a.sort_key < b.sort_key ? 1 : -1))
}

/** Whether a ranked row comes after the cursor's (score, sortKey). */
export const afterCursor = (r: RankedRow, c: { key: number; sortKey: string }) =>
  r.key < c.key || (r.key === c.key && r.sort_key < c.sortKey)

export const MAX_RANK_KEY = SCALE
