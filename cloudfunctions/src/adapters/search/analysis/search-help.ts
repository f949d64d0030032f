import type { SearchRelaxation } from '../../../modules/search/ports/listing-search.port'
import { planQuery, type QueryClause, type QueryPlan } from './query-plan'
import { searchText } from './search-text'
import { termVocabulary } from './term-vocabulary'

/** Vocabulary words counted per keystroke: a handful of short indexed counts. */
const COMPLETION_CANDIDATES = 16

/**
 * Completions of the last typed word from the vocabulary (group words and category names),
 * typed as they start or as pinyin or initials of them (pg → 苹果), kept when `count` (how many
 * listings the completed text finds, capped by the adapter) is above zero, most listings first.
 * The same for every adapter: only `count` touches the index.
 */
export const termCompletions = (
  prefix: string,
  limit: number,
  count: (plan: QueryPlan) => number,
): string[] => {
  const typed = searchText(prefix).split(' ')
  const completing = typed[typed.length - 1]!
  if (!completing) return []
  const head = typed.slice(0, -1).join(' ')
  const asPinyin = /^[a-z]{2,}$/.test(completing)
  const rank = (e: { form: string; pinyin: string | null; initials: string | null }) =>
    e.form.startsWith(completing)
      ? 0
      : asPinyin && (e.pinyin?.startsWith(completing) || e.initials?.startsWith(completing))
        ? 1
        : -1
  return termVocabulary()
    .entries.map((e) => ({ e, rank: rank(e) }))
    .filter((c) => c.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.e.form.length - b.e.form.length)
    .slice(0, COMPLETION_CANDIDATES)
    .map(({ e }) => {
      const plan = planQuery(head ? `${head} ${e.form}` : e.form)
      return { e, count: plan.clauses.length ? count(plan) : 0 }
    })
    .filter((c) => c.count > 0)
    .sort(
      (a, b) =>
        b.count - a.count ||
        a.e.form.length - b.e.form.length ||
        (a.e.form < b.e.form ? -1 : a.e.form > b.e.form ? 1 : 0),
    )
    .slice(0, limit)
    .map(({ e }) => (head ? `${head} ${e.display}` : e.display))
}

/**
 * What to offer for a query that found nothing, the same for every adapter: the typed words
 * with one left out (the last first: it is usually the added detail), else a single one (group
 * words first), the first that `finds` listings; and the first category the query points to
 * that `hasListings`, else the one most of the relaxed text's matches are filed under.
 */
export const relaxation = (
  plan: QueryPlan,
  finds: (clauses: QueryClause[]) => boolean,
  hasListings: (category: string) => boolean,
  commonCategory: (plan: QueryPlan) => string | null,
): SearchRelaxation => {
  const n = plan.clauses.length
  const subsets = [
    ...plan.clauses.map((_, i) => plan.clauses.filter((__, j) => j !== n - 1 - i)),
    ...[...plan.clauses].sort((a, b) => Number(!a.groupId) - Number(!b.groupId)).map((c) => [c]),
  ]
    // One character alone (不, 的) finds something in any city and helps nobody.
    .filter((c) => c.length > 0 && c.length < n && c.some((k) => [...k.text].length > 1))
  const kept = subsets.find(finds) ?? null
  const text = kept ? kept.map((c) => c.text).join(' ') : null
  const category =
    plan.categories.find(hasListings) ?? (text ? commonCategory(planQuery(text)) : null)
  return { category, text }
}
