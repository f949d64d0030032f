import { randomBytes } from 'node:crypto'
import { AesGcmSecretBox } from '../aes-gcm-secret-box'

const box = new AesGcmSecretBox(Buffer.alloc(32, 7))

describe('AesGcmSecretBox', () => {
  it('round-trips text and never repeats a ciphertext (random IV)', () => {
    const a = box.seal('110101199003070011')
    const b = box.seal('110101199003070011')
    expect(a).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/)
    expect(a).not.toBe(b)
    expect(a).not.toContain('1101011990')
    expect(box.open(a)).toBe('110101199003070011')
    expect(box.open(box.seal('张三'))).toBe('张三')
  })

  it('refuses a tampered ciphertext, tag, IV or version', () => {
    const sealed = box.seal('6222020000001234')
    const [v, iv, tag, data] = sealed.split('.')
    const flip = (s: string) => {
      const buf = Buffer.from(s, 'base64url')
      buf[0] ^= 1
      return buf.toString('base64url')
    }
    expect(() => box.open([v, iv, tag, flip(data)].join('.'))).toThrow(/authentication/)
    expect(() => box.open([v, iv, flip(tag), data].join('.'))).toThrow(/authentication/)
    expect(() => box.open([v, flip(iv), tag, data].join('.'))).toThrow(/authentication/)
    expect(() => box.open(['v2', iv, tag, data].join('.'))).toThrow(/v1/)
    expect(() => box.open('garbage')).toThrow()
  })

  it('refuses a value sealed under another key', () => {
    const other = new AesGcmSecretBox(randomBytes(32))
    expect(() => other.open(box.seal('13800001234'))).toThrow(/authentication/)
  })

  it('takes a 32-byte key only; text keys are hex or hashed', () => {
    expect(() => new AesGcmSecretBox(Buffer.alloc(16))).toThrow(/32 bytes/)
    const hex = 'ab'.repeat(32)
    expect(AesGcmSecretBox.fromText(hex).open(new AesGcmSecretBox(Buffer.from(hex, 'hex')).seal('x'))).toBe('x')
    expect(AesGcmSecretBox.fromText('passphrase').open(AesGcmSecretBox.fromText('passphrase').seal('y'))).toBe('y')
  })
})
