import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The HMAC secret for local sessions, made once per data folder: restarting keeps everyone
 * signed in, `--reset` (which deletes the folder) signs everyone out.
 */
export const loadSessionSecret = (dataDir: string): string => loadOrCreateSecret(dataDir, 'session-secret')

/**
 * The key that seals personal data at rest (SecretBox), made once per data folder beside the
 * session secret but separate from it: signing sessions and encrypting ID numbers never share a key.
 */
export const loadSecretBoxKey = (dataDir: string): string => loadOrCreateSecret(dataDir, 'secret-box-key')

const loadOrCreateSecret = (dataDir: string, name: string): string => {
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, name)
  try {
    return readFileSync(file, 'utf8').trim()
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
  }
  const secret = randomBytes(32).toString('hex')
  try {
    writeFileSync(file, secret + '\n', { flag: 'wx', mode: 0o600 })
    return secret
  } catch (e) {
    // Another process created it between our read and write: theirs wins.
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim()
    throw e
  }
}
