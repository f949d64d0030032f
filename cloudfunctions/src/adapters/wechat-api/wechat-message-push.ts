import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto'

/**
 * WeChat's message push (消息推送), as its spec says: the server URL is verified by GET with
 * signature/timestamp/nonce/echostr; every push is a POST whose query carries
 * signature = sha1 of the sorted, concatenated [token, timestamp, nonce]. In 安全模式 the body is
 * `{ToUserName, Encrypt}` (JSON) or `<xml><Encrypt>` and the query adds
 * msg_signature = sha1 of the sorted [token, timestamp, nonce, Encrypt]; Encrypt is
 * AES-256-CBC (key = base64 of EncodingAESKey + "=", IV = its first 16 bytes, PKCS#7 padded to
 * 32-byte blocks) over random(16) ‖ length(4, big-endian) ‖ message ‖ appid.
 */

/** sha1 hex of the parts, sorted as strings and joined. */
export const pushSignature = (...parts: string[]) =>
  createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex')

/** Compares a received signature with the expected one in constant time. */
export const signatureMatches = (received: string | undefined, expected: string) =>
  typeof received === 'string' &&
  received.length === expected.length &&
  timingSafeEqual(Buffer.from(received), Buffer.from(expected))

/** The 32-byte AES key from a 43-character EncodingAESKey. */
export const aesKeyOf = (encodingAesKey: string): Buffer => {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64')
  if (encodingAesKey.length !== 43 || key.length !== 32)
    throw new Error('EncodingAESKey must be 43 characters of base64 (32 bytes)')
  return key
}

const BLOCK = 32

/** Encrypts a message as WeChat does (the sandbox pushes with it; tests build vectors with it). */
export const encryptPush = (
  message: string,
  appid: string,
  encodingAesKey: string,
  random: Buffer = randomBytes(16),
): string => {
  const key = aesKeyOf(encodingAesKey)
  const body = Buffer.from(message, 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32BE(body.length)
  const plain = Buffer.concat([random, length, body, Buffer.from(appid, 'utf8')])
  const pad = BLOCK - (plain.length % BLOCK)
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false)
  return Buffer.concat([
    cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])),
    cipher.final(),
  ]).toString('base64')
}

/** Decrypts an Encrypt field; throws unless the padding is sound and the appid is ours. */
export const decryptPush = (encrypted: string, appid: string, encodingAesKey: string): string => {
  const key = aesKeyOf(encodingAesKey)
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false)
  const plain = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()])
  const pad = plain[plain.length - 1]!
  if (pad < 1 || pad > BLOCK || plain.length < 20 + pad) throw new Error('bad padding')
  const unpadded = plain.subarray(0, plain.length - pad)
  const length = unpadded.readUInt32BE(16)
  if (20 + length > unpadded.length) throw new Error('bad message length')
  const from = unpadded.subarray(20 + length).toString('utf8')
  if (from !== appid) throw new Error('push for another appid')
  return unpadded.subarray(20, 20 + length).toString('utf8')
}

export interface PushSecrets {
  token: string
  encodingAesKey?: string
  appid: string
}

/**
 * Verifies a push and answers its message (JSON text): plain mode checks `signature`; 安全模式
 * (encrypt_type=aes) checks `msg_signature` over the Encrypt field and decrypts it. Throws on any
 * failure; the caller answers nothing it read.
 */
export const openPush = (
  secrets: PushSecrets,
  query: Record<string, string | undefined>,
  body: string,
): string => {
  const { timestamp = '', nonce = '' } = query
  if (!signatureMatches(query.signature, pushSignature(secrets.token, timestamp, nonce)))
    throw new Error('bad signature')
  if (query.encrypt_type !== 'aes') return body
  if (!secrets.encodingAesKey) throw new Error('encrypted push but no EncodingAESKey configured')
  const encrypted = encryptedField(body)
  if (
    !signatureMatches(
      query.msg_signature,
      pushSignature(secrets.token, timestamp, nonce, encrypted),
    )
  )
    throw new Error('bad msg_signature')
  return decryptPush(encrypted, secrets.appid, secrets.encodingAesKey)
}

/** The Encrypt field of a 安全模式 body, JSON or XML. */
const encryptedField = (body: string): string => {
  const trimmed = body.trim()
  if (trimmed.startsWith('{')) {
    const v = (JSON.parse(trimmed) as { Encrypt?: unknown }).Encrypt
    if (typeof v === 'string' && v) return v
  } else {
    const m = /<Encrypt><!\[CDATA\[([^\]]+)\]\]><\/Encrypt>/.exec(trimmed)
    if (m) return m[1]!
  }
  throw new Error('no Encrypt field')
}
