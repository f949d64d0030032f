import {
  rankScore,
  STRONG_TERM_WEIGHT,
  textScore,
} from '../../modules/search/domain/search-ranking'
import type { QueryPlan } from './analysis/query-plan'

/**
 * Relevance with understood text ranks a pool of matches rather than all of them: the newest
 * RANK_POOL matches and, only when those hold few title, brand or category matches (a word most
 * listings mention only in their description), the newest RANK_POOL of those too. So a rare word
 * (every match fits the pool) and a common one both cost one index read, at the price that a
 * keyword with thousands of matches ranks its newest few dozen (freshness is a signal anyway;
 * 最新 still walks them all). Measured in bench:search, a pool's cost grows with its size: two
 * pools of 120 made relevance 13× slower than the title-first order it replaced.
 */
export const RANK_POOL = 48

/** A full pool with fewer strong matches than this is topped up with the newest strong ones. */
const STRONG_ENOUGH = RANK_POOL / 2

/** Scores are compared as integers (and kept in cursors): 1e-9 is far below any signal's step. */
const SCALE = 1e9

/**
 * A candidate as the pool query reads it: only what scoring needs (ids and the other columns are
 * read for the page alone; turning columns into JavaScript values is most of a pool's cost).
 */
export interface PoolRow {
  /** Index position: its order is sortKey order (sort-key-rowid.ts), the tie-break. */
  pos: number
  /** When the sortKey was minted (publish, relist or 擦亮), epoch ms: what freshness counts from. */
  published: number
  /** 1 in a category the query points to, 0 outside all of them, null when it names none. */
  in_category: number | null
  quality: number | null
  seller_credit: number | null
  weights: string
  d?: number
}

/**
 * Reads a term's weight in a listing's weights JSON without parsing it: a query asks for a few
 * terms of dozens of rows, and JSON.parse of every row was a quarter of the query's time.
 * JSON.stringify writes a key one way only, so finding `"term":` finds exactly that key. One
 * reader per query keeps each term's key.
 */
export const weightReader = () => {
  const keys = new Map<string, string>()
  return (weights: string, term: string): number | null => {
    let key = keys.get(term)
    if (key === undefined) keys.set(term, (key = `${JSON.stringify(term)}:`))
    const at = weights.indexOf(key)
    return at < 0 ? null : parseFloat(weights.slice(at + key.length))
  }
}

/**
 * Whether a pool of the newest matches is full but short of strong ones (see RANK_POOL): rows
 * holding every clause as a title, brand or category term (the terms table's `strong` column),
 * which the weights JSON keeps, with title characters just below them.
 */
export const needsStrongPool = (pool: PoolRow[], plan: QueryPlan) => {
  if (pool.length < RANK_POOL) return false
  const weightIn = weightReader()
  const strong = pool.filter((r) =>
    plan.clauses.every((c) =>
      c.alternatives.some((a) => (weightIn(r.weights, a.token) ?? 0) >= STRONG_TERM_WEIGHT),
    ),
  )
  return strong.length < STRONG_ENOUGH
}

/** The pool in relevance order (score, then newest), each row with its integer score. */
export const rankPool = <R extends PoolRow>(
  rows: R[],
  plan: QueryPlan,
  at: number,
): (R & { key: number })[] => {
  const weightIn = weightReader()
  return rows
    .map((r) => {
      const score = rankScore({
        text: textScore(plan.clauses, (t) => weightIn(r.weights, t)),
        inQueryCategory: r.in_category === null ? null : r.in_category === 1,
        ageMs: at - r.published,
        distanceMeters: r.d ?? null,
        quality: r.quality,
        sellerCredit: r.seller_credit,
      })
      return { ...r, key: Math.round(score * SCALE) }
    })
    .sort((a, b) => b.key - a.key || b.pos - a.pos)
}

/** Whether a ranked row comes after the cursor's score and position (the greatest pos before its sortKey). */
export const afterCursor = (r: PoolRow & { key: number }, c: { key: number; belowPos: number }) =>
  r.key < c.key || (r.key === c.key && r.pos <= c.belowPos)

export const MAX_RANK_KEY = SCALE
