import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AesGcmSecretBox } from '../../src/adapters/crypto/aes-gcm-secret-box'
import { createLocalContainer } from '../../src/platform/local-container'
import { loadSecretBoxKeys, loadSessionSecret } from '../data-dir'
import { tempDir } from './local-cloud.fixture'

describe('local secrets in the data folder', () => {
  const tmp = tempDir('data-dir')
  afterAll(() => tmp.cleanup())

  it('makes the SecretBox key its own random file (0600), unrelated to the session secret, and keeps it', () => {
    const dir = join(tmp.dir, 'a')
    const session = loadSessionSecret(dir)
    const keys = loadSecretBoxKeys(dir)
    expect(keys.current).toMatch(/^[0-9a-f]{64}$/)
    expect(keys.current).not.toBe(session)
    expect(keys.old).toEqual([])
    expect(statSync(join(dir, 'secret-box-key')).mode & 0o777).toBe(0o600)
    expect(readFileSync(join(dir, 'secret-box-key'), 'utf8').trim()).toBe(keys.current)
    expect(loadSecretBoxKeys(dir).current).toBe(keys.current)
    // Not the key the container used to derive when none was given.
    const derived = AesGcmSecretBox.fromText(`secret-box:${session}`)
    expect(() => derived.open(AesGcmSecretBox.fromText(keys.current).seal('x'))).toThrow()
  })

  it('reads old keys, one a line, so a rotated key still opens what it sealed', () => {
    const dir = join(tmp.dir, 'b')
    const first = loadSecretBoxKeys(dir).current
    const sealed = AesGcmSecretBox.fromText(first).seal('张三')
    writeFileSync(join(dir, 'secret-box-old-keys'), `${first}\n\n`)
    writeFileSync(join(dir, 'secret-box-key'), 'cd'.repeat(32) + '\n')
    const keys = loadSecretBoxKeys(dir)
    expect(keys).toEqual({ current: 'cd'.repeat(32), old: [first] })
    expect(AesGcmSecretBox.fromText(keys.current, keys.old).open(sealed)).toBe('张三')
  })

  it('will not build a container without a SecretBox key', () => {
    expect(() =>
      createLocalContainer({
        dataDir: join(tmp.dir, 'c'),
        publicBaseUrl: '/files',
        sessionSecret: 's',
        secretKey: '',
      }),
    ).toThrow(/secretKey/)
  })
})
