import {
  constants,
  createCipheriv,
  createDecipheriv,
  createSign,
  createVerify,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
} from 'node:crypto'

/** WeChat Pay API v3 crypto, with node:crypto only. Usable by the sandbox and by clients/tests. */

export const AUTH_SCHEMA = 'WECHATPAY2-SHA256-RSA2048'

/** Request signing message: METHOD\nURL\ntimestamp\nnonce\nbody\n (URL = path + query). */
export const requestMessage = (
  method: string,
  url: string,
  timestamp: string,
  nonce: string,
  body: string,
) => `${method.toUpperCase()}\n${url}\n${timestamp}\n${nonce}\n${body}\n`

/** Response / notification message: timestamp\nnonce\nbody\n. */
export const responseMessage = (timestamp: string, nonce: string, body: string) =>
  `${timestamp}\n${nonce}\n${body}\n`

export const rsaSign = (message: string, privateKeyPem: string): string =>
  createSign('RSA-SHA256').update(message).sign(privateKeyPem, 'base64')

export const rsaVerify = (
  message: string,
  signature: string,
  publicKeyOrCertPem: string,
): boolean => {
  try {
    return createVerify('RSA-SHA256')
      .update(message)
      .verify(publicKeyOrCertPem, signature, 'base64')
  } catch {
    return false
  }
}

export const nonceStr = (bytes = 16) => randomBytes(bytes).toString('hex').toUpperCase()

export interface AuthParts {
  mchid: string
  nonce_str: string
  signature: string
  timestamp: string
  serial_no: string
}

/** Parses `WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",…`; null when malformed. */
export const parseAuthorization = (header: string | undefined): AuthParts | null => {
  if (!header) return null
  const m = /^WECHATPAY2-SHA256-RSA2048\s+(.+)$/.exec(header.trim())
  if (!m) return null
  const parts: Record<string, string> = {}
  for (const kv of m[1].matchAll(/(\w+)="([^"]*)"/g)) parts[kv[1]] = kv[2]
  const { mchid, nonce_str, signature, timestamp, serial_no } = parts
  if (!mchid || !nonce_str || !signature || !timestamp || !serial_no) return null
  return { mchid, nonce_str, signature, timestamp, serial_no }
}

/** Builds the Authorization header a merchant sends (what wechatpay-node-v3 builds too). */
export const buildAuthorization = (o: {
  mchid: string
  serialNo: string
  privateKey: string
  method: string
  url: string
  body: string
  timestamp?: string
  nonce?: string
}): string => {
  const timestamp = o.timestamp ?? String(Math.floor(Date.now() / 1000))
  const nonce = o.nonce ?? nonceStr()
  const signature = rsaSign(requestMessage(o.method, o.url, timestamp, nonce, o.body), o.privateKey)
  return `${AUTH_SCHEMA} mchid="${o.mchid}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${o.serialNo}"`
}

/** AEAD_AES_256_GCM as WeChat uses it: base64(ciphertext || 16-byte tag). */
export const gcmEncrypt = (
  plaintext: string,
  apiV3Key: string,
  nonce: string,
  associatedData: string,
): string => {
  const cipher = createCipheriv(
    'aes-256-gcm',
    Buffer.from(apiV3Key, 'utf8'),
    Buffer.from(nonce, 'utf8'),
  )
  cipher.setAAD(Buffer.from(associatedData, 'utf8'))
  const out = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()])
  return out.toString('base64')
}

/** Decrypts and CHECKS the auth tag (throws on tampering). */
export const gcmDecrypt = (
  ciphertextB64: string,
  apiV3Key: string,
  nonce: string,
  associatedData: string,
): string => {
  const buf = Buffer.from(ciphertextB64, 'base64')
  if (buf.length < 16) throw new Error('ciphertext too short')
  const decipher = createDecipheriv(
    'aes-256-gcm',
    Buffer.from(apiV3Key, 'utf8'),
    Buffer.from(nonce, 'utf8'),
  )
  decipher.setAAD(Buffer.from(associatedData, 'utf8'))
  decipher.setAuthTag(buf.subarray(buf.length - 16))
  return Buffer.concat([
    decipher.update(buf.subarray(0, buf.length - 16)),
    decipher.final(),
  ]).toString('utf8')
}

/** Sensitive-field encryption (RSAES-OAEP, SHA-1 as WeChat specifies) to the platform cert. */
export const oaepEncrypt = (plaintext: string, certPem: string): string =>
  publicEncrypt(
    { key: certPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
    Buffer.from(plaintext, 'utf8'),
  ).toString('base64')

export const oaepDecrypt = (ciphertextB64: string, privateKeyPem: string): string =>
  privateDecrypt(
    { key: privateKeyPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
    Buffer.from(ciphertextB64, 'base64'),
  ).toString('utf8')
