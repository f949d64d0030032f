import {
  createDecipheriv,
  createPublicKey,
  verify,
  X509Certificate,
  type KeyObject,
} from 'node:crypto'

/** Thrown by the helpers below; the gateway maps it to PaymentGatewayError. */
export class WechatPayCryptoError extends Error {}

/**
 * AEAD_AES_256_GCM decryption WITH the auth tag checked (`final()` throws on a bad tag), unlike
 * wechatpay-node-v3's decipher_gcm which never calls final() and so accepts forged ciphertext.
 */
export function aesGcmDecrypt(
  ciphertextB64: string,
  nonce: string,
  associatedData: string | undefined,
  apiV3Key: string,
): string {
  const key = Buffer.from(apiV3Key, 'utf8')
  if (key.length !== 32) throw new WechatPayCryptoError('APIv3 key must be 32 bytes')
  const buf = Buffer.from(ciphertextB64, 'base64')
  if (buf.length < 17) throw new WechatPayCryptoError('ciphertext too short')
  const tag = buf.subarray(buf.length - 16)
  const data = buf.subarray(0, buf.length - 16)
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'utf8'), {
      authTagLength: 16,
    })
    decipher.setAuthTag(tag)
    decipher.setAAD(Buffer.from(associatedData ?? '', 'utf8'))
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8')
  } catch {
    throw new WechatPayCryptoError('AEAD_AES_256_GCM authentication failed')
  }
}

/** SHA256-with-RSA check of WeChat's `timestamp\nnonce\nbody\n` message. */
export function verifyWechatSignature(
  publicKey: KeyObject,
  timestamp: string,
  nonce: string,
  body: string | Buffer,
  signatureB64: string,
): boolean {
  // Over the bytes as received: a Buffer is never decoded and re-encoded on the way.
  const message = Buffer.concat([
    Buffer.from(`${timestamp}\n${nonce}\n`, 'utf8'),
    typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
    Buffer.from('\n', 'utf8'),
  ])
  try {
    return verify('RSA-SHA256', message, publicKey, Buffer.from(signatureB64, 'base64'))
  } catch {
    return false
  }
}

export interface PlatformCertificate {
  serialNo: string
  publicKey: KeyObject
  validFromMs: number
  validToMs: number
  pem: string
}

/** Parses a platform certificate PEM and checks that its serial is the one WeChat claims. */
export function parsePlatformCertificate(pem: string, claimedSerial: string): PlatformCertificate {
  const cert = new X509Certificate(pem)
  if (cert.serialNumber.toUpperCase() !== claimedSerial.toUpperCase()) {
    throw new WechatPayCryptoError(
      `certificate serial ${cert.serialNumber} does not match ${claimedSerial}`,
    )
  }
  return {
    serialNo: claimedSerial.toUpperCase(),
    publicKey: createPublicKey(cert.publicKey.export({ type: 'spki', format: 'pem' })),
    validFromMs: Date.parse(cert.validFrom),
    validToMs: Date.parse(cert.validTo),
    pem,
  }
}
