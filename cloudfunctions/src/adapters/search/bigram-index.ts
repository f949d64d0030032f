/**
 * The 2-gram side of keyword search. FTS5's trigram tokenizer finds nothing for queries shorter
 * than 3 characters, and two-character words (耳机, 相机, 沙发) are most of what people type, so
 * every listing also gets a second FTS5 table fed with pre-split tokens: each overlapping pair
 * of characters in the title and description, plus each single character of the title.
 *
 * Tokens spell code points in fixed-width base 36 (`b` + 2×4 digits, `u` + 4 digits): plain ASCII
 * letters and digits that FTS5's ascii tokenizer keeps whole, whatever the text contained.
 */

const code = (ch: string) => ch.codePointAt(0)!.toString(36).padStart(4, '0')

export const bigramToken = (a: string, b: string) => `b${code(a)}${code(b)}`
export const unigramToken = (ch: string) => `u${code(ch)}`

const SPACE = /\s/u

/** Distinct bigram tokens of normalised text; pairs across a space can never match a term. */
export const bigramTokens = (text: string): string[] => {
  const chars = [...text]
  const out = new Set<string>()
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i]!
    const b = chars[i + 1]!
    if (!SPACE.test(a) && !SPACE.test(b)) out.add(bigramToken(a, b))
  }
  return [...out]
}

/** Distinct unigram tokens of normalised text (used for titles only). */
export const unigramTokens = (text: string): string[] => {
  const out = new Set<string>()
  for (const ch of text) if (!SPACE.test(ch)) out.add(unigramToken(ch))
  return [...out]
}

/** The 2-gram table's two columns for a listing, from normalised title and description. */
export const bigramDocument = (titleNorm: string, bodyNorm: string) => ({
  title: [...unigramTokens(titleNorm), ...bigramTokens(titleNorm)].join(' '),
  body: bigramTokens(bodyNorm).join(' '),
})
