import { LISTING_SEARCH_LIMITS } from '../../../modules/search/ports/listing-search.port'
import { MATCH_WEIGHTS } from '../../../modules/search/domain/search-ranking'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import { groupTerm } from './listing-terms'
import { isCjkWord, isLatinWord, latinParts, scriptRuns, searchText } from './search-text'
import { type GroupWord, type TermVocabulary, termVocabulary } from './term-vocabulary'
import { cutWords } from './word-segmenter'

export interface QueryAlternative {
  /** An index term (listing-terms.ts). */
  token: string
  /** MATCH_WEIGHTS of how the typed word reaches it. */
  weight: number
}

/** One thing the query asks for: a listing matches it by holding any alternative. */
export interface QueryClause {
  /** The words as typed (after normalisation), for a relaxed query. */
  text: string
  alternatives: QueryAlternative[]
  /** The synonym group the words name, if any. */
  groupId: string | null
}

/** A keyword as the index understands it: every clause must match (AND). */
export interface QueryPlan {
  clauses: QueryClause[]
  /**
   * Categories the keyword points to (most telling first): what a thing is filed under (耳机 →
   * 数码 · 耳机音箱), else where a brand sells. Ranks listings elsewhere lower (苹果 the fruit) and
   * names the nearest category when nothing is found.
   */
  categories: string[]
}

const exact = (token: string): QueryAlternative => ({ token, weight: MATCH_WEIGHTS.exact })

/**
 * What a keyword asks for. Words of the synonym table are found first (苹果手机 is one thing, not
 * 苹果 and 手机) and stand for their group as well as themselves; the rest is cut into words by
 * jieba, Latin model numbers into letter and digit runs. A Latin word may be pinyin or pinyin
 * initials of a known word (erji, ej → 耳机), a misspelt brand (arpods → AirPods); characters
 * jieba cannot make a word of may be a typo for a word that sounds the same (耳几 → 耳机). Filler
 * words (二手, 出售) are dropped unless nothing else is left.
 */
export const planQuery = (keyword: string, vocab = termVocabulary()): QueryPlan => {
  if ([...keyword.trim()].length > LISTING_SEARCH_LIMITS.keywordMax) {
    throw new AppError(ErrorCodes.VALIDATION, `关键词最多 ${LISTING_SEARCH_LIMITS.keywordMax} 个字`)
  }
  const text = searchText(keyword)
  const clauses: QueryClause[] = []
  const fillers: QueryClause[] = []
  let at = 0
  const gap = (end: number) => {
    for (const run of scriptRuns(text.slice(at, end))) {
      if (run.han) clauses.push(...hanClauses(run.text, vocab, fillers))
      else clauses.push(...latinClauses(run.text, vocab))
    }
  }
  for (const span of spans(text, vocab)) {
    gap(span.start)
    at = span.end
    clauses.push(span.clause)
  }
  gap(text.length)
  const kept = clauses.length ? clauses : fillers
  const unique = [...new Map(kept.map((c) => [clauseKey(c), c])).values()]
  return { clauses: unique, categories: categoriesOf(unique, vocab) }
}

/** Group words and whole category names in the text, in order, none inside another. */
const spans = (text: string, vocab: TermVocabulary) => {
  const all = [
    ...vocab.find(text).map((f) => ({ ...f, clause: groupClause(f.word) })),
    ...vocab.findCategoryNames(text).map((n) => ({
      ...n,
      clause: { text: n.name, alternatives: [exact(n.name)], groupId: null },
    })),
  ]
  return all
    .filter(
      (s) =>
        !all.some(
          (o) =>
            o !== s && o.start <= s.start && o.end >= s.end && o.end - o.start > s.end - s.start,
        ),
    )
    .sort((a, b) => a.start - b.start)
}

const clauseKey = (c: QueryClause) =>
  c.alternatives
    .map((a) => a.token)
    .sort()
    .join('|')

/** A synonym-table word: itself, and its group (which holds every narrower group's listings). */
const groupClause = (w: GroupWord): QueryClause => {
  const alternatives: QueryAlternative[] = [
    { token: groupTerm(w.group.id), weight: MATCH_WEIGHTS.synonym },
  ]
  // A multi-word name (apple watch) is no single index word; its group stands for it.
  if (!w.form.includes(' ')) alternatives.push(exact(w.form))
  return { text: w.form, alternatives, groupId: w.group.id }
}

