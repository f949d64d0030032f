import { createHash } from 'node:crypto'
import { pinyin } from 'pinyin-pro'
import { CATEGORIES } from '@shared/domain/listing'
import {
  FILLER_WORDS,
  TERM_GROUPS,
  type TermGroup,
} from '../../../modules/search/domain/search-synonyms'
import { isCjkWord, searchText } from './search-text'

/** One word of the synonym table, in search text (searchText), with its group. */
export interface GroupWord {
  /** As compared: searchText of the table's spelling (airpods, 苹果手机, apple watch). */
  form: string
  /** As the table spells it, for suggestions (AirPods). */
  display: string
  group: TermGroup
  /** Means the group only in the group's categories (苹果 outside 手机 and 电脑 is a fruit). */
  ambiguous: boolean
}

export interface FoundWord {
  word: GroupWord
  start: number
  end: number
}

/** A word people may type and be suggested: group words and category names. */
export interface VocabularyEntry {
  form: string
  display: string
  /** Toneless pinyin and its initials, for Han words (erji, ej); null otherwise. */
  pinyin: string | null
  initials: string | null
}

/** Bump when the analysis itself changes (not the data): stored index terms are then rebuilt. */
const ANALYSIS_VERSION = 1
const MAX_SOUND_ALIKES = 6

/** The synonym table and category names compiled for matching, pinyin and typo correction. */
export class TermVocabulary {
  /** Changes whenever the table, the categories or the analysis change: index terms are stale then. */
  readonly version: string
  readonly entries: VocabularyEntry[]
  private readonly words = new Map<string, GroupWord>()
  /** Single characters that name a group when typed on their own (鞋). */
  private readonly aloneWords = new Map<string, TermGroup>()
  private readonly groups = new Map<string, TermGroup>()
  private readonly closures = new Map<string, string[]>()
  /** Lengths of the words starting with each character, longest first: the matcher's index. */
  private readonly lengthsByFirst = new Map<string, number[]>()
  private readonly byPinyin = new Map<string, string[]>()
  private readonly byInitials = new Map<string, string[]>()
  private readonly latinForms: string[]
  private readonly categoryNames = new Map<string, string[]>()
  private readonly categoryLabels = new Set<string>()
  readonly fillers: Set<string>

  constructor(groups: TermGroup[] = TERM_GROUPS, fillers: string[] = FILLER_WORDS) {
    for (const g of groups) this.groups.set(g.id, g)
    for (const g of groups) {
      const ambiguous = new Set((g.ambiguous ?? []).map(searchText))
      for (const display of g.words) {
        const form = searchText(display)
        if (this.words.has(form)) throw new Error(`search synonyms: "${display}" is in two groups`)
        this.words.set(form, { form, display, group: g, ambiguous: ambiguous.has(form) })
      }
      for (const ch of g.alone ?? []) {
        const form = searchText(ch)
        if (this.aloneWords.has(form)) throw new Error(`search synonyms: "${ch}" is in two groups`)
        this.aloneWords.set(form, g)
      }
    }
    for (const form of this.words.keys()) {
      const lengths = this.lengthsByFirst.get(form[0]!) ?? []
      if (!lengths.includes(form.length)) lengths.push(form.length)
      this.lengthsByFirst.set(
        form[0]!,
        lengths.sort((a, b) => b - a),
      )
    }
    this.fillers = new Set(fillers.map(searchText))
    for (const c of CATEGORIES) {
      for (const node of [c, ...c.children]) {
        const name = searchText(node.label)
        this.categoryLabels.add(name)
        push(this.categoryNames, name, node.id)
        for (const f of this.find(name)) {
          if (f.word.form !== name) push(this.categoryNames, f.word.form, node.id)
        }
      }
    }
    const entries = new Map<string, VocabularyEntry>()
    const addEntry = (form: string, display: string) => {
      if (entries.has(form)) return
      const han = isCjkWord(form)
      const syllables = han ? pinyin(form, { toneType: 'none', type: 'array' }) : []
      const entry: VocabularyEntry = {
        form,
        display,
        pinyin: han ? syllables.join('') : null,
        initials: han ? syllables.map((s) => s[0]).join('') : null,
      }
      entries.set(form, entry)
      if (entry.pinyin) push(this.byPinyin, entry.pinyin, form)
      if (entry.initials && entry.initials.length >= 2) push(this.byInitials, entry.initials, form)
    }
    for (const w of this.words.values()) addEntry(w.form, w.display)
    for (const c of CATEGORIES)
      for (const node of [c, ...c.children]) addEntry(searchText(node.label), node.label)
    this.entries = [...entries.values()]
    this.latinForms = [...this.words.keys()].filter((f) => /^[a-z][a-z0-9 ]{3,}$/.test(f))
    this.version = createHash('sha256')
      .update(JSON.stringify([ANALYSIS_VERSION, groups, fillers, CATEGORIES]))
      .digest('hex')
      .slice(0, 16)
  }

  group(id: string): TermGroup | undefined {
    return this.groups.get(id)
  }

  wordOf(form: string): GroupWord | undefined {
    return this.words.get(form)
  }

