import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { aGoodsListingInput } from '../local/mothers/listing.mother'
import { aUser } from '../local/mothers/user.mother'
import { serveSandbox } from '../local/sandboxes'
import { createWechatApiSandbox, type WechatApiSandbox } from '../local/sandboxes/wechat-api'
import {
  sandboxMessagePush,
  SANDBOX_PUSH_TOKEN,
  wechatApiSandboxClientConfig,
} from '../local/sandboxes/wechat-api/client-config'
import { pushSignature } from '../src/adapters/wechat-api/wechat-message-push'
import { FakeClock } from '../src/adapters/clock/system-clock'
import { main as listingMain } from '../src/functions/listing'
import { main as wechatNotify } from '../src/functions/wechat-notify'
import { drainOutbox } from '../src/modules/outbox'
import { ContentFlags } from '../src/modules/risk/domain/content-flag.record'
import { ImageChecks } from '../src/modules/risk/domain/image-check.record'
import { storeUpload } from '../src/modules/upload/application/accept-upload.use-case'
import { findUserByOpenid } from '../src/modules/user/application/find-user-by-openid'
import { installContainer } from '../src/platform/container'
import type { HttpTriggerEvent } from '../src/platform/http-trigger'
import { createLocalContainer, type LocalContainer } from '../src/platform/local-container'
import { PNG_BYTES, TEST_SECRET_KEY, TEST_SESSION_SECRET, contextOn } from './harness'

/** The test PNG with a tEXt chunk `sandbox` = `risky` (or `review`) before IEND: the sandbox's planted marker. */
const markedPng = (text: 'risky' | 'review') => {
  const data = Buffer.concat([Buffer.from('sandbox\0', 'latin1'), Buffer.from(text, 'latin1')])
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  // The CRC is not checked by the sandbox; a real decoder would want it, so keep it plausible.
  const chunk = Buffer.concat([length, Buffer.from('tEXt'), data, Buffer.alloc(4)])
  const iend = PNG_BYTES.length - 12
  return Buffer.concat([PNG_BYTES.subarray(0, iend), chunk, PNG_BYTES.subarray(iend)])
}

const FILES_BASE = 'http://files.linquan.test/files'

/**
 * Image content security end to end: an upload queues mediaCheckAsync (outbox), the WeChat API
 * sandbox answers a trace_id and later pushes the verdict (安全模式) to the real wechat-notify
 * function, which verifies, de-duplicates and applies it — a planted risky photo is hidden and its
 * listing held for review.
 */
