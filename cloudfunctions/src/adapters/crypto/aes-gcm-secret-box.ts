import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import type { SecretBox } from '../../modules/core/ports/secret-box.port'

const IV_BYTES = 12
const TAG_BYTES = 16
/** 6 bytes of SHA-256: tells a handful of keys apart, and says nothing about the key itself. */
const KID_BYTES = 6
const HEX_KEY = /^[0-9a-f]{64}$/i

export class SecretBoxError extends Error {}

const b64 = (buf: Buffer) => buf.toString('base64url')

/** The short id a sealed value names its key by: the first bytes of the key's SHA-256. */
export const keyId = (key: Uint8Array): string =>
  b64(createHash('sha256').update(key).digest().subarray(0, KID_BYTES))

/** A key from text: 64 hex digits, or (local and tests only) any passphrase hashed with SHA-256. */
export const keyFromText = (text: string): Buffer => {
  const t = text.trim()
  return HEX_KEY.test(t) ? Buffer.from(t, 'hex') : createHash('sha256').update(t).digest()
}

/**
 * AES-256-GCM with a random 12-byte IV per message, in base64url parts:
 * - `v2.<kid>.<iv>.<tag>.<ciphertext>`: what seal writes; kid names the key (see keyId);
 * - `v1.<iv>.<tag>.<ciphertext>`: from before key ids; tried with the current key, then the old ones.
 * The box seals with its current key and opens with whichever key the value names, so a key is
 * rotated by making it old, adding a new current one, and resealing at leisure (needsReseal/reseal).
 */
export class AesGcmSecretBox implements SecretBox {
  private readonly current: { kid: string; key: Buffer }
  private readonly byKid = new Map<string, Buffer>()

  constructor(currentKey: Uint8Array, oldKeys: readonly Uint8Array[] = []) {
    for (const key of [currentKey, ...oldKeys]) {
      if (key.length !== 32) throw new SecretBoxError('the secret box key must be 32 bytes')
      const kid = keyId(key)
      if (!this.byKid.has(kid)) this.byKid.set(kid, Buffer.from(key))
    }
    this.current = { kid: keyId(currentKey), key: Buffer.from(currentKey) }
  }

  /** A box from text keys (see keyFromText). */
  static fromText(current: string, old: readonly string[] = []): AesGcmSecretBox {
    return new AesGcmSecretBox(keyFromText(current), old.map(keyFromText))
  }

  /** The kid of the key new values are sealed with. */
  get currentKeyId(): string {
    return this.current.kid
  }

  seal(plaintext: string): string {
    const iv = randomBytes(IV_BYTES)
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv, { authTagLength: TAG_BYTES })
    // Version and kid are authenticated too: a changed prefix (or a v1 downgrade) fails the tag.
    const head = `v2.${this.current.kid}`
    cipher.setAAD(Buffer.from(head))
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
    return [head, b64(iv), b64(cipher.getAuthTag()), b64(data)].join('.')
  }

  open(sealed: string): string {
    const parts = sealed.split('.')
    if (parts[0] === 'v2' && parts.length === 5) {
      const key = this.byKid.get(parts[1])
      if (!key)
        throw new SecretBoxError(
          `sealed under an unknown key (kid ${parts[1]}): add that key to the old keys`,
        )
      return decrypt(key, `v2.${parts[1]}`, parts.slice(2))
    }
    if (parts[0] === 'v1' && parts.length === 4) {
      // No kid: every key we hold is a candidate, the current one first (it was added first).
      for (const key of this.byKid.values()) {
        try {
          return decrypt(key, 'v1', parts.slice(1))
        } catch (e) {
          if (e instanceof SecretBoxError && e.message.startsWith('malformed')) throw e
        }
      }
      throw new SecretBoxError('sealed value failed authentication (altered, or another key)')
    }
    throw new SecretBoxError(
      'not a sealed value (v2.<kid>.<iv>.<tag>.<data>, or v1.<iv>.<tag>.<data>)',
    )
  }

  /** Whether a value is sealed under anything but the current key (v1, or an old kid). */
  needsReseal(sealed: string): boolean {
    return !sealed.startsWith(`v2.${this.current.kid}.`)
  }

  /** The same plaintext sealed under the current key; a value already there is returned as is. */
  reseal(sealed: string): string {
    return this.needsReseal(sealed) ? this.seal(this.open(sealed)) : sealed
  }
}

const decrypt = (key: Buffer, head: string, [ivText, tagText, dataText]: string[]): string => {
  const [iv, tag, data] = [ivText, tagText, dataText].map((p) => Buffer.from(p, 'base64url'))
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES)
    throw new SecretBoxError('malformed sealed value')
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
    decipher.setAAD(Buffer.from(head))
    decipher.setAuthTag(tag)
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8')
  } catch {
    throw new SecretBoxError('sealed value failed authentication (altered, or another key)')
  }
}

/**
 * Production: LINQUAN_SECRET_BOX_KEY (64 hex digits, its own random key, never derived from
 * another secret) and LINQUAN_SECRET_BOX_OLD_KEYS (comma-separated, keys still needed to open
 * values sealed before a rotation).
 */
export const secretBoxFromEnv = (env: Record<string, string | undefined>): AesGcmSecretBox => {
  const hex = (name: string, value: string) => {
    if (!HEX_KEY.test(value))
      throw new SecretBoxError(`${name} must be 64 hex digits (32 random bytes)`)
    return Buffer.from(value, 'hex')
  }
  const current = env.LINQUAN_SECRET_BOX_KEY?.trim()
  if (!current)
    throw new SecretBoxError('LINQUAN_SECRET_BOX_KEY is not set: personal data cannot be sealed')
  const old = (env.LINQUAN_SECRET_BOX_OLD_KEYS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  return new AesGcmSecretBox(
    hex('LINQUAN_SECRET_BOX_KEY', current),
    old.map((k) => hex('LINQUAN_SECRET_BOX_OLD_KEYS', k)),
  )
}
