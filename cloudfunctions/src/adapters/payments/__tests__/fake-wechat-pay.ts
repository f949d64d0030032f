/**
 * An in-test fake of WeChat Pay API v3, enough to drive WechatPayGateway over real HTTP:
 * it records what arrives and answers with responses signed by a (sandbox-only) platform key.
 * Not the local sandbox (cloudfunctions/local/sandboxes/wechat-pay); it has no books or state.
 */
import {
  createCipheriv,
  createPublicKey,
  createSign,
  randomBytes,
  verify,
  X509Certificate,
} from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'

const fx = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8')

export interface KeyPair {
  keyPem: string
  certPem: string
  serial: string
}
const pair = (base: string): KeyPair => {
  const certPem = fx(`${base}.cert.pem`)
  return {
    keyPem: fx(`${base}.key.pem`),
    certPem,
    serial: new X509Certificate(certPem).serialNumber.toUpperCase(),
  }
}

export const MERCHANT = pair('merchant')
export const PLATFORM = pair('platform')
export const PLATFORM_ROTATED = pair('platform-rotated')
export const ROGUE = pair('rogue')
/** SANDBOX-ONLY APIv3 key. */
export const API_V3_KEY = 'sandboxOnlyApiV3Key0123456789abc'
export const SP_MCHID = '1900000001'
export const SP_APPID = 'wxsandbox00000001'

/** A time inside every fixture certificate's validity, for the fake clock. */
export const FIXTURE_NOW_MS =
  Date.parse(new X509Certificate(PLATFORM.certPem).validFrom) + 24 * 3600_000

export function gcmEncrypt(plain: string, key = API_V3_KEY, aad = 'transaction') {
  const nonce = randomBytes(6).toString('hex') // 12 chars, as WeChat uses
  const c = createCipheriv('aes-256-gcm', Buffer.from(key), Buffer.from(nonce))
  c.setAAD(Buffer.from(aad))
  const ct = Buffer.concat([c.update(plain, 'utf8'), c.final(), c.getAuthTag()])
  return {
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: ct.toString('base64'),
    nonce,
    associated_data: aad,
  }
}

export function wechatSign(keyPem: string, timestamp: string, nonce: string, body: string) {
  return createSign('RSA-SHA256').update(`${timestamp}\n${nonce}\n${body}\n`).sign(keyPem, 'base64')
}

export interface SignOptions {
  key?: KeyPair
  /** Serial header to send (defaults to key's serial). */
  serial?: string
  timestampSec?: number
}

/** Headers WeChat puts on a signed answer or callback. */
export function signedHeaders(
  body: string,
  nowMs: number,
  o: SignOptions = {},
): Record<string, string> {
  const key = o.key ?? PLATFORM
  const timestamp = String(o.timestampSec ?? Math.floor(nowMs / 1000))
  const nonce = randomBytes(16).toString('hex')
  return {
    'wechatpay-timestamp': timestamp,
    'wechatpay-nonce': nonce,
    'wechatpay-serial': o.serial ?? key.serial,
    'wechatpay-signature': wechatSign(key.keyPem, timestamp, nonce, body),
    'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
  }
}

/** Builds a callback exactly as WeChat sends it: encrypted resource, signed raw body. */
export function buildNotification(
  nowMs: number,
  eventType: string,
  resource: Record<string, unknown>,
  o: SignOptions & { apiV3Key?: string } = {},
) {
  const body = JSON.stringify({
    id: 'EV-' + randomBytes(8).toString('hex'),
    create_time: '2026-11-24T20:00:00+08:00',
    resource_type: 'encrypt-resource',
    event_type: eventType,
    summary: '支付成功',
    resource: { original_type: 'transaction', ...gcmEncrypt(JSON.stringify(resource), o.apiV3Key) },
  })
  return { body, headers: signedHeaders(body, nowMs, o) }
}