describe('wechat-notify: image checks pushed back by WeChat', () => {
  let dir: string
  let clock: FakeClock
  let sandbox: WechatApiSandbox
  let container: LocalContainer
  let served: Awaited<ReturnType<typeof serveSandbox>>
  let receiver: Server
  const answers: { status: number; body: string }[] = []

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'linquan-notify-'))
    clock = new FakeClock(Date.UTC(2027, 0, 4, 2))
    sandbox = createWechatApiSandbox({
      timers: 'manual',
      startAt: clock.now(),
      mediaCheckDelayMs: 3_000,
      // WeChat fetches media_url from the internet; here it reads our files directly.
      fetchMedia: async (url) => {
        const bytes = await container.files.read(`local://${url.slice(FILES_BASE.length + 1)}`)
        if (!bytes) throw new Error(`no file at ${url}`)
        return bytes
      },
    })
    served = await serveSandbox(sandbox)
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c) => chunks.push(c))
      req.on('end', async () => {
        const url = new URL(req.url ?? '/', 'http://local')
        const event: HttpTriggerEvent = {
          path: '/',
          httpMethod: req.method ?? 'POST',
          headers: { 'content-type': String(req.headers['content-type'] ?? '') },
          queryStringParameters: Object.fromEntries(url.searchParams),
          body: Buffer.concat(chunks).toString('base64'),
          isBase64Encoded: true,
        }
        const answer = await wechatNotify(event)
        answers.push({ status: answer.statusCode, body: answer.body })
        res.writeHead(answer.statusCode, answer.headers)
        res.end(answer.body)
      })
    })
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()))
    const cloudUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`
    sandbox.media.push = sandboxMessagePush(cloudUrl)
    container = createLocalContainer({
      dataDir: dir,
      publicBaseUrl: FILES_BASE,
      sessionSecret: TEST_SESSION_SECRET,
      secretKey: TEST_SECRET_KEY,
      clock,
      wechatApi: wechatApiSandboxClientConfig(served.url),
    })
    installContainer(container)
    answers.splice(0)
  })
  afterEach(async () => {
    installContainer(undefined)
    await served.close()
    await new Promise<void>((r) => {
      receiver.close(() => r())
      receiver.closeAllConnections()
    })
    container.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const upload = async (openid: string, bytes: Buffer) => {
    const user = (await findUserByOpenid(container, openid))!
    return storeUpload(
      container,
      { _id: user._id, openid },
      {
        kind: 'listing-photos',
        path: `listing-photos/test/${Math.random().toString(16).slice(2)}.png`,
        bytes,
        contentType: 'image/png',
      },
    )
  }
  const call = async (openid: string | null, action: string, input: unknown) =>
    (await listingMain({ action, input }, contextOn(clock)(openid))) as {
      ok: boolean
      data?: any
      error?: { code: string }
    }
  /** The outbox sends the checks; WeChat's verdicts arrive 3 s later. */
  const checksRunAndPushesArrive = async () => {
    await drainOutbox(container, container.hooks.jobs)
    clock.advance(3_000)
    await sandbox.clock.advance!(3_000)
    await sandbox.media.idle()
  }

  it('a planted risky photo is hidden and its listing held; the clean one stays; answered "success"', async () => {
    await aUser(container, 'o-seller')
    await aUser(container, 'o-buyer')
    const clean = await upload('o-seller', PNG_BYTES)
    const risky = await upload('o-seller', markedPng('risky'))
    const created = await call(
      'o-seller',
      'create',
      aGoodsListingInput({ photoFileIds: [clean, risky] }),
    )
    expect(created.ok).toBe(true)
    const id = created.data.id
    expect((await call('o-buyer', 'get', { id })).ok).toBe(true)

    await checksRunAndPushesArrive()
    expect(answers).toEqual([
      { status: 200, body: 'success' },
      { status: 200, body: 'success' },
    ])
    const mine = await call('o-seller', 'get', { id })
    expect(mine.data.photos.map((p: { fileId: string }) => p.fileId)).toEqual([clean])
    expect(JSON.stringify(mine.data)).not.toContain(risky)
    expect(mine.data.owner).toMatchObject({
      heldForReview: true,
      riskNotice: expect.stringContaining('已被隐藏'),
    })
    // Held: others cannot open it any more.
    expect(await call('o-buyer', 'get', { id })).toMatchObject({ ok: false })
    const flags = await container.store.find(ContentFlags, { targetId: risky }, { limit: 5 })
    expect(flags.items).toMatchObject([
      { kind: 'image', source: 'wechat-image', wechat: { suggest: 'risky', label: 20002 } },
    ])
    const checks = await container.store.find(ImageChecks, {}, { limit: 5 })
    expect(checks.items.map((c) => c.status)).toEqual(['judged', 'judged'])
    // The same photo in a new listing, now that its verdict is known, is refused outright.
    expect(
      await call('o-seller', 'create', aGoodsListingInput({ photoFileIds: [risky] })),
    ).toMatchObject({ ok: false, error: { code: 'CONTENT.BLOCKED' } })
  })

  it('a duplicate push changes nothing; a push with a bad signature is refused and applies nothing', async () => {
    await aUser(container, 'o-seller')
    sandbox.media.faults.duplicatePushes = 1
    const first = await upload('o-seller', markedPng('review'))
    await checksRunAndPushesArrive()
    expect(answers).toEqual([
      { status: 200, body: 'success' },
      { status: 200, body: 'success' },
    ])
    expect(sandbox.media.log.map((l) => l.duplicate)).toEqual([false, true])
    expect(
      (await container.store.find(ContentFlags, { targetId: first }, { limit: 5 })).items,
    ).toHaveLength(1)

    answers.splice(0)
    sandbox.media.faults.badSignaturePushes = 1
    const second = await upload('o-seller', markedPng('risky'))
    await checksRunAndPushesArrive()
    expect(answers).toEqual([{ status: 401, body: 'bad signature' }])
    const check = (await container.store.find(ImageChecks, { fileId: second }, { limit: 1 }))
      .items[0]
    expect(check).toMatchObject({ status: 'sent', suggest: null })
    expect(
      (await container.store.find(ContentFlags, { targetId: second }, { limit: 5 })).items,
    ).toHaveLength(0)
  })

  it('answers WeChat’s server-URL check with echostr only when the signature holds', async () => {
    const q = { timestamp: '1700000000', nonce: '42', echostr: 'hello-wechat' }
    const good = await wechatNotify({
      path: '/',
      httpMethod: 'GET',
      headers: {},
      queryStringParameters: {
        ...q,
        signature: pushSignature(SANDBOX_PUSH_TOKEN, q.timestamp, q.nonce),
      },
      body: '',
      isBase64Encoded: false,
    })
    expect(good).toMatchObject({ statusCode: 200, body: 'hello-wechat' })
    const bad = await wechatNotify({
      path: '/',
      httpMethod: 'GET',
      headers: {},
      queryStringParameters: { ...q, signature: 'f'.repeat(40) },
      body: '',
      isBase64Encoded: false,
    })
    expect(bad).toMatchObject({ statusCode: 401 })
  })
})
