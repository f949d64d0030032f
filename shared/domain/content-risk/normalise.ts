/**
 * The text the lexicon is compared with: traditional characters as simplified (OpenCC, one
 * character at a time so every position maps back), then the shared fold (full-width → half-width,
 * lower case, invisible characters dropped; shared/domain/text-fold) and the squeeze that takes out
 * blanks, punctuation, symbols and emoji slipped between characters (枪-支, 枪❤支, 槍 支).
 */
import { Converter } from 'opencc-js/t2cn'
import { foldText, squeezeText, type FoldedText, type SqueezedText } from '../text-fold'

let toSimplified: ((text: string) => string) | undefined
/**
 * Each character seen so far and its simplified form (itself when it has none). Bounded by the
 * characters in use (a few thousand), so the converter runs for characters never seen before only.
 */
const seen = new Map<string, string>()

/**
 * The text's traditional characters and their simplified forms. New characters go to the
 * converter in one call, one per line, so no phrase spans two and the answer aligns.
 */
const simplifiedChars = (text: string): Map<string, string> => {
  const map = new Map<string, string>()
  // Latin text has nothing to convert.
  if (![...text].some((ch) => ch.codePointAt(0)! > 0x2fff)) return map
  const cjk = [...new Set([...text].filter((ch) => ch.codePointAt(0)! > 0x2fff))]
  const fresh = cjk.filter((ch) => !seen.has(ch))
  if (fresh.length) {
    toSimplified ??= Converter({ from: 'tw', to: 'cn' })
    const converted = toSimplified(fresh.join('\n')).split('\n')
    fresh.forEach((ch, i) => {
      const to = converted.length === fresh.length ? converted[i]! : ch
      seen.set(ch, [...to].length === 1 ? to : ch)
    })
  }
  for (const ch of cjk) {
    const to = seen.get(ch)!
    if (to !== ch) map.set(ch, to)
  }
  return map
}

export interface RiskText {
  /** Folded, simplified: what literal terms (1:1) are compared with. */
  folded: FoldedText
  /** Folded with the gaps between characters taken out: what every other term is compared with. */
  squeezed: SqueezedText
}

/** Reads text as the lexicon does. */
export const normaliseForRisk = (text: string): RiskText => {
  const simplified = simplifiedChars(text)
  const folded = foldText(text, simplified.size ? (ch) => simplified.get(ch) : undefined)
  return { folded, squeezed: squeezeText(folded) }
}

/** A term as the matcher stores it: folded and squeezed the same way as the text. */
export const normaliseTerm = (term: string, literal = false): string => {
  const { folded, squeezed } = normaliseForRisk(term)
  return literal ? folded.text : squeezed.text
}
