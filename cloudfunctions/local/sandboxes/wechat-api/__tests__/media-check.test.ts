import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { decryptPush, pushSignature } from '../../../../src/adapters/wechat-api/wechat-message-push'
import { SANDBOX_APPID } from '../index'
import { pngMarker } from '../media-check'
import { SANDBOX_ENCODING_AES_KEY, SANDBOX_PUSH_TOKEN } from '../client-config'
import { startHarness, type Harness } from './harness'

/** The 1×1 test PNG, and the same with the planted tEXt chunk (keyword `sandbox`). */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d5b1e60000000049454e44ae426082',
  'hex',
)
const planted = (text: string) => {
  const data = Buffer.from(`sandbox\0${text}`, 'latin1')
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const at = PNG.length - 12
  return Buffer.concat([
    PNG.subarray(0, at),
    len,
    Buffer.from('tEXt'),
    data,
    Buffer.alloc(4),
    PNG.subarray(at),
  ])
}

interface Received {
  query: URLSearchParams
  body: string
}

describe('sandbox wxa/media_check_async and the wxa_media_check push', () => {
  let h: Harness
  let receiver: Server
  const received: Received[] = []
  let answer = 'success'
  const images: Record<string, Buffer> = {
    '/a.png': PNG,
    '/b.png': planted('risky'),
    '/c.png': planted('review'),
  }

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c) => chunks.push(c))
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://x')
        if (req.method === 'GET') {
          const img = images[url.pathname]
          res.writeHead(img ? 200 : 404)
          return res.end(img)
        }
        received.push({ query: url.searchParams, body: Buffer.concat(chunks).toString() })
        res.writeHead(200)
        res.end(answer)
      })
    })
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()))
    h = await startHarness({ mediaCheckDelayMs: 3_000 })
  })
  afterAll(async () => {
    await h.close()
    await new Promise<void>((r) => receiver.close(() => r()))
  })
  beforeEach(() => {
    received.splice(0)
    answer = 'success'
    h.sandbox.media.log.splice(0)
  })

  const base = () => `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`
  const check = (over: Record<string, unknown> = {}) =>
    h.api('/wxa/media_check_async', {
      media_url: `${base()}/a.png`,
      media_type: 2,
      version: 2,
      scene: 3,
      openid: 'o-seller-000001',
      ...over,
    })
  const arrive = async () => {
    await h.sandbox.clock.advance!(3_000)
    await h.sandbox.media.idle()
  }

  it('checks its fields as WeChat does', async () => {
    expect((await check({ media_url: 'ftp://x/a.png' })).body.errcode).toBe(40097)
    expect((await check({ media_type: 3 })).body.errcode).toBe(40097)
    expect((await check({ version: 1 })).body.errcode).toBe(40097)
    expect((await check({ scene: 7 })).body.errcode).toBe(40097)
    expect((await check({ openid: '' })).body.errcode).toBe(40003)
    expect((await check({ openid: 'stale-o1' })).body.errcode).toBe(61010)
    expect((await check({})).body).toMatchObject({
      errcode: 0,
      trace_id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/),
    })
    // No 消息推送 URL configured yet: the verdict has nowhere to go.
    await arrive()
    expect(received).toHaveLength(0)
  })

  it('plain mode: the verdict is pushed after the delay, signed over token, timestamp and nonce; planted PNG markers decide', async () => {
    h.sandbox.media.push = { url: `${base()}/push`, token: SANDBOX_PUSH_TOKEN }
    const ids: Record<string, string> = {}
    for (const name of ['a', 'b', 'c'])
      ids[name] = (await check({ media_url: `${base()}/${name}.png` })).body.trace_id
    expect(received).toHaveLength(0) // not before the delay
    await arrive()
    expect(received).toHaveLength(3)
    const verdicts: Record<string, string> = {}
    for (const r of received) {
      const q = r.query
      expect(q.get('signature')).toBe(
        pushSignature(SANDBOX_PUSH_TOKEN, q.get('timestamp')!, q.get('nonce')!),
      )
      const m = JSON.parse(r.body)
      expect(m).toMatchObject({
        MsgType: 'event',
        Event: 'wxa_media_check',
        appid: SANDBOX_APPID,
        version: 2,
        errcode: 0,
      })
      verdicts[m.trace_id] = m.result.suggest
    }
    expect(verdicts).toEqual({ [ids.a]: 'pass', [ids.b]: 'risky', [ids.c]: 'review' })
  })

  it('安全模式: encrypt_type=aes, msg_signature over the Encrypt field, AES-CBC with the appid', async () => {
    h.sandbox.media.push = {
      url: `${base()}/push`,
      token: SANDBOX_PUSH_TOKEN,
      encodingAesKey: SANDBOX_ENCODING_AES_KEY,
    }
    await check({ media_url: `${base()}/b.png` })
    await arrive()
    const [r] = received
    const { Encrypt } = JSON.parse(r.body)
    const q = r.query
    expect(q.get('encrypt_type')).toBe('aes')
    expect(q.get('msg_signature')).toBe(
      pushSignature(SANDBOX_PUSH_TOKEN, q.get('timestamp')!, q.get('nonce')!, Encrypt),
    )
    const m = JSON.parse(decryptPush(Encrypt, SANDBOX_APPID, SANDBOX_ENCODING_AES_KEY))
    expect(m).toMatchObject({
      Event: 'wxa_media_check',
      result: { suggest: 'risky', label: 20002 },
    })
  })

  it('on demand: a duplicate push, a push signed with the wrong token; retries until "success"', async () => {
    h.sandbox.media.push = { url: `${base()}/push`, token: SANDBOX_PUSH_TOKEN }
    await h.control('POST', 'media-faults', { duplicatePushes: 1, badSignaturePushes: 1 })
    await check()
    await arrive()
    expect(received).toHaveLength(2)
    const [bad, copy] = received
    expect(bad.query.get('signature')).not.toBe(
      pushSignature(SANDBOX_PUSH_TOKEN, bad.query.get('timestamp')!, bad.query.get('nonce')!),
    )
    expect(JSON.parse(copy.body).trace_id).toBe(JSON.parse(bad.body).trace_id)
    expect(h.sandbox.media.log.map((l) => [l.badSignature, l.duplicate])).toEqual([
      [true, false],
      [false, true],
    ])
    received.splice(0)
    answer = 'nope'
    await check()
    await arrive()
    expect(received).toHaveLength(3) // WeChat tries three times
  })

  it('reads the planted marker from tEXt and leaves other PNGs alone', () => {
    expect(pngMarker(PNG)).toBeNull()
    expect(pngMarker(planted('risky'))).toBe('risky')
    expect(pngMarker(planted('review'))).toBe('review')
    expect(pngMarker(Buffer.from('not a png'))).toBeNull()
  })
})
