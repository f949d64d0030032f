import { createCipheriv, createHash } from 'node:crypto'
import {
  aesKeyOf,
  decryptPush,
  encryptPush,
  pushSignature,
  signatureMatches,
} from '../wechat-message-push'

const TOKEN = 'linquanPushToken'
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'
const APPID = 'wx1234567890abcdef'

describe('message push signature', () => {
  it('is sha1 of the sorted, concatenated parts (WeChat’s server-URL check)', () => {
    const expected = createHash('sha1')
      .update(['1700000000', '987654321', TOKEN].sort().join(''))
      .digest('hex')
    expect(pushSignature(TOKEN, '1700000000', '987654321')).toBe(expected)
    expect(pushSignature('987654321', TOKEN, '1700000000')).toBe(expected)
    expect(signatureMatches(expected, pushSignature(TOKEN, '1700000000', '987654321'))).toBe(true)
    const other = expected.slice(0, -1) + (expected.endsWith('0') ? '1' : '0')
    expect(signatureMatches(other, expected)).toBe(false)
    expect(signatureMatches(undefined, expected)).toBe(false)
    expect(signatureMatches('short', expected)).toBe(false)
  })
})

describe('message push AES (安全模式)', () => {
  const message = JSON.stringify({
    Event: 'wxa_media_check',
    trace_id: 't-1',
    result: { suggest: 'risky', label: 20002 },
  })

  it('decrypts a vector built independently by the spec: random ‖ len ‖ msg ‖ appid, PKCS#7 to 32', () => {
    const key = Buffer.from(`${AES_KEY}=`, 'base64')
    const random = Buffer.from('0123456789abcdef')
    const body = Buffer.from(message)
    const len = Buffer.from([0, 0, (body.length >> 8) & 0xff, body.length & 0xff])
    const plain = Buffer.concat([random, len, body, Buffer.from(APPID)])
    const pad = 32 - (plain.length % 32)
    const c = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false)
    const vector = Buffer.concat([
      c.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])),
      c.final(),
    ]).toString('base64')

    expect(encryptPush(message, APPID, AES_KEY, random)).toBe(vector)
    expect(decryptPush(vector, APPID, AES_KEY)).toBe(message)
  })

  it('refuses another appid, a wrong key and tampered bytes', () => {
    const encrypted = encryptPush(message, APPID, AES_KEY)
    expect(() => decryptPush(encrypted, 'wx-other', AES_KEY)).toThrow(/appid/)
    expect(() => decryptPush(encrypted, APPID, 'Z'.repeat(43))).toThrow()
    const bytes = Buffer.from(encrypted, 'base64')
    bytes[bytes.length - 1]! ^= 0xff
    expect(() => decryptPush(bytes.toString('base64'), APPID, AES_KEY)).toThrow()
    expect(() => aesKeyOf('short')).toThrow(/43/)
  })
})
