import { Converter } from 'opencc-js/t2cn'

/**
 * The text every search term is compared in, on listings and queries alike: NFKC (full-width
 * ｉＰｈｏｎｅ from a Chinese IME becomes iphone), traditional → simplified with Taiwan phrases
 * (耳機 → 耳机, 滑鼠 → 鼠标, 腳踏車 → 自行车; OpenCC), lower case, and anything that is not a letter
 * or a digit as a single space, so words compare whatever punctuation sits between them.
 */
let toSimplified: ((text: string) => string) | null = null
let traditional: Set<string> | null = null

/**
 * The characters OpenCC changes (the CJK blocks, each converted once on first use): text with
 * none of them is already simplified and skips the converter, which would cost more than the
 * rest of a listing's analysis. Taiwan phrases in simplified characters (滑鼠) are in the
 * synonym table instead.
 */
const hasTraditional = (text: string) => {
  if (!traditional) {
    const chars: string[] = []
    for (const [from, to] of [
      [0x3400, 0x4dbf],
      [0x4e00, 0x9fff],
    ] as const) {
      for (let c = from; c <= to; c++) chars.push(String.fromCodePoint(c))
    }
    // One call, one character per line: no phrase spans two characters.
    const converted = Converter({ from: 'tw', to: 'cn' })(chars.join('\n')).split('\n')
    traditional = new Set(chars.filter((ch, i) => converted[i] !== ch))
  }
  for (const ch of text) if (traditional.has(ch)) return true
  return false
}

export const searchText = (text: string): string => {
  const nfkc = text.normalize('NFKC')
  toSimplified ??= Converter({ from: 'twp', to: 'cn' })
  return (hasTraditional(nfkc) ? toSimplified(nfkc) : nfkc)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** Han characters (and the rare ones beyond the BMP). */
export const CJK = /\p{Script=Han}/u
export const isCjkWord = (word: string) => /^\p{Script=Han}+$/u.test(word)
export const isLatinWord = (word: string) => /^[a-z]+$/.test(word)

/**
 * A run of Latin letters and digits as the index and the query both split it: letter runs and
 * digit runs apart, so iPhone13, iPhone 13 and IPHONE-13 all become iphone + 13, and WH-1000XM5
 * becomes wh + 1000 + xm + 5 however the seller spaced it.
 */
export const latinParts = (run: string): string[] => run.match(/[a-z]+|[0-9]+|[^a-z0-9]+/g) ?? []

/**
 * Splits search text into runs of one kind: Han, other letters and digits (Latin, kana …), or
 * nothing (spaces). Han runs go to the segmenter; the others are words as they stand.
 */
export const scriptRuns = (text: string): { text: string; han: boolean }[] => {
  const out: { text: string; han: boolean }[] = []
  for (const m of text.matchAll(/(\p{Script=Han}+)|([^\s\p{Script=Han}]+)/gu)) {
    out.push({ text: m[0], han: m[1] !== undefined })
  }
  return out
}
