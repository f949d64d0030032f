import { createCipheriv, createHash, randomBytes } from 'node:crypto'
import { AesGcmSecretBox, keyId, secretBoxFromEnv } from '../aes-gcm-secret-box'

const box = new AesGcmSecretBox(Buffer.alloc(32, 7))

describe('AesGcmSecretBox', () => {
  it('round-trips text and never repeats a ciphertext (random IV)', () => {
    const a = box.seal('110101199003070011')
    const b = box.seal('110101199003070011')
    expect(a).toMatch(/^v2\.[\w-]{8}\.[\w-]+\.[\w-]+\.[\w-]+$/)
    expect(a.split('.')[1]).toBe(box.currentKeyId)
    expect(a).not.toBe(b)
    expect(a).not.toContain('1101011990')
    expect(box.open(a)).toBe('110101199003070011')
    expect(box.open(box.seal('张三'))).toBe('张三')
  })

  it('refuses a tampered ciphertext, tag, IV or version', () => {
    const sealed = box.seal('6222020000001234')
    const [, kid, iv, tag, data] = sealed.split('.')
    const v = 'v1'
    const flip = (s: string) => {
      const buf = Buffer.from(s, 'base64url')
      buf[0] ^= 1
      return buf.toString('base64url')
    }
    const v2 = (...p: string[]) => ['v2', kid, ...p].join('.')
    expect(() => box.open(v2(iv, tag, flip(data)))).toThrow(/authentication/)
    expect(() => box.open(v2(iv, flip(tag), data))).toThrow(/authentication/)
    expect(() => box.open(v2(flip(iv), tag, data))).toThrow(/authentication/)
    // Dropping the kid (a v1 downgrade) fails the tag: the kid is part of the authenticated prefix.
    expect(() => box.open([v, iv, tag, data].join('.'))).toThrow(/authentication/)
    expect(() => box.open(['v2', iv, tag, data].join('.'))).toThrow(/v1/)
    expect(() => box.open(['v3', kid, iv, tag, data].join('.'))).toThrow(/not a sealed value/)
    expect(() => box.open('garbage')).toThrow()
  })

  it('refuses a value sealed under another key', () => {
    const other = new AesGcmSecretBox(randomBytes(32))
    expect(() => other.open(box.seal('13800001234'))).toThrow(/unknown key/)
    // Relabelled with the other box's kid, it reaches that key and fails the tag.
    const [v, , ...rest] = box.seal('13800001234').split('.')
    expect(() => other.open([v, other.currentKeyId, ...rest].join('.'))).toThrow(/authentication/)
  })

  it('names its key by a short id from SHA-256, never the key itself', () => {
    const key = randomBytes(32)
    const kid = keyId(key)
    expect(kid).toBe(createHash('sha256').update(key).digest().subarray(0, 6).toString('base64url'))
    expect(new AesGcmSecretBox(key).seal('x')).not.toContain(key.toString('base64url').slice(0, 8))
    expect(new AesGcmSecretBox(key).currentKeyId).toBe(kid)
  })

  it('rotates: seal with A, open and reseal under B with A old, then B alone opens it', () => {
    const [a, b] = [randomBytes(32), randomBytes(32)]
    const sealedA = new AesGcmSecretBox(a).seal('李四 13800001234')
    const rotating = new AesGcmSecretBox(b, [a])
    expect(rotating.open(sealedA)).toBe('李四 13800001234')
    expect(rotating.needsReseal(sealedA)).toBe(true)
    const sealedB = rotating.reseal(sealedA)
    expect(sealedB.split('.')[1]).toBe(keyId(b))
    expect(rotating.needsReseal(sealedB)).toBe(false)
    expect(rotating.reseal(sealedB)).toBe(sealedB)
    expect(new AesGcmSecretBox(b).open(sealedB)).toBe('李四 13800001234')
    expect(rotating.seal('new').split('.')[1]).toBe(keyId(b))
  })

  it('says which key is missing for a value sealed under an unknown kid', () => {
    const sealed = new AesGcmSecretBox(randomBytes(32)).seal('x')
    expect(() => box.open(sealed)).toThrow(
      new RegExp(`unknown key \\(kid ${sealed.split('.')[1]}\\)`),
    )
  })

  it('still opens v1 values (no kid) with the current key or an old one, and reseals them', () => {
    const sealV1 = (key: Buffer, text: string) => {
      const iv = randomBytes(12)
      const c = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 }).setAAD(
        Buffer.from('v1'),
      )
      const data = Buffer.concat([c.update(text, 'utf8'), c.final()])
      return ['v1', iv, c.getAuthTag(), data]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.')
    }
    const [a, b] = [randomBytes(32), randomBytes(32)]
    expect(new AesGcmSecretBox(a).open(sealV1(a, '张三'))).toBe('张三')
    const rotating = new AesGcmSecretBox(b, [a])
    expect(rotating.open(sealV1(a, '旧的'))).toBe('旧的')
    expect(rotating.open(sealV1(b, '新的'))).toBe('新的')
    expect(rotating.needsReseal(sealV1(b, '新的'))).toBe(true)
    expect(new AesGcmSecretBox(b).open(rotating.reseal(sealV1(a, '旧的')))).toBe('旧的')
    expect(() => new AesGcmSecretBox(b).open(sealV1(a, '旧的'))).toThrow(/authentication/)
  })

  it('reads production keys from LINQUAN_SECRET_BOX_KEY and LINQUAN_SECRET_BOX_OLD_KEYS, hex only', () => {
    const [a, b] = [randomBytes(32).toString('hex'), randomBytes(32).toString('hex')]
    const old = secretBoxFromEnv({ LINQUAN_SECRET_BOX_KEY: a })
    const box2 = secretBoxFromEnv({
      LINQUAN_SECRET_BOX_KEY: b,
      LINQUAN_SECRET_BOX_OLD_KEYS: ` ${a} ,`,
    })
    expect(box2.open(old.seal('x'))).toBe('x')
    expect(box2.currentKeyId).toBe(keyId(Buffer.from(b, 'hex')))
    expect(() => secretBoxFromEnv({})).toThrow(/LINQUAN_SECRET_BOX_KEY is not set/)
    expect(() => secretBoxFromEnv({ LINQUAN_SECRET_BOX_KEY: 'passphrase' })).toThrow(/64 hex/)
    expect(() =>
      secretBoxFromEnv({ LINQUAN_SECRET_BOX_KEY: a, LINQUAN_SECRET_BOX_OLD_KEYS: 'short' }),
    ).toThrow(/OLD_KEYS/)
  })

  it('takes a 32-byte key only; text keys are hex or hashed', () => {
    expect(() => new AesGcmSecretBox(Buffer.alloc(16))).toThrow(/32 bytes/)
    const hex = 'ab'.repeat(32)
    expect(
      AesGcmSecretBox.fromText(hex).open(new AesGcmSecretBox(Buffer.from(hex, 'hex')).seal('x')),
    ).toBe('x')
    expect(
      AesGcmSecretBox.fromText('passphrase').open(AesGcmSecretBox.fromText('passphrase').seal('y')),
    ).toBe('y')
  })
})
