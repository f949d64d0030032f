import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { buildFunctions } from '../../../scripts/build-functions'
import { type LocalCloud, startLocalCloud } from '../server'
import { DEMO_USERS } from '../seed/demo-users'
import {
  postJson,
  startBareCloud,
  tempDir,
  tinyPng,
  writeFixtureFunction,
} from './local-cloud.fixture'

/**
 * The local cloud over real HTTP on an ephemeral port, with the REAL function bundles (built into
 * a temp folder by the same build script `npm start` uses) on a temp SQLite database.
 */
describe('local cloud gateway', () => {
  const tmp = tempDir('gateway')
  const functionsDir = join(tmp.dir, 'functions')
  const h5Dir = join(tmp.dir, 'h5')
  let cloud: LocalCloud

  beforeAll(async () => {
    await buildFunctions({ outDir: functionsDir, only: ['user', 'listing'] })
    writeFixtureFunction(functionsDir, 'crashes', { timeout: 1 }, 'throw new Error("boom")')
    writeFixtureFunction(functionsDir, 'hangs', { timeout: 0.2 }, 'await new Promise(() => {})')
    // An HTTP-triggered function in CloudBase's shape: it echoes what it received as an
    // integration response, so the test can see the raw bytes and headers made it through.
    writeFixtureFunction(
      functionsDir,
      'callback',
      { timeout: 1 },
      `const raw = Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8')
  if (event.path === '/json') return { echoed: event.path }
  return {
    statusCode: 202,
    headers: { 'content-type': 'application/json', 'x-seen-signature': event.headers['wechatpay-signature'] ?? '' },
    body: JSON.stringify({ method: event.httpMethod, path: event.path, query: event.queryStringParameters, raw: raw.toString('utf8') }),
  }`,
    )
    mkdirSync(join(h5Dir, 'js'), { recursive: true })
    writeFileSync(join(h5Dir, 'index.html'), '<!doctype html><title>LinQuan H5</title>')
    writeFileSync(join(h5Dir, 'js', 'app.js'), 'console.log(1)')
    cloud = await startLocalCloud({
      dataDir: join(tmp.dir, 'data'),
      functionsDir,
      h5Dir,
      port: 0,
      seed: { listings: 12, photoVariants: 1, photoSize: 48 },
      schedulerIntervalMs: null,
      log: () => undefined,
    })
  }, 60_000) // builds two function bundles and seeds

  afterAll(async () => {
    await cloud?.close()
    tmp.cleanup()
  })

  const url = (path: string) => `${cloud.url}${path}`

  /** GET with the path sent byte for byte (fetch would normalise dot segments first). */
  const rawGet = (path: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(url(path), { method: 'GET' }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('latin1') }),
        )
      })
      req.path = path
      req.on('error', reject)
      req.end()
    })

  const sessionFor = async (openid: string) => {
    const res = await postJson(url('/auth/session'), { openid })
    expect(res.status).toBe(200)
    return (await res.json()) as { token: string; expiresAt: number }
  }

  const upload = (body: Blob, token?: string, dir?: string, filename = 'photo.png') => {
    const form = new FormData()
    if (dir) form.append('dir', dir)
    form.append('file', body, filename)
    return fetch(url('/files/upload'), {
      method: 'POST',
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      body: form,
    })
  }

  it('answers /health', async () => {
    const res = await fetch(url('/health'))
    expect(await res.json()).toEqual({ ok: true })
  })

  describe('demo sign-in', () => {
    it('lists the seeded demo users with avatars served by the files route', async () => {
      const { users } = (await (await fetch(url('/auth/demo-users'))).json()) as {
        users: { openid: string; nickname: string; avatarUrl: string; city: string }[]
      }
      expect(users.map((u) => u.openid)).toEqual(DEMO_USERS.map((u) => u.openid))
      expect(new Set(users.map((u) => u.city))).toEqual(new Set(['上海', '杭州']))
      const avatar = await fetch(users[0].avatarUrl)
      expect(avatar.status).toBe(200)
      expect(avatar.headers.get('content-type')).toBe('image/png')
    })

    it('signs a session that the functions accept, for demo users only', async () => {
      const { token, expiresAt } = await sessionFor('o-demo-03')
      expect(expiresAt).toBeGreaterThan(Date.now() + 29 * 86_400_000)
      const me = await (await postJson(url('/fn/user'), { action: 'me', input: {} }, token)).json()
      expect(me).toMatchObject({ ok: true, data: { nickname: '静安王阿姨', city: '上海' } })

      const refused = await postJson(url('/auth/session'), { openid: 'o-someone-else' })
      expect(refused.status).toBe(403)
      expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } })
    })

    it('leaves identity to the function: no token or a forged one is UNAUTHENTICATED', async () => {
      const anonymous = await (await postJson(url('/fn/user'), { action: 'me', input: {} })).json()
      expect(anonymous).toMatchObject({ ok: false, error: { code: 'COMMON.UNAUTHENTICATED' } })
      const { token } = await sessionFor('o-demo-01')
      const forged = token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))
      const res = await (
        await postJson(url('/fn/user'), { action: 'me', input: {} }, forged)
      ).json()
      expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.UNAUTHENTICATED' } })
    })
  })

  describe('POST /fn/<name>', () => {
    it('publishes a listing end to end: upload, create, newest in the city feed, get', async () => {
      const { token } = await sessionFor('o-demo-05')
      const uploaded = (await (
        await upload(new Blob([new Uint8Array(tinyPng())]), token)
      ).json()) as { fileId: string; url: string }
      const created = await (
        await postJson(
          url('/fn/listing'),
          {
            action: 'create',
            input: {
              title: '测试用 台灯 九成新',
              description: '网关端到端测试发布的台灯。',
              priceFen: 3500,
              category: 'furniture',
              condition: 'light_wear',
              trade: { shipping: null, meetup: true, pickup: true },
              photoFileIds: [uploaded.fileId],
              location: {
                latitude: 30.2595,
                longitude: 120.1302,
                city: '杭州',
                district: '西湖区',
              },
            },
          },
          token,
        )
      ).json()
      expect(created).toMatchObject({
        ok: true,
        data: { title: '测试用 台灯 九成新', isMine: true },
      })
      const id = (created as { data: { id: string } }).data.id

      const feed = await (
        await postJson(url('/fn/listing'), { action: 'feed', input: { city: '杭州', limit: 5 } })
      ).json()
      expect(feed).toMatchObject({ ok: true })
      expect((feed as { data: { items: { id: string }[] } }).data.items[0].id).toBe(id)

      const got = await (
        await postJson(url('/fn/listing'), { action: 'get', input: { id } })
      ).json()
      expect(got).toMatchObject({ ok: true, data: { id, isMine: false, owner: null } })
      const photo = (got as { data: { photos: { url: string }[] } }).data.photos[0]
      expect(Buffer.from(await (await fetch(photo.url)).arrayBuffer())).toEqual(tinyPng())
    })

    it('passes function-level errors through as HTTP 200 envelopes', async () => {
      const res = await postJson(url('/fn/user'), { action: 'nope', input: {} })
      expect(res.status).toBe(200)
      expect(await res.json()).toMatchObject({
        ok: false,
        error: { code: 'COMMON.UNKNOWN_ACTION' },
      })
    })

    it.each([
      ['bad JSON', '{"action": "me",'],
      ['a JSON array', '[1, 2, 3]'],
      ['a JSON string', '"hello"'],
      ['null', 'null'],
      ['an empty body', ''],
    ])('answers 400 COMMON.VALIDATION for %s', async (_label, body) => {
      const res = await postJson(url('/fn/user'), body)
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'COMMON.VALIDATION' } })
    })

    it('keeps the codes of errors thrown by the local adapters across the bundle boundary', async () => {
      // The store and search index run in the local cloud, the handler in the bundle: each has
      // its own copy of AppError, and a repeat view (a CONFLICT inside the store) must stay quiet.
      const { token } = await sessionFor('o-demo-04')
      const feed = (await (
        await postJson(url('/fn/listing'), { action: 'feed', input: { city: '上海', limit: 1 } })
      ).json()) as {
        data: { items: { id: string }[] }
      }
      const id = feed.data.items[0].id
      for (let i = 0; i < 2; i++) {
        const got = await (
          await postJson(url('/fn/listing'), { action: 'get', input: { id } }, token)
        ).json()
        expect(got).toMatchObject({ ok: true, data: { id } })
      }
      const badCursor = await (
        await postJson(url('/fn/listing'), {
          action: 'feed',
          input: { city: '上海', cursor: 'nope' },
        })
      ).json()
      expect(badCursor).toMatchObject({ ok: false, error: { code: 'COMMON.VALIDATION' } })
    })

    it('refuses JSON nested 10,000 deep with 400 COMMON.VALIDATION before the function runs', async () => {
      const deep = `{"action":"me","input":{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`
      const res = await postJson(url('/fn/user'), deep)
      expect(res.status).toBe(400)
      expect(await res.json()).toEqual({
        ok: false,
        error: { code: 'COMMON.VALIDATION', message: '请求内容嵌套过深（最多 32 层）' },
      })
      expect((await fetch(url('/health'))).status).toBe(200)
    })

    it('refuses a body over 256 KB with 400 and keeps serving', async () => {
      const big = JSON.stringify({ action: 'me', input: { pad: 'x'.repeat(300 * 1024) } })
      const res = await postJson(url('/fn/user'), big)
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'COMMON.VALIDATION' } })
      expect((await fetch(url('/health'))).status).toBe(200)
    })

    it('answers 404 COMMON.UNKNOWN_FUNCTION for a function that is not built', async () => {
      for (const name of ['nope', '..%2F..%2Fetc', 'user%2F..%2Flisting']) {
        const res = await postJson(url(`/fn/${name}`), { action: 'me', input: {} })
        expect(res.status).toBe(404)
        expect(await res.json()).toMatchObject({
          ok: false,
          error: { code: 'COMMON.UNKNOWN_FUNCTION' },
        })
      }
    })

    it('answers 405 for a method other than POST', async () => {
      const res = await fetch(url('/fn/user'))
      expect(res.status).toBe(405)
      expect(await res.json()).toMatchObject({ ok: false })
    })

    it('turns a crashing or hanging bundle into 500 / 504 envelopes', async () => {
      const crashed = await postJson(url('/fn/crashes'), { action: 'x' })
      expect(crashed.status).toBe(500)
      expect(await crashed.json()).toMatchObject({ ok: false, error: { code: 'COMMON.INTERNAL' } })
      const hung = await postJson(url('/fn/hangs'), { action: 'x' })
      expect(hung.status).toBe(504)
      expect((await fetch(url('/health'))).status).toBe(200)
    })
  })

  describe('ANY /http/<fn>/<path> (HTTP-triggered functions)', () => {
    it("hands the function CloudBase's event with the exact body bytes and sends its response", async () => {
      // Key order and spacing as WeChat Pay sends them: a re-serialised body would break its signature.
      const body = '{"id":"EV-1",  "resource":{"ciphertext":"x"}}'
      const res = await fetch(url('/http/callback/payment?x=1'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Wechatpay-Signature': 'sig==' },
        body,
      })
      expect(res.status).toBe(202)
      expect(res.headers.get('x-seen-signature')).toBe('sig==')
      expect(await res.json()).toEqual({
        method: 'POST',
        path: '/payment',
        query: { x: '1' },
        raw: body,
      })
    })

    it('sends a plain result as JSON and answers 404 for an unknown function', async () => {
      const plain = await fetch(url('/http/callback/json'), { method: 'POST', body: '' })
      expect(await plain.json()).toEqual({ echoed: '/json' })
      const missing = await fetch(url('/http/nope/x'), { method: 'POST', body: '{}' })
      expect(missing.status).toBe(404)
      expect(await missing.json()).toMatchObject({
        ok: false,
        error: { code: 'COMMON.UNKNOWN_FUNCTION' },
      })
    })
  })

  describe('files', () => {
    it('stores an upload under <dir>/<yyyy-mm>/ and serves it back with type and caching', async () => {
      const { token } = await sessionFor('o-demo-02')
      const res = await upload(new Blob([new Uint8Array(tinyPng())]), token, 'avatars', 'me.jpg')
      expect(res.status).toBe(200)
      const body = (await res.json()) as { fileId: string; url: string }
      // The extension follows the bytes (PNG), not the name the client sent.
      expect(body.fileId).toMatch(/^local:\/\/avatars\/\d{4}-\d{2}\/[0-9a-f]{24}\.png$/)
      const served = await fetch(body.url)
      expect(served.status).toBe(200)
      expect(served.headers.get('content-type')).toBe('image/png')
      expect(served.headers.get('cache-control')).toContain('immutable')
      const etag = served.headers.get('etag')!
      expect((await fetch(body.url, { headers: { 'If-None-Match': etag } })).status).toBe(304)
    })

    it('refuses uploads without a valid session (401)', async () => {
      const res = await upload(new Blob([new Uint8Array(tinyPng())]))
      expect(res.status).toBe(401)
      expect(await res.json()).toMatchObject({
        ok: false,
        error: { code: 'COMMON.UNAUTHENTICATED' },
      })
      expect((await upload(new Blob([new Uint8Array(tinyPng())]), 'not.a-token')).status).toBe(401)
    })

    it('refuses files that are not images by their bytes, whatever the name says (400)', async () => {
      const { token } = await sessionFor('o-demo-02')
      const res = await upload(
        new Blob(['<script>alert(1)</script>']),
        token,
        undefined,
        'cute.png',
      )
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'COMMON.VALIDATION' } })
    })

    it('refuses an unknown dir, a missing file field and a non-multipart body (400)', async () => {
      const { token } = await sessionFor('o-demo-02')
      expect((await upload(new Blob([new Uint8Array(tinyPng())]), token, '../etc')).status).toBe(
        400,
      )
      const form = new FormData()
      form.append('dir', 'avatars')
      const noFile = await fetch(url('/files/upload'), {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: form,
      })
      expect(noFile.status).toBe(400)
      expect((await postJson(url('/files/upload'), { file: 'x' }, token)).status).toBe(400)
    })

    it('keeps ID card photos private: uploaded and readable by the backend, never served by URL', async () => {
      const { token } = await sessionFor('o-demo-03')
      const res = await upload(new Blob([new Uint8Array(tinyPng())]), token, 'id-cards')
      expect(res.status).toBe(200)
      const { fileId, url: fileUrl } = (await res.json()) as { fileId: string; url: string }
      expect(fileId).toMatch(/^local:\/\/id-cards\//)
      expect((await fetch(fileUrl)).status).toBe(404)
      expect(Buffer.from((await cloud.container.files.read(fileId))!).equals(tinyPng())).toBe(true)
    })

    it('refuses a file over 10 MB (413)', async () => {
      const { token } = await sessionFor('o-demo-02')
      const big = Buffer.alloc(10 * 1024 * 1024 + 1)
      tinyPng().copy(big)
      const res = await upload(new Blob([new Uint8Array(big)]), token)
      expect(res.status).toBe(413)
      expect(await res.json()).toMatchObject({
        ok: false,
        error: { code: 'FILE.TOO_LARGE', details: { path: 'file' } },
      })
    })

    it('takes short videos in listing-videos only, recognised by their bytes', async () => {
      const { token } = await sessionFor('o-demo-02')
      // The first box of an MP4: size, 'ftyp', brand 'isom'.
      const mp4 = Buffer.concat([
        Buffer.from([0, 0, 0, 0x18]),
        Buffer.from('ftypisom'),
        Buffer.alloc(64),
      ])
      const ok = await upload(new Blob([new Uint8Array(mp4)]), token, 'listing-videos', 'clip.mp4')
      expect(ok.status).toBe(200)
      const { fileId, url: videoUrl } = (await ok.json()) as { fileId: string; url: string }
      expect(fileId).toMatch(/^local:\/\/listing-videos\/\d{4}-\d{2}\/[0-9a-f]{24}\.mp4$/)
      expect((await fetch(videoUrl)).headers.get('content-type')).toBe('video/mp4')
      expect(
        (await upload(new Blob([new Uint8Array(mp4)]), token, 'listing-photos', 'clip.mp4')).status,
      ).toBe(400)
      expect(
        (await upload(new Blob([new Uint8Array(tinyPng())]), token, 'listing-videos', 'x.mp4'))
          .status,
      ).toBe(400)
    })

    it.each([
      '/files/..%2f..%2fsession-secret',
      '/files/seed/..%2f..%2flinquan.db',
      '/files/..%5c..%5csession-secret',
      '/files/a%00.png',
      '/files/%2e%2e%2f%2e%2e%2fsession-secret',
    ])('refuses a path that climbs out of the files folder (400): %s', async (path) => {
      const res = await rawGet(path)
      expect(res.status).toBe(400)
      expect(res.body).not.toContain(cloud.sessionSecret)
    })

    it.each([
      '/files/../session-secret',
      '/files/%2e%2e/%2e%2e/session-secret',
      '/files/seed/../../linquan.db',
    ])('never serves data files for dot segments the URL parser resolves: %s', async (path) => {
      // These normalise to /session-secret or /linquan.db, which are not under /files at all.
      const res = await rawGet(path)
      expect(res.body).not.toContain(cloud.sessionSecret)
      expect(res.body).not.toContain('SQLite format')
    })

    it('answers 404 for a file that does not exist', async () => {
      expect((await fetch(url('/files/listing-photos/2020-01/nothing.png'))).status).toBe(404)
    })
  })

  describe('H5, scheduler and sandboxes', () => {
    it('serves the H5 build with index.html for / and for app routes', async () => {
      const root = await fetch(url('/'))
      expect(root.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(await root.text()).toContain('LinQuan H5')
      expect(await (await fetch(url('/pages/detail/index'))).text()).toContain('LinQuan H5')
      const js = await fetch(url('/js/app.js'))
      expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
      expect((await fetch(url('/js/missing.js'))).status).toBe(404)
    })

    it('lists no timer triggers and no sandboxes yet', async () => {
      expect(await (await fetch(url('/scheduler'))).json()).toMatchObject({ triggers: [] })
      expect(await (await fetch(url('/sandbox'))).json()).toEqual({ sandboxes: [] })
      expect((await fetch(url('/sandbox/wechat-pay/v3/pay'))).status).toBe(404)
    })
  })
})

describe('local cloud without an H5 build', () => {
  let cloud: Awaited<ReturnType<typeof startBareCloud>>

  beforeAll(async () => {
    cloud = await startBareCloud('no-h5', [
      {
        vendor: 'echo',
        description: 'test sandbox',
        handle: (_req, res, path) => {
          res.writeHead(200, { 'Content-Type': 'text/plain' })
          res.end(`echo ${path}`)
        },
      },
    ])
  })

  afterAll(() => cloud?.stop())

  it('explains how to build the H5 app', async () => {
    const res = await fetch(`${cloud.url}/`)
    expect(res.status).toBe(503)
    expect(await res.text()).toContain('npm run build:h5')
  })

  it('routes /sandbox/<vendor>/… to a mounted sandbox and lists it', async () => {
    expect(await (await fetch(`${cloud.url}/sandbox/echo/v3/pay/x`)).text()).toBe('echo /v3/pay/x')
    expect(await (await fetch(`${cloud.url}/sandbox`)).json()).toEqual({
      sandboxes: [
        { vendor: 'echo', description: 'test sandbox', url: `${cloud.url}/sandbox/echo` },
      ],
    })
  })
})
