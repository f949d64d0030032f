/**
 * SecretBox: authenticated encryption for personal data at rest (real name, ID number, bank
 * account, phone; ARCHITECTURE.md §4). Use cases keep only sealed strings and masked copies.
 */
export interface SecretBox {
  /** Encrypts text into a self-describing, versioned string safe to store. */
  seal(plaintext: string): string
  /** Decrypts a sealed string; throws if it was altered or sealed under another key. */
  open(sealed: string): string
}