/** Checks a request's Authorization header against the merchant certificate, as WeChat does. */
export function verifyAuthorization(call: FakeCall, certPem = MERCHANT.certPem): boolean {
  const m = /^WECHATPAY2-SHA256-RSA2048 (.*)$/.exec(call.headers['authorization'] ?? '')
  if (!m) return false
  const f = Object.fromEntries([...m[1].matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]))
  if (f.mchid !== SP_MCHID || f.serial_no !== MERCHANT.serial) return false
  const msg = `${call.method}\n${call.path}\n${f.timestamp}\n${f.nonce_str}\n${call.body}\n`
  return verify(
    'RSA-SHA256',
    Buffer.from(msg),
    createPublicKey(certPem),
    Buffer.from(f.signature, 'base64'),
  )
}

export interface FakeCall {
  method: string
  /** Path after the base URL's prefix, from /v3/... with query. */
  path: string
  rawUrl: string
  headers: Record<string, string>
  body: string
}

export interface FakeReply {
  status: number
  body?: unknown
  /** Signing options; `false` sends no signature headers. */
  sign?: SignOptions | false
  /** Change the body after signing it. */
  tamper?: (body: string) => string
  /** Never answer (timeout test). */
  hang?: boolean
}

export class FakeWechatPay {
  calls: FakeCall[] = []
  handler: (call: FakeCall) => FakeReply = () => ({
    status: 404,
    body: { code: 'NOT_FOUND', message: 'no handler' },
  })
  /** Certificates served by GET /v3/certificates, and how that answer is signed. */
  certificates: KeyPair[] = [PLATFORM]
  certificatesSign: SignOptions = {}
  certificatesTamper?: (
    data: { serial_no: string; encrypt_certificate: ReturnType<typeof gcmEncrypt> }[],
  ) => void
  /** An answer GET /v3/certificates gives instead of the certificates (a rate limit, an outage). */
  certificatesFailure?: FakeReply
  private server?: Server
  baseUrl = ''

  constructor(
    private readonly now: () => number,
    private readonly prefix = '/sandbox/wechat-pay',
  ) {}

  certificateRequests() {
    return this.calls.filter((c) => c.path === '/v3/certificates').length
  }

  async start() {
    this.server = createServer((req, res) => void this.onRequest(req, res))
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r))
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${this.prefix}`
  }

  async stop() {
    this.server?.closeAllConnections()
    await new Promise<void>((r) => this.server?.close(() => r()))
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const headers: Record<string, string> = {}
    for (const [k, v] of Object.entries(req.headers))
      headers[k] = Array.isArray(v) ? v.join(',') : String(v)
    const rawUrl = req.url ?? ''
    const call: FakeCall = {
      method: req.method ?? '',
      rawUrl,
      path: rawUrl.startsWith(this.prefix) ? rawUrl.slice(this.prefix.length) : rawUrl,
      headers,
      body: Buffer.concat(chunks).toString('utf8'),
    }
    this.calls.push(call)
    const reply = call.path === '/v3/certificates' ? this.certificatesReply() : this.handler(call)
    if (reply.hang) return
    const body =
      reply.body === undefined
        ? ''
        : typeof reply.body === 'string'
          ? reply.body
          : JSON.stringify(reply.body)
    const sig = reply.sign === false ? {} : signedHeaders(body, this.now(), reply.sign ?? {})
    res.writeHead(reply.status, { 'content-type': 'application/json', ...sig })
    res.end(reply.tamper ? reply.tamper(body) : body)
  }

  private certificatesReply(): FakeReply {
    if (this.certificatesFailure) return this.certificatesFailure
    const data = this.certificates.map((k) => ({
      serial_no: k.serial,
      effective_time: '2026-01-01T00:00:00+08:00',
      expire_time: '2036-01-01T00:00:00+08:00',
      encrypt_certificate: gcmEncrypt(k.certPem, API_V3_KEY, 'certificate'),
    }))
    this.certificatesTamper?.(data)
    return { status: 200, body: { data }, sign: this.certificatesSign }
  }
}
