/**
 * Content risk: which of the lexicon's prohibited and sensitive terms a text carries, through the
 * disguises people use (full-width, traditional characters, separators and emoji between
 * characters, pinyin and pinyin initials for the commonest terms), and what follows (the worst
 * action of its hits). Pure and isomorphic: the server decides with it, and a client could hint.
 * One Aho-Corasick pass over the squeezed text finds every term at once, however long the lexicon.
 */
import AhoCorasick from 'modern-ahocorasick'
import { spanOf } from '../text-fold'
import { LEXICON, type LexiconEntry, type RiskAction, type RiskCategory } from './lexicon'
import { normaliseForRisk, normaliseTerm } from './normalise'

export type RiskVerdictAction = 'pass' | RiskAction

export interface RiskHit {
  /** The lexicon term (as listed, even when a variant or its pinyin matched). */
  term: string
  category: RiskCategory
  action: RiskAction
  /** The text as written. */
  match: string
  /** Where the match starts in the original text (UTF-16). */
  index: number
}

export interface RiskVerdict {
  action: RiskVerdictAction
  hits: RiskHit[]
}

const SEVERITY: Record<RiskVerdictAction, number> = { pass: 0, warn: 1, review: 2, block: 3 }

/** The graver of two actions. */
export const graverAction = <A extends RiskVerdictAction>(a: A, b: A): A =>
  SEVERITY[a] >= SEVERITY[b] ? a : b

/** What a pattern in the automaton stands for: a form of entry `entry`, or one of its exceptions. */
interface PatternData {
  entry: number
  exception: boolean
}

interface CompiledLexicon {
  entries: readonly LexiconEntry[]
  squeezed: AhoCorasick<PatternData>
  literal: AhoCorasick<PatternData> | null
  /** The literal patterns, to skip their pass when none occurs (a scan costs the segmentation). */
  literalPatterns: string[]
}

const isHan = (term: string) => /^\p{Script=Han}+$/u.test(term)

/**
 * The romanised forms of a Han term: the full pinyin (qiangzhi), each mix of syllables and
 * characters (qiang支, 枪zhi) and, when asked for, the initials (qz). ü is typed v.
 */
export const pinyinForms = (entry: LexiconEntry): string[] => {
  if (!entry.pinyin || !isHan(entry.term)) return []
  const chars = [...entry.term]
  const syllables = entry.pinyin.split(' ')
  if (syllables.length !== chars.length) return []
  const forms: string[] = []
  // Each bit chooses the syllable over the character; all-characters is the term itself.
  for (let mask = 1; mask < 1 << chars.length; mask++)
    forms.push(chars.map((c, i) => (mask & (1 << i) ? syllables[i] : c)).join(''))
  if (entry.initials) forms.push(syllables.map((s) => s[0]).join(''))
  return forms
}

/** Builds the automata of a lexicon: every form of every term, and the harmless words around them. */
export const compileLexicon = (entries: readonly LexiconEntry[]): CompiledLexicon => {
  const squeezed: { pattern: string; data: PatternData }[] = []
  const literal: { pattern: string; data: PatternData }[] = []
  entries.forEach((entry, i) => {
    const into = entry.literal ? literal : squeezed
    const forms = [entry.term, ...(entry.variants ?? [])]
    for (const form of forms) {
      into.push({
        pattern: normaliseTerm(form, entry.literal),
        data: { entry: i, exception: false },
      })
    }
    // Romanised forms are compared squeezed, as "qiang zhi" arrives.
    for (const form of pinyinForms(entry))
      squeezed.push({ pattern: normaliseTerm(form), data: { entry: i, exception: false } })
    for (const word of entry.except ?? [])
      into.push({
        pattern: normaliseTerm(word, entry.literal),
        data: { entry: i, exception: true },
      })
  })
  return {
    entries,
    squeezed: new AhoCorasick(squeezed.filter((p) => p.pattern)),
    literal: literal.length ? new AhoCorasick(literal.filter((p) => p.pattern)) : null,
    literalPatterns: literal.filter((p) => !p.data.exception).map((p) => p.pattern),
  }
}

let compiled: CompiledLexicon | undefined

/** The platform's lexicon, compiled on first use (the matcher needs Intl.Segmenter). */
const platformLexicon = () => (compiled ??= compileLexicon(LEXICON))

const ALNUM = /[a-z0-9]/

export interface CheckOptions {
  /** Categories the caller judges otherwise (the chat has its own guard for 导流). */
  skip?: readonly RiskCategory[]
  /** Another compiled lexicon (tests, a later operator-maintained list). */
  lexicon?: CompiledLexicon
}

interface Found {
  entry: number
  exception: boolean
  /** folded units [start, end) */
  start: number
  end: number
}

/** What the lexicon says of a text: every hit, as written, and the gravest action among them. */
export const checkContent = (text: string, options: CheckOptions = {}): RiskVerdict => {
  if (!text) return { action: 'pass', hits: [] }
  const lexicon = options.lexicon ?? platformLexicon()
  const { folded, squeezed } = normaliseForRisk(text)
  const found: Found[] = []
  for (const m of lexicon.squeezed.search(squeezed.text, { strategy: 'all' }))
    found.push({
      ...m.data!,
      start: squeezed.at[m.start]!,
      end: squeezed.at[m.end - 1]! + 1,
    })
  if (lexicon.literal && lexicon.literalPatterns.some((p) => folded.text.includes(p)))
    for (const m of lexicon.literal.search(folded.text, { strategy: 'all' }))
      found.push({ ...m.data!, start: m.start, end: m.end })

  // A term that begins or ends with a letter or digit must not run on into more of them in the
  // text as written: qz is no hit in "faqzz", 1:1 none in "21:15", a货 none in "data货".
  const bounded = (f: Found) => {
    const before = folded.text[f.start - 1] ?? ''
    const after = folded.text[f.end] ?? ''
    const first = folded.text[f.start] ?? ''
    const last = folded.text[f.end - 1] ?? ''
    return !(ALNUM.test(first) && ALNUM.test(before)) && !(ALNUM.test(last) && ALNUM.test(after))
  }
  const exceptions = found.filter((f) => f.exception && bounded(f))
  const terms = found
    .filter((f) => !f.exception && bounded(f))
    .filter((f) => !options.skip?.includes(lexicon.entries[f.entry]!.category))
    // 象牙 inside 象牙白 is a colour.
    .filter(
      (f) => !exceptions.some((x) => x.entry === f.entry && x.start <= f.start && x.end >= f.end),
    )
    .sort((a, b) => a.start - b.start || b.end - a.end)

  // One stretch of text is one hit: 复刻 inside 复刻版, qiang支 beside its characters.
  const kept: Found[] = []
  for (const f of terms) if (!kept.some((k) => k.start <= f.start && k.end >= f.end)) kept.push(f)

  let action: RiskVerdictAction = 'pass'
  const hits = kept.map((f): RiskHit => {
    const entry = lexicon.entries[f.entry]!
    action = graverAction(action, entry.action)
    return {
      term: entry.term,
      category: entry.category,
      action: entry.action,
      ...spanOf(text, folded, f.start, f.end),
    }
  })
  return { action, hits }
}
