import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import { LISTING_SEARCH_LIMITS } from '../../modules/search/ports/listing-search.port'
import { bigramToken, unigramToken } from './bigram-index'

/**
 * Text is compared after NFKC (full-width `ｉＰｈｏｎｅ` from a Chinese IME becomes `iphone`)
 * and
 * lower-casing, on both the indexed side and the query side, so matching is plain substring
 * matching on the normalised strings. Control characters act as spaces: they can never be typed
 * on purpose and some would confuse the FTS parser.
 */
export const normalizeText = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\p{Cc}/gu, ' ')

export const charLength = (s: string) => [...s].length

/** A keyword split into terms, each routed to the index that can answer it. */
export interface KeywordTerms {
  /** All distinct terms, normalised. */
  all: string[]
  /** 3+ characters: phrases in the trigram FTS table. */
  long: string[]
  /** 1–2 characters: tokens in the 2-gram table (1-character terms: titles only). */
  short: string[]
}

/** Splits a user keyword into terms; null when it holds no term (blank keyword = no keyword). */
export const parseKeyword = (keyword: string | undefined): KeywordTerms | null => {
  if (keyword === undefined) return null
  const trimmed = keyword.trim()
  if (charLength(trimmed) > LISTING_SEARCH_LIMITS.keywordMax) {
    const max = LISTING_SEARCH_LIMITS.keywordMax
    throw new AppError(ErrorCodes.VALIDATION, `关键词最多 ${max} 个字`)
  }
  const all = [...new Set(normalizeText(trimmed).split(/\s+/u).filter(Boolean))]
  if (all.length === 0) return null
  return {
    all,
    long: all.filter((t) => charLength(t) >= 3),
    short: all.filter((t) => charLength(t) < 3),
  }
}

/**
 * An FTS5 string literal: inside double quotes every character is text (`OR`, `*`, `NEAR(`,
 * `-`, `:`, `^`), and a double quote is written twice. This is the only way keyword text
 * reaches a MATCH expression.
 */
export const ftsString = (text: string) => `"${text.replace(/"/g, '""')}"`

/** Which columns a MATCH expression may hit. */
export type TextScope = 'any' | 'title'

const scoped = (phrase: string, scope: TextScope) =>
  scope === 'title' ? `{title} : ${phrase}` : phrase

/** MATCH expression for the trigram table: every long term as a literal phrase. */
export const trigramMatch = (terms: string[], scope: TextScope): string =>
  terms.map((t) => scoped(ftsString(t), scope)).join(' AND ')

/**
 * MATCH expression for the 2-gram table: a 2-character term is one bigram token, a 1-character
 * term one unigram token (indexed for titles only, so it needs no column filter). The tokens are
 * base-36 code points, so nothing of the user's text appears in the expression at all.
 */
export const bigramMatch = (terms: string[], scope: TextScope): string =>
  terms
    .map((t) => {
      const [a, b] = [...t]
      if (b === undefined) return ftsString(unigramToken(a!))
      return scoped(ftsString(bigramToken(a!, b)), scope)
    })
    .join(' AND ')
