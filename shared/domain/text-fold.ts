/**
 * Text as the content rules read it (shared/domain/off-platform, shared/domain/content-risk): the
 * disguises people use to slip a word past a filter folded away, with every unit of the folded
 * text mapped back to the span of the original it came from, so a hit is shown as it was written.
 */

/** The folded text, each UTF-16 unit mapped back to the original span it came from. */
export interface FoldedText {
  text: string
  /** per unit: where its original code point starts */
  from: number[]
  /** per unit: where its original code point ends */
  to: number[]
  /** per unit: the caller's mapChar rewrote it (off-platform: written as a Chinese digit). */
  mapped: boolean[]
}

// Invisible format characters (zero-width space, bidi marks) are dropped: they only hide text.
const INVISIBLE = /\p{Cf}/u

/** One code point folded; ASCII and the common Han block need no NFKC (the costly part). */
const foldChar = (ch: string, code: number) => {
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch
  if (code >= 0x4e00 && code <= 0x9fff) return ch
  return ch.normalize('NFKC').toLowerCase()
}

/**
 * NFKC (full-width ｑｑ and ① become qq and 1), lower case and invisible characters dropped, one
 * code point at a time so spans map back. `mapChar` rewrites a code point first (its result is
 * taken as written, not folded again).
 */
export const foldText = (
  text: string,
  mapChar?: (ch: string) => string | undefined,
): FoldedText => {
  const view: FoldedText = { text: '', from: [], to: [], mapped: [] }
  let i = 0
  for (const ch of text) {
    const start = i
    i += ch.length
    const code = ch.codePointAt(0)!
    if (code >= 0x80 && INVISIBLE.test(ch)) continue
    const rewritten = mapChar?.(ch)
    const out = rewritten ?? foldChar(ch, code)
    for (let k = 0; k < out.length; k++) {
      view.from.push(start)
      view.to.push(i)
      view.mapped.push(rewritten !== undefined)
    }
    view.text += out
  }
  return view
}

/** The original text behind folded units [start, end). */
export const spanOf = (text: string, view: FoldedText, start: number, end: number) => {
  const index = view.from[start]!
  return { index, match: text.slice(index, view.to[end - 1]!) }
}

/** Folded text with the separators between characters taken out; `at` maps back into the fold. */
export interface SqueezedText {
  text: string
  at: number[]
}

// Slipped between the characters of a word (加 微 信, 枪-支, 私❤下转账, 枪·支): blanks,
// punctuation, symbols (emoji are symbols) and combining marks.
export const WORD_GAP = /[\s\p{P}\p{S}\p{M}]/u
// Clause breaks stay: 不卖枪。支持自提 is two clauses, not 枪支.
export const CLAUSE_BREAK = /[,!?;。、\n]/

/** Letters, digits and Han characters: never a gap (the quick test before the regexes). */
const isWordChar = (c: string) => {
  const code = c.charCodeAt(0)
  return (
    (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 0x4e00 && code <= 0x9fff)
  )
}

/** Takes the gaps out of folded text, keeping clause breaks. */
export const squeezeText = (view: FoldedText): SqueezedText => {
  let text = ''
  const at: number[] = []
  let k = 0
  // By code point: an emoji is two units, and half of one is no symbol.
  for (const c of view.text) {
    const start = k
    k += c.length
    if (!isWordChar(c) && WORD_GAP.test(c) && !CLAUSE_BREAK.test(c)) continue
    text += c
    for (let u = start; u < k; u++) at.push(u)
  }
  return { text, at }
}
