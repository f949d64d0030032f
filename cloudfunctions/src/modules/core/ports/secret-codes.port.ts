/**
 * SecretCodes: short codes a person keeps or shares on purpose (the 同城面交 交易码, community
 * invite codes). They come from a CSPRNG, never from ids or time: ULIDs are predictable.
 */
export interface SecretCodes {
  /** `length` characters drawn uniformly from `alphabet`. */
  draw(length: number, alphabet: string): string
}

export const DIGITS = '0123456789'
/** Crockford base32 without I, L, O, U: easy to read out and type. */
export const READABLE = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
