import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { someUsers } from '../local/mothers/user.mother'
import { FakeClock } from '../src/adapters/clock/system-clock'
import type { Clock } from '../src/modules/core/ports/clock.port'
import { recordUpload } from '../src/modules/upload/application/accept-upload.use-case'
import type { UploadKind } from '../src/modules/upload/domain/upload.record'
import { findUserByOpenid } from '../src/modules/user/application/find-user-by-openid'
import { signLocalSession } from '../src/platform/caller-identity'
import { installContainer } from '../src/platform/container'
import { createLocalContainer, type LocalContainer } from '../src/platform/local-container'

/** What the test clouds sign local sessions with. */
export const TEST_SESSION_SECRET = 'test-secret'

/** The gateway's context for an OPENID (and client address): a local session valid for an hour of `clock`. */
export const contextOn = (clock: Clock) => (openid: string | null, clientIp?: string) => ({
  requestId: 'test',
  ...(openid
    ? {
        localSession: signLocalSession(
          { openid, exp: clock.now() + 3_600_000 },
          TEST_SESSION_SECRET,
        ),
      }
    : {}),
  ...(clientIp ? { clientIp } : {}),
})
/** Tests seal personal data under a fixed key of their own, so a raw row can be opened (or not) on purpose. */
export const TEST_SECRET_KEY = '0f'.repeat(32)

/** A tiny valid PNG, enough for the Files port and the magic-byte check. */
export const PNG_BYTES = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d5b1e60000000049454e44ae426082',
  'hex',
)

/**
 * Stores a PNG as `openid`'s upload of `kind`, the way the files route does: the file and the
 * record saying whose it is (a listing, avatar or ID photo may only name its user's uploads).
 * Someone who never signed up gets the file without a record, like a fileId found lying about.
 */
export const uploadAs = async (
  container: LocalContainer,
  openid: string,
  kind: UploadKind = 'listing-photos',
) => {
  const fileId = await container.files.put(
    `${kind}/test/${randomBytes(8).toString('hex')}.png`,
    PNG_BYTES,
    'image/png',
  )
  const user = await findUserByOpenid(container, openid)
  if (user)
    await recordUpload(container, {
      fileId,
      ownerId: user._id,
      kind,
      bytes: PNG_BYTES.length,
      contentType: 'image/png',
    })
  return fileId
}

/**
 * A fresh local cloud for one test file: SQLite in a temp folder, a fake clock, and the container
 * installed the way the local gateway installs it, so `main(event, context)` runs end to end.
 */
export const startTestCloud = () => {
  const dir = mkdtempSync(join(tmpdir(), 'linquan-test-'))
  const clock = new FakeClock()
  const container: LocalContainer = createLocalContainer({
    dataDir: dir,
    publicBaseUrl: '/files',
    sessionSecret: TEST_SESSION_SECRET,
    secretKey: TEST_SECRET_KEY,
    clock,
  })
  installContainer(container)
  return {
    container,
    clock,
    /** The context the gateway would pass for this OPENID (and client address). */
    contextFor: contextOn(clock),
    /** A PNG uploaded by `openid` (signed up first) as `kind`, answering its fileId. */
    uploadPhoto: (openid: string, kind: UploadKind = 'listing-photos') =>
      uploadAs(container, openid, kind),
    stop: () => {
      installContainer(undefined)
      container.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export type TestCloud = ReturnType<typeof startTestCloud>

type Main = (event: unknown, context?: unknown) => Promise<unknown>

/** Calls a function as the gateway does and returns the envelope. */
export const invoke = async (
  main: Main,
  cloud: TestCloud,
  openid: string | null,
  action: string,
  input?: unknown,
) =>
  (await main({ action, input }, cloud.contextFor(openid))) as
    { ok: true; data: any } | { ok: false; error: { code: string; message: string; details?: any } }

/** Signs these OPENIDs up (login, as on first open) and answers their user ids, in order. */
export const signUp = (cloud: TestCloud, ...openids: string[]): Promise<string[]> =>
  someUsers(cloud.container, ...openids)
