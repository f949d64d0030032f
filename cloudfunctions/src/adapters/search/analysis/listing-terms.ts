import { CATEGORIES } from '@shared/domain/listing'
import { TERM_WEIGHTS } from '../../../modules/search/domain/search-ranking'
import type { TermGroup } from '../../../modules/search/domain/search-synonyms'
import { CJK, latinParts, scriptRuns, searchText } from './search-text'
import { type FoundWord, type TermVocabulary, termVocabulary } from './term-vocabulary'
import { cutForIndex, cutWords } from './word-segmenter'

/** What of a listing its index terms come from. */
export interface ListingText {
  title: string
  description: string
  category: string
  subcategory: string | null
}

/**
 * A listing's index terms, each with the weight of the strongest place it holds it
 * (TERM_WEIGHTS): words as they are (耳机, airpods, 13) and groups of the synonym table as
 * `§id` (§earphones), a spelling no word can have (words hold letters and digits only).
 */
export type ListingTerms = Map<string, number>

/** A group's term: `§` and the id's letters and digits (FTS5's ascii tokenizer splits at `-`). */
export const groupTerm = (groupId: string) => `§${groupId.replace(/[^a-z0-9]/g, '')}`

/**
 * The index terms of a listing, computed at write time by every ListingSearch adapter (SQLite
 * stores them in its FTS table; CloudBase will keep `termList` on the listing document):
 * - title: its words and the shorter words inside them, Latin and number runs however they are
 *   spaced, its single characters, and the groups it names with every broader group (a title
 *   saying AirPods holds §airpods, §wireless-earphones, §earphones and §apple);
 * - category: the names of its leaf and top category and the groups they name. A name of several
 *   things (耳机音箱, 玩具乐器, 母婴童装) speaks only for the thing the listing is when its title or
 *   leaf says so: AirPods hold 耳机 but not 音箱, a LEGO set 玩具 but not 乐器;
 * - description: its words and groups, a brand named there weighing more than other words.
 * A word that means its group only in the group's categories (苹果, 推车, 笔记本) tags the group
 * only on listings filed there.
 */
export const listingTerms = (l: ListingText, vocab = termVocabulary()): ListingTerms => {
  const terms: ListingTerms = new Map()
  const add = (token: string, weight: number) => {
    if ((terms.get(token) ?? 0) < weight) terms.set(token, weight)
  }
  const filedIn = (g: TermGroup) =>
    (g.categories ?? []).some((c) => c === l.category || c === l.subcategory)
  const groupsOf = (found: FoundWord[]) =>
    found
      .filter((f) => !f.word.ambiguous || filedIn(f.word.group))
      .flatMap((f) => vocab.closure(f.word.group.id))

  const title = searchText(l.title)
  addWords(title, add, TERM_WEIGHTS.titleWord, TERM_WEIGHTS.titlePart)
  for (const ch of title) if (CJK.test(ch)) add(ch, TERM_WEIGHTS.titleChar)
  const titleGroups = groupsOf(vocab.find(title))
  for (const g of titleGroups) add(groupTerm(g), TERM_WEIGHTS.titleGroup)

  // What the listing is, as its title (then its leaf category) says: decides a compound name.
  const evidence = new Set(titleGroups.filter((g) => vocab.group(g)?.kind === 'item'))
  const leaf = l.subcategory ? labelOf(l.subcategory) : null
  for (const name of [leaf, labelOf(l.category)]) {
    if (!name) continue
    for (const [word, groups] of nameParts(searchText(name), evidence, vocab)) {
      add(word, TERM_WEIGHTS.category)
      for (const g of groups) {
        add(groupTerm(g), TERM_WEIGHTS.category)
        if (vocab.group(g)?.kind === 'item') evidence.add(g)
      }
    }
  }

  const body = searchText(l.description)
  addWords(body, add, TERM_WEIGHTS.description, TERM_WEIGHTS.description)
  for (const g of groupsOf(vocab.find(body))) {
    const weight = vocab.group(g)?.kind === 'brand' ? TERM_WEIGHTS.brand : TERM_WEIGHTS.description
    add(groupTerm(g), weight)
  }
  return terms
}

/**
 * The words of search text at two weights: whole words (jieba's cut, Latin and number runs) and
 * the parts inside them (the shorter words jieba's search mode finds, the letter and digit runs
 * of a model number, two neighbouring runs glued: x t30 → xt30 → xt + 30).
 */
const addWords = (
  text: string,
  add: (token: string, weight: number) => void,
  whole: number,
  part: number,
) => {
  const runs = scriptRuns(text)
  runs.forEach((run, i) => {
    if (run.han) {
      for (const w of cutWords(run.text)) add(w, whole)
      for (const w of cutForIndex(run.text)) add(w, part)
      return
    }
    add(run.text, whole)
    for (const p of latinParts(run.text)) add(p, whole)
    const next = runs[i + 1]
    if (next && !next.han) for (const p of latinParts(run.text + next.text)) add(p, part)
  })
}

/**
 * The words of a category name with the groups each names. The whole name always counts (a
 * search for 耳机音箱 asks for the category). A part that names a group counts when the listing
 * is that thing, or when nothing says what the listing is; other parts (数码, 摄影) always count.
 */
const nameParts = (
  name: string,
  evidence: Set<string>,
  vocab: TermVocabulary,
): [string, string[]][] => {
  const found = vocab.find(name)
  const speaksFor = (f: FoundWord) => evidence.size === 0 || evidence.has(f.word.group.id)
  const out: [string, string[]][] = []
  const whole = found.length === 1 && found[0]!.word.form === name ? found[0]! : null
  out.push([name, whole && speaksFor(whole) ? vocab.closure(whole.word.group.id) : []])
  if (whole) return out
  let at = 0
  const gap = (end: number) => {
    for (const run of scriptRuns(name.slice(at, end)))
      for (const w of run.han ? cutForIndex(run.text) : [run.text]) out.push([w, []])
  }
  for (const f of found) {
    gap(f.start)
    at = f.end
    if (speaksFor(f)) out.push([f.word.form, vocab.closure(f.word.group.id)])
  }
  gap(name.length)
  return out
}

const labelOf = (id: string): string | null => {
  for (const c of CATEGORIES) {
    if (c.id === id) return c.label
    const leaf = c.children.find((s) => s.id === id)
    if (leaf) return leaf.label
  }
  return null
}

/** Terms at or above `min`, and the rest: the two columns of an index that reads strong ones first. */
export const splitTerms = (terms: ListingTerms, min: number) => {
  const strong: string[] = []
  const weak: string[] = []
  for (const [t, w] of terms) (w >= min ? strong : weak).push(t)
  return { strong, weak }
}

/**
 * The terms as one flat list for a document database (issue 16: CloudBase keeps it on the
 * listing): `s:` for strong terms, `w:` for the others, so an `in` query can still tell them apart.
 */
export const termList = (terms: ListingTerms, min: number): string[] =>
  [...terms].map(([t, w]) => `${w >= min ? 's' : 'w'}:${t}`)
