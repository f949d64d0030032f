/**
 * SecretBox: authenticated encryption for personal data at rest (real name, ID number, bank
 * account, phone; ARCHITECTURE.md §4). Use cases keep only sealed strings and masked copies.
 */
export interface SecretBox {
  /** Encrypts text into a self-describing, versioned string safe to store. */
  seal(plaintext: string): string
  /** Decrypts a sealed string with the key it names; throws if altered or the key is unknown. */
  open(sealed: string): string
  /** Whether a sealed string is under an older key (or format) than the one seal uses now. */
  needsReseal(sealed: string): boolean
  /** The same plaintext sealed under the current key (unchanged if it already is). */
  reseal(sealed: string): string
}
