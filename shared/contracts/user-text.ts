import { z } from 'zod'
import { USER_LIMITS } from '../domain/user'

/**
 * The one schema for text a person types (ARCHITECTURE.md §7): nicknames, titles, descriptions,
 * notes, names and addresses. It NFKC-normalises (fullwidth ＡＢＣ becomes ABC, compatibility
 * ideographs their usual form; fullwidth punctuation such as ，！ is kept), trims, and refuses text that hides what it says: control
 * characters, bidirectional overrides and isolates, lone surrogates, or nothing but blanks.
 *
 * Lengths count code points after normalisation: one per Chinese character, letter or emoji
 * (a joined emoji sequence or a flag counts each of its parts). Not grapheme clusters: those need
 * Intl.Segmenter, which not every WeChat JS engine has, and the form and the server must agree.
 * Not UTF-16 units (String.length), which would count 𠮷 or 😀 as two.
 */

/** C0 and C1 controls and DEL; \n and \t are let through in multiline fields. */
const isControl = (c: number) => c <= 0x1f || (c >= 0x7f && c <= 0x9f)
/** Bidi embeddings, overrides (U+202A–E) and isolates (U+2066–9): they reorder what is shown. */
const isBidiControl = (c: number) => (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
/** Line and paragraph separators: line breaks no textarea sends, which some JS engines choke on. */
const isOddLineBreak = (c: number) => c === 0x2028 || c === 0x2029

/**
 * Zero-width and blank-looking characters: fine inside text (a zero-width joiner builds an emoji),
 * but a field made only of them looks empty while it is not.
 */
// Written as regex escapes; U+200D (the zero-width joiner) stands outside the class, where it cannot
// join its neighbours into one sequence (no-misleading-character-class).
const ZWJ = '\\u200d'
const INVISIBLE =
  '\\u200b\\u200c\\u2060\\u2061\\u2062\\u2063\\u2064\\ufeff\\u00ad\\u180e\\u115f\\u1160\\u3164\\uffa0\\u2800'
const BLANK_ONLY = new RegExp(`^(?:[\\s${INVISIBLE}]|${ZWJ})*$`)

export const MESSAGES = {
  hidden: '包含不可见或控制字符',
  blank: '不能只有空格或不可见字符',
} as const

/**
 * Runs of text between fullwidth punctuation (，！？：；（）…). Chinese writing uses those on
 * purpose, and NFKC would turn 九成新，无划痕！ into 九成新,无划痕!; fullwidth letters and digits
 * (ＡＢＣ, １２３) and everything else still go through NFKC.
 */
const OUTSIDE_FULLWIDTH_PUNCTUATION = /[^\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff60]+/g

/** Normalises as the schema does: NFKC (but for fullwidth punctuation), CRLF to LF in multiline text, then trim. */
export const normalizeUserText = (text: string, multiline = false): string => {
  const nfkc = text.replace(OUTSIDE_FULLWIDTH_PUNCTUATION, (run) => run.normalize('NFKC'))
  return (multiline ? nfkc.replace(/\r\n/g, '\n') : nfkc).trim()
}

/** Whether the text holds a refused character (control, bidi, lone surrogate) for this kind of field. */
export const hasHiddenCharacters = (text: string, multiline = false): boolean => {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1)
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true
      i++
      continue
    }
    if (c >= 0xdc00 && c <= 0xdfff) return true
    if (multiline && (c === 0x0a || c === 0x09)) continue
    if (isControl(c) || isBidiControl(c) || isOddLineBreak(c)) return true
  }
  return false
}

/** User-perceived length as this schema counts it: code points. */
export const textLength = (text: string): number => {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) i++
    }
    n++
  }
  return n
}

export interface UserTextOptions {
  /** Least code points; 0 lets an empty string through (make the field optional to allow leaving it out). */
  min: number
  max: number
  /** Descriptions and notes: keeps \n and \t. */
  multiline?: boolean
  /** What the field is called in messages (标题 → 标题至少 2 个字). */
  label?: string
  /** Replaces 「<label>至少 N 个字」, e.g. 请填写收货人. */
  tooShort?: string
  /** Replaces 「<label>最多 N 个字」. */
  tooLong?: string
  /** When the value is missing or not a string. */
  required?: string
}

/**
 * A zod string for text a person wrote; refusals are zod issues, so createHandler answers
 * COMMON.VALIDATION with the field's path and the form shows the same message.
 */
export const userText = (o: UserTextOptions) => {
  const label = o.label ?? ''
  return z
    .string(o.required ? { error: o.required } : undefined)
    .overwrite((s) => normalizeUserText(s, o.multiline))
    .superRefine((s, ctx) => {
      const issue = (message: string) => ctx.addIssue({ code: 'custom', message })
      if (hasHiddenCharacters(s, o.multiline)) return issue(`${label}${MESSAGES.hidden}`)
      if (s.length > 0 && BLANK_ONLY.test(s)) return issue(`${label}${MESSAGES.blank}`)
      const n = textLength(s)
      if (n < o.min) return issue(o.tooShort ?? `${label}至少 ${o.min} 个字`)
      if (n > o.max) return issue(o.tooLong ?? `${label}最多 ${o.max} 个字`)
    })
}

/** Words only the platform itself may go by; traditional forms included. */
export const RESERVED_NICKNAME_WORDS = ['官方', '客服', '管理员', '管理員', '邻圈', '鄰圈'] as const

/** Spaces, invisible characters and the separators people put between characters to dodge a filter. */
const NICKNAME_SEPARATORS = new RegExp(`[\\s${INVISIBLE}._\\-·•・*~|/\\\\'"\`]|${ZWJ}`, 'g')

/** The reserved word a nickname contains once normalised and squeezed (邻 圈, 官·方, fullwidth or compatibility forms), or null. */
export const reservedNicknameWord = (nickname: string): string | null => {
  const squeezed = nickname.normalize('NFKC').replace(NICKNAME_SEPARATORS, '')
  return RESERVED_NICKNAME_WORDS.find((w) => squeezed.includes(w)) ?? null
}

/** A nickname: user text of 1–20 characters that does not pose as the platform. */
export const NicknameSchema = userText({
  min: USER_LIMITS.nicknameMin,
  max: USER_LIMITS.nicknameMax,
  label: '昵称',
  tooShort: '昵称不能为空',
}).superRefine((s, ctx) => {
  const word = reservedNicknameWord(s)
  if (word) ctx.addIssue({ code: 'custom', message: `昵称不能包含“${word}”等字样` })
})
