import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import type { SecretBox } from '../../modules/core/ports/secret-box.port'

const VERSION = 'v1'
const IV_BYTES = 12
const TAG_BYTES = 16

export class SecretBoxError extends Error {}

/**
 * AES-256-GCM with a random 12-byte IV per message: `v1.<iv>.<tag>.<ciphertext>` in base64url.
 * The version prefix leaves room to rotate keys or algorithms without guessing formats later.
 */
export class AesGcmSecretBox implements SecretBox {
  private readonly key: Buffer

  constructor(key: Uint8Array) {
    if (key.length !== 32) throw new SecretBoxError('the secret box key must be 32 bytes')
    this.key = Buffer.from(key)
  }

  /** A key from text (a hex string of 64 digits, or any passphrase hashed with SHA-256). */
  static fromText(text: string): AesGcmSecretBox {
    const t = text.trim()
    return new AesGcmSecretBox(/^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : createHash('sha256').update(t).digest())
  }

  seal(plaintext: string): string {
    const iv = randomBytes(IV_BYTES)
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES })
    // The version is authenticated too, so a downgrade of the prefix fails the tag.
    cipher.setAAD(Buffer.from(VERSION))
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
    return [VERSION, iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.')
  }

  open(sealed: string): string {
    const parts = sealed.split('.')
    if (parts.length !== 4 || parts[0] !== VERSION) throw new SecretBoxError('not a v1 sealed value')
    const [iv, tag, data] = parts.slice(1).map((p) => Buffer.from(p, 'base64url'))
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretBoxError('malformed sealed value')
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES })
      decipher.setAAD(Buffer.from(VERSION))
      decipher.setAuthTag(tag)
      return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8')
    } catch {
      throw new SecretBoxError('sealed value failed authentication (altered, or another key)')
    }
  }
}