  /** The group a single character names when it is a query word of its own (鞋 → shoes). */
  aloneGroup(form: string): TermGroup | undefined {
    return this.aloneWords.get(form)
  }

  /**
   * Group words in search text. Han words match anywhere (耳机 in 蓝牙耳机), Latin ones only as
   * whole words (mac is not inside machine); a word inside a longer one is left out (单车 in
   * 动感单车, 手机 in 手机壳), since the longer word's group says what it is.
   */
  find(text: string): FoundWord[] {
    const all: FoundWord[] = []
    for (let start = 0; start < text.length; start++) {
      for (const length of this.lengthsByFirst.get(text[start]!) ?? []) {
        const end = start + length
        const word = end <= text.length ? this.words.get(text.slice(start, end)) : undefined
        if (word && wholeLatin(text, start, end)) all.push({ word, start, end })
      }
    }
    return all
      .filter(
        (m) =>
          !all.some(
            (o) =>
              o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start,
          ),
      )
      .sort((a, b) => a.start - b.start)
  }

  /**
   * Category names in search text, where no longer group word covers them (耳机音箱 is the
   * category, not 耳机 and 音箱): a query naming a category asks for it as a whole.
   */
  findCategoryNames(text: string): { name: string; start: number; end: number }[] {
    const out: { name: string; start: number; end: number }[] = []
    for (const name of this.categoryLabels) {
      if (this.words.has(name)) continue
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
        if (wholeLatin(text, at, at + name.length))
          out.push({ name, start: at, end: at + name.length })
      }
    }
    return out
  }

  /** The group and every group above it (AirPods → wireless earphones → earphones, and Apple). */
  closure(id: string): string[] {
    let out = this.closures.get(id)
    if (!out) {
      const seen = new Set<string>()
      const visit = (g: string) => {
        if (seen.has(g)) return
        seen.add(g)
        for (const b of this.groups.get(g)?.broader ?? []) visit(b)
      }
      visit(id)
      out = [...seen]
      this.closures.set(id, out)
    }
    return out
  }

  /** Where listings of the group are filed: its own categories, else those of a broader group. */
  categoriesOf(id: string): string[] {
    for (const g of this.closure(id)) {
      const categories = this.groups.get(g)?.categories ?? []
      if (categories.length) return categories
    }
    return []
  }

  /** Category ids whose name is this word or holds it as a group word: 耳机 → digital.earphones. */
  categoriesNamed(form: string): string[] {
    return this.categoryNames.get(form) ?? []
  }

  /** Han words of the vocabulary a Latin word spells in pinyin or pinyin initials (erji, ej → 耳机). */
  spelledBy(latin: string): string[] {
    const out = [...(this.byPinyin.get(latin) ?? [])]
    if (latin.length <= 4) out.push(...(this.byInitials.get(latin) ?? []))
    return [...new Set(out)].slice(0, MAX_SOUND_ALIKES)
  }

  /** Other vocabulary words that sound the same (耳几 → 耳机, 像机 → 相机). */
  soundAlikes(han: string): string[] {
    const key = pinyin(han, { toneType: 'none', type: 'array' }).join('')
    return (this.byPinyin.get(key) ?? []).filter((w) => w !== han).slice(0, MAX_SOUND_ALIKES)
  }

  /** Latin group words one typo away (two for long words): arpods → airpods, iphnoe → iphone. */
  nearSpellings(latin: string): string[] {
    if (latin.length < 4) return []
    const max = latin.length >= 8 ? 2 : 1
    return this.latinForms.filter(
      (f) => Math.abs(f.length - latin.length) <= max && editDistance(latin, f, max) <= max,
    )
  }

  /** The jieba user dictionary: group words and category names stay whole words (拍立得, 耳机音箱). */
  segmenterWords(): string[] {
    return this.entries
      .map((e) => e.form)
      .filter((f) => /\p{Script=Han}/u.test(f) && !f.includes(' '))
  }
}

const push = (map: Map<string, string[]>, key: string, value: string) =>
  map.set(key, [...(map.get(key) ?? []), value])

const LATIN = /[a-z]/
const DIGIT = /[0-9]/
const sameKind = (a: string | undefined, b: string | undefined) =>
  a !== undefined &&
  b !== undefined &&
  ((LATIN.test(a) && LATIN.test(b)) || (DIGIT.test(a) && DIGIT.test(b)))
/** A Latin or digit edge of a match may not continue a Latin word or a number (mac ≠ machine). */
const wholeLatin = (text: string, start: number, end: number) =>
  !sameKind(text[start - 1], text[start]) && !sameKind(text[end - 1], text[end])

/** Optimal string alignment distance (a swap of neighbours is one edit), stopping past `max`. */
export const editDistance = (a: string, b: string, max: number): number => {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)]
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, rows[i - 2]![j - 2]! + 1)
      row.push(d)
      best = Math.min(best, d)
    }
    if (best > max) return max + 1
    rows.push(row)
  }
  return rows[a.length]![b.length]!
}

let shared: TermVocabulary | null = null
/** The table as shipped, compiled on first use. */
export const termVocabulary = (): TermVocabulary => (shared ??= new TermVocabulary())
