import { request } from 'node:http'
import { join } from 'node:path'
import { FakeClock } from '../../src/adapters/clock/system-clock'
import { login } from '../../src/modules/user/application/login.use-case'
import { Identities, Users } from '../../src/modules/user/domain/user.record'
import {
  UPLOAD_BYTES_PER_DAY,
  UPLOADS_PER_DAY,
} from '../../src/modules/upload/domain/upload.limits'
import { Uploads } from '../../src/modules/upload/domain/upload.record'
import { type LocalCloud, startLocalCloud } from '../server'
import {
  fixtureCalls,
  postJson,
  resetFixtureCalls,
  tempDir,
  tinyPng,
  writeFixtureFunction,
} from './local-cloud.fixture'

/**
 * The local cloud's own routes under abuse: uploads (who, how much, how big) and demo sign-in
 * (how often), and the client address the gateway hands to functions. Real HTTP, fake clock.
 */
describe('uploads and sign-in limits on the local cloud', () => {
  const tmp = tempDir('uploads')
  const clock = new FakeClock(Date.UTC(2026, 10, 24, 4, 0, 0)) // 12:00 in Beijing
  let cloud: LocalCloud
  const url = (path: string) => `${cloud.url}${path}`

  beforeAll(async () => {
    const functionsDir = join(tmp.dir, 'functions')
    writeFixtureFunction(functionsDir, 'echo', { timeout: 1 })
    cloud = await startLocalCloud({
      dataDir: join(tmp.dir, 'data'),
      functionsDir,
      h5Dir: join(tmp.dir, 'h5'),
      port: 0,
      seed: false,
      clock,
      schedulerIntervalMs: null,
      log: () => undefined,
    })
    for (const openid of ['o-demo-01', 'o-demo-02', 'o-demo-03', 'o-demo-04'])
      await login(cloud.container, openid)
  })

  afterAll(async () => {
    await cloud?.close()
    tmp.cleanup()
  })

  const session = async (openid: string) =>
    ((await (await postJson(url('/auth/session'), { openid })).json()) as { token: string }).token
  const userIdOf = async (openid: string) =>
    (await cloud.container.store.get(Identities, openid))!.userId

  const upload = (token: string, dir = 'listing-photos', body: Buffer = tinyPng()) => {
    const form = new FormData()
    form.append('dir', dir)
    form.append('file', new Blob([new Uint8Array(body)]), 'photo.png')
    return fetch(url('/files/upload'), {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: form,
    })
  }

  describe('who may upload', () => {
    it("records an upload as its owner's, with the kind it was uploaded as", async () => {
      const token = await session('o-demo-01')
      const res = await upload(token, 'avatars')
      expect(res.status).toBe(200)
      const { fileId } = (await res.json()) as { fileId: string }
      expect(await cloud.container.store.get(Uploads, fileId)).toEqual({
        _id: fileId,
        ownerId: await userIdOf('o-demo-01'),
        kind: 'avatars',
        bytes: tinyPng().length,
        contentType: 'image/png',
        createdAt: clock.now(),
      })
    })

    it('refuses a banned user (403 USER.BANNED) and stores nothing', async () => {
      const id = await userIdOf('o-demo-02')
      await cloud.container.store.update(Users, id, { bannedUntil: clock.now() + 86_400_000 })
      const before = await cloud.container.store.count(Uploads, {})
      const res = await upload(await session('o-demo-02'))
      expect(res.status).toBe(403)
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'USER.BANNED' } })
      expect(await cloud.container.store.count(Uploads, {})).toBe(before)
      await cloud.container.store.update(Users, id, { bannedUntil: null })
      expect((await upload(await session('o-demo-02'))).status).toBe(200)
    })

    it('refuses a signed session whose user never registered (401)', async () => {
      const res = await upload(await session('o-demo-08'))
      expect(res.status).toBe(401)
      expect(await res.json()).toMatchObject({
        ok: false,
        error: { code: 'COMMON.UNAUTHENTICATED' },
      })
    })
  })

  describe('daily quota', () => {
    it("refuses the upload past today's count with 429 and retryAfterMs until Beijing midnight, then takes it", async () => {
      const token = await session('o-demo-03')
      const id = await userIdOf('o-demo-03')
      expect((await upload(token)).status).toBe(200)
      // Spend the rest of today's allowance the way uploads do, then one more upload.
      await cloud.container.limits.hit(UPLOADS_PER_DAY, id, UPLOADS_PER_DAY.limit - 1)
      const refused = await upload(token)
      expect(refused.status).toBe(429)
      const body = (await refused.json()) as {
        error: { code: string; message: string; details: { retryAfterMs: number } }
      }
      expect(body.error).toMatchObject({
        code: 'COMMON.RATE_LIMITED',
        message: expect.stringContaining('今天'),
      })
      expect(body.error.details.retryAfterMs).toBe(12 * 3_600_000) // 12:00 → 24:00 in Beijing
      expect(refused.headers.get('retry-after')).toBe(String(12 * 3600))
      clock.advance(12 * 3_600_000)
      expect((await upload(token)).status).toBe(200)
      clock.set(Date.UTC(2026, 10, 24, 4, 0, 0))
    })

    it("counts bytes too: a file that would pass today's bytes is refused, a smaller one is not", async () => {
      const token = await session('o-demo-04')
      const id = await userIdOf('o-demo-04')
      const png = tinyPng()
      await cloud.container.limits.hit(
        UPLOAD_BYTES_PER_DAY,
        id,
        UPLOAD_BYTES_PER_DAY.limit - png.length - 10,
      )
      const big = Buffer.concat([png, Buffer.alloc(100)])
      const refused = await upload(token, 'listing-photos', big)
      expect(refused.status).toBe(429)
      expect(await refused.json()).toMatchObject({
        ok: false,
        error: { code: 'COMMON.RATE_LIMITED', details: { retryAfterMs: expect.any(Number) } },
      })
      expect((await upload(token, 'listing-photos', png)).status).toBe(200)
    })
  })

  describe('size limit', () => {
    /**
     * Streams a chunked body (no Content-Length to refuse up front) and counts what the client
     * managed to send before the answer arrived: a server that reads on would only answer after
     * the whole body.
     */
    const streamUpload = (token: string, dir: string, totalBytes: number) =>
      new Promise<{ status: number; body: string; sentWhenAnswered: number; total: number }>(
        (resolve, reject) => {
          const boundary = '----linquan-test-boundary'
          const head = Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="dir"\r\n\r\n${dir}\r\n` +
              `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`,
          )
          const chunk = Buffer.alloc(256 * 1024, 7)
          tinyPng().copy(chunk)
          let sent = 0
          let answered = false
          const req = request(url('/files/upload'), {
            method: 'POST',
            headers: {
              Authorization: `Bearer ${token}`,
              'Content-Type': `multipart/form-data; boundary=${boundary}`,
            },
          })
          req.on('response', (res) => {
            answered = true
            const sentWhenAnswered = sent
            const chunks: Buffer[] = []
            res.on('data', (c: Buffer) => chunks.push(c))
            res.on('end', () => {
              req.destroy()
              resolve({
                status: res.statusCode ?? 0,
                body: Buffer.concat(chunks).toString('utf8'),
                sentWhenAnswered,
                total: totalBytes,
              })
            })
          })
          req.on('error', (e) => {
            if (!answered) reject(e)
          })
          const pump = () => {
            while (!answered && sent < totalBytes) {
              sent += chunk.length
              if (!req.write(chunk)) return void req.once('drain', pump)
            }
            if (!answered) req.end(`\r\n--${boundary}--\r\n`)
          }
          req.write(head)
          pump()
        },
      )

    it('answers 413 FILE.TOO_LARGE while a 10 MB+ photo is still being sent, having read little past the limit', async () => {
      const token = await session('o-demo-01')
      const before = await cloud.container.store.count(Uploads, {})
      const res = await streamUpload(token, 'listing-photos', 80 * 1024 * 1024)
      expect(res.status).toBe(413)
      expect(JSON.parse(res.body)).toMatchObject({
        ok: false,
        error: { code: 'FILE.TOO_LARGE', details: { path: 'file', limitBytes: 10 * 1024 * 1024 } },
      })
      // Kernel buffers hold a few MB in flight; reading all 50 MB (the old backstop) would need all 80 sent.
      expect(res.sentWhenAnswered).toBeLessThan(40 * 1024 * 1024)
      expect(await cloud.container.store.count(Uploads, {})).toBe(before)
      // The server is fine afterwards.
      expect((await upload(token)).status).toBe(200)
    })

    it('lets a video run to its own limit (50 MB), not the photo limit', async () => {
      const token = await session('o-demo-01')
      const res = await streamUpload(token, 'listing-videos', 120 * 1024 * 1024)
      expect(res.status).toBe(413)
      expect(JSON.parse(res.body)).toMatchObject({
        error: { code: 'FILE.TOO_LARGE', details: { limitBytes: 50 * 1024 * 1024 } },
      })
      expect(res.sentWhenAnswered).toBeGreaterThan(50 * 1024 * 1024)
      expect(res.sentWhenAnswered).toBeLessThan(90 * 1024 * 1024)
    })

    it('refuses a dir sent after the file, since the limit must be known before reading', async () => {
      const token = await session('o-demo-01')
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(tinyPng())]), 'photo.png')
      form.append('dir', 'listing-videos')
      const res = await fetch(url('/files/upload'), {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: form,
      })
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({
        error: { code: 'COMMON.VALIDATION', details: { path: 'dir' } },
      })
    })
  })

  describe('demo sign-in', () => {
    it('is limited per client address with 429, retryAfterMs and Retry-After', async () => {
      // Earlier tests signed in from this address too: spend what is left, then one more.
      let last: Response | undefined
      for (let i = 0; i < 25; i++) {
        last = await postJson(url('/auth/session'), { openid: 'o-demo-05' })
        if (last.status === 429) break
      }
      expect(last!.status).toBe(429)
      const body = (await last!.json()) as {
        ok: false
        error: { code: string; message: string; details: { retryAfterMs: number } }
      }
      expect(body.error).toMatchObject({
        code: 'COMMON.RATE_LIMITED',
        message: expect.stringMatching(/登录/),
      })
      expect(body.error.details.retryAfterMs).toBeGreaterThan(0)
      expect(Number(last!.headers.get('retry-after'))).toBe(
        Math.ceil(body.error.details.retryAfterMs / 1000),
      )
      // Not even a non-demo OPENID gets through (the count comes before anything else).
      expect((await postJson(url('/auth/session'), { openid: 'o-someone' })).status).toBe(429)
      clock.advance(body.error.details.retryAfterMs)
      expect((await postJson(url('/auth/session'), { openid: 'o-demo-05' })).status).toBe(200)
    })
  })

  describe('client address', () => {
    it("hands functions the socket's address, never a header the client sets", async () => {
      resetFixtureCalls()
      const res = await fetch(url('/fn/echo'), {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Forwarded-For': '6.6.6.6',
          'X-Real-IP': '6.6.6.6',
        },
        body: JSON.stringify({ action: 'x', input: { clientIp: '6.6.6.6' } }),
      })
      expect(res.status).toBe(200)
      const [call] = fixtureCalls()
      expect(call!.context.clientIp).toMatch(/^(::ffff:)?127\.0\.0\.1$/)
      expect(JSON.stringify(call!.context)).not.toContain('6.6.6.6')
    })
  })
})
