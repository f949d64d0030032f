import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The HMAC secret for local sessions, made once per data folder: restarting keeps everyone
 * signed in, `--reset` (which deletes the folder) signs everyone out.
 */
export const loadSessionSecret = (dataDir: string): string =>
  loadOrCreateSecret(dataDir, 'session-secret')

/**
 * The keys that seal personal data at rest (SecretBox). The current one is made once per data
 * folder from crypto.randomBytes, beside the session secret but separate from it: signing sessions
 * and encrypting ID numbers never share a key. To rotate it locally, move its line into
 * secret-box-old-keys (one hex key a line) and delete secret-box-key: the next start makes a new
 * one and still opens what the old keys sealed.
 */
export const loadSecretBoxKeys = (dataDir: string): { current: string; old: string[] } => {
  const current = loadOrCreateSecret(dataDir, 'secret-box-key')
  let old: string[] = []
  try {
    old = readFileSync(join(dataDir, 'secret-box-old-keys'), 'utf8')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
  }
  return { current, old }
}

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