/** Alternatives reaching `form` (a vocabulary word) and its group at `weight`. */
const reaching = (form: string, weight: number, vocab: TermVocabulary): QueryAlternative[] => {
  const word = vocab.wordOf(form)
  const out = [{ token: form, weight }]
  if (word) out.push({ token: groupTerm(word.group.id), weight: weight * MATCH_WEIGHTS.synonym })
  return out
}

/**
 * Han text with no synonym word in it: jieba words; a run of single characters that sounds like
 * a vocabulary word is taken as that word misspelt (耳几 → 耳机); a character the table names a
 * group with on its own (鞋) stands for that group too.
 */
const hanClauses = (han: string, vocab: TermVocabulary, fillers: QueryClause[]): QueryClause[] => {
  const words = cutWords(han)
  const out: QueryClause[] = []
  for (let i = 0; i < words.length; i++) {
    const typo = soundAlike(words, i, vocab)
    if (typo) {
      const alternatives = [
        exact(typo.text),
        ...typo.meant.flatMap((m) => reaching(m, MATCH_WEIGHTS.correction, vocab)),
      ]
      out.push({
        text: typo.text,
        alternatives,
        groupId: vocab.wordOf(typo.meant[0]!)?.group.id ?? null,
      })
      i = typo.last
      continue
    }
    const alone = vocab.aloneGroup(words[i]!)
    if (alone) {
      out.push({
        text: words[i]!,
        alternatives: [
          exact(words[i]!),
          { token: groupTerm(alone.id), weight: MATCH_WEIGHTS.synonym },
        ],
        groupId: alone.id,
      })
      continue
    }
    const clause = { text: words[i]!, alternatives: [exact(words[i]!)], groupId: null }
    ;(vocab.fillers.has(words[i]!) ? fillers : out).push(clause)
  }
  return out
}

/** From word i, the longest run of single characters (2–4) that sounds like vocabulary words. */
const soundAlike = (words: string[], i: number, vocab: TermVocabulary) => {
  let j = i
  while (j < words.length && [...words[j]!].length === 1 && j - i < 4) j++
  for (let last = j - 1; last > i; last--) {
    const text = words.slice(i, last + 1).join('')
    if (!isCjkWord(text)) continue
    const meant = vocab.soundAlikes(text)
    if (meant.length) return { text, meant, last }
  }
  return null
}

/**
 * A Latin or digit run with no synonym word in it. A model number splits like the index splits
 * it (xt30 → xt + 30). A word of letters may be pinyin (erji), initials (ej) or a typo (arpods).
 */
const latinClauses = (run: string, vocab: TermVocabulary): QueryClause[] => {
  if (!isLatinWord(run)) {
    return latinParts(run).map((p) => ({ text: p, alternatives: [exact(p)], groupId: null }))
  }
  const alternatives: QueryAlternative[] = [exact(run)]
  const spelled = run.length >= 2 ? vocab.spelledBy(run) : []
  for (const han of spelled) alternatives.push(...reaching(han, MATCH_WEIGHTS.pinyin, vocab))
  const near = vocab.nearSpellings(run)
  for (const form of near) {
    const word = vocab.wordOf(form)!
    alternatives.push({ token: groupTerm(word.group.id), weight: MATCH_WEIGHTS.correction })
    if (!form.includes(' ')) alternatives.push({ token: form, weight: MATCH_WEIGHTS.correction })
  }
  const meant = vocab.wordOf(spelled[0] ?? near[0] ?? '')
  return [{ text: run, alternatives, groupId: meant?.group.id ?? null }]
}

/** Item groups' categories and category names first, then brands', in clause order. */
const categoriesOf = (clauses: QueryClause[], vocab: TermVocabulary): string[] => {
  const items: string[] = []
  const brands: string[] = []
  for (const c of clauses) {
    const group = c.groupId ? vocab.group(c.groupId) : undefined
    const named = vocab.categoriesNamed(c.text)
    if (group?.kind === 'brand') brands.push(...vocab.categoriesOf(group.id))
    else if (group) items.push(...vocab.categoriesOf(group.id), ...named)
    else items.push(...named)
  }
  return [...new Set(items.length ? items : brands)]
}
