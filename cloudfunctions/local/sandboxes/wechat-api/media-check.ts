import { randomBytes } from 'node:crypto'
import { inflateSync } from 'node:zlib'
import { encryptPush, pushSignature } from '../../../src/adapters/wechat-api/wechat-message-push'
import type { SandboxClock } from '../sandbox-clock'
import { checkOpenid, checkScene, traceId as newTraceId } from './content-security'
import { WxApiError } from './state'

type Json = Record<string, unknown>

/**
 * security.mediaCheckAsync v2 (POST wxa/media_check_async) and the wxa_media_check push that
 * carries its verdict, as WeChat does them: the call answers a trace_id at once; the sandbox then
 * fetches media_url and, `delayMs` later, POSTs the result to the mini-program's 消息推送 URL —
 * plain (signature in the query) or 安全模式 (encrypt_type=aes, msg_signature, AES-CBC Encrypt).
 *
 * Planted image markers (the sandbox's rule for a verdict): a PNG tEXt/zTXt/iTXt chunk with
 * keyword `sandbox` and text `risky` or `review`, or a URL whose file name contains `.risky.` or
 * `.review.`. Anything else passes; a URL that cannot be fetched gives errcode 1 with a review
 * verdict, as a check that could not run.
 */

export interface MessagePushSettings {
  url: string
  token: string
  /** 安全模式 when set (43 characters); plain mode otherwise. */
  encodingAesKey?: string
}

export interface MediaPushRecord {
  traceId: string
  url: string
  suggest: 'pass' | 'review' | 'risky'
  /** HTTP status of each attempt (0 = network error). */
  statuses: number[]
  /** The receiver's answer bodies: WeChat wants "success" (or an empty body). */
  answers: string[]
  badSignature: boolean
  duplicate: boolean
}

export interface MediaCheckOptions {
  appid: string
  clock: SandboxClock
  /** From the push's sending until WeChat's verdict (default 3 s of sandbox time). */
  delayMs?: number
  push?: MessagePushSettings
  /** How the sandbox reads media_url (default fetch); tests may read the files directly. */
  fetchMedia?: (url: string) => Promise<Uint8Array>
  fetch?: typeof fetch
}

const LABELS = { risky: 20002, review: 21000, pass: 100 } as const

/** The planted marker in a PNG's text chunks, if any. */
export const pngMarker = (bytes: Uint8Array): 'risky' | 'review' | null => {
  const b = Buffer.from(bytes)
  if (b.length < 8 || b.readUInt32BE(0) !== 0x89504e47) return null
  for (let at = 8; at + 12 <= b.length;) {
    const length = b.readUInt32BE(at)
    const type = b.toString('latin1', at + 4, at + 8)
    const data = b.subarray(at + 8, at + 8 + length)
    if (type === 'tEXt' || type === 'zTXt' || type === 'iTXt') {
      const nul = data.indexOf(0)
      if (nul > 0 && data.toString('latin1', 0, nul) === 'sandbox') {
        let text: string
        if (type === 'tEXt') text = data.subarray(nul + 1).toString('latin1')
        else if (type === 'zTXt') text = inflateSync(data.subarray(nul + 2)).toString('latin1')
        else text = data.subarray(data.lastIndexOf(0) + 1).toString('utf8')
        if (text.includes('risky')) return 'risky'
        if (text.includes('review')) return 'review'
      }
    }
    if (type === 'IEND') break
    at += 12 + length
  }
  return null
}

const nameMarker = (url: string): 'risky' | 'review' | null => {
  const name = new URL(url).pathname.split('/').pop() ?? ''
  return name.includes('.risky.') ? 'risky' : name.includes('.review.') ? 'review' : null
}

export class MediaChecks {
  readonly log: MediaPushRecord[] = []
  /** "The next N pushes": sent twice / signed with a wrong token first. */
  readonly faults = { duplicatePushes: 0, badSignaturePushes: 0 }
  push: MessagePushSettings | undefined
  private readonly inFlight = new Set<Promise<void>>()

  constructor(private readonly o: MediaCheckOptions) {
    this.push = o.push
  }

  /** POST wxa/media_check_async: the field checks, then a trace_id; the verdict is pushed later. */
  start(body: Json): Json {
    const url = body.media_url
    if (typeof url !== 'string' || !/^https?:\/\/[^\s]+$/.test(url))
      throw new WxApiError(40097, 'invalid args: media_url')
    if (body.media_type !== 1 && body.media_type !== 2)
      throw new WxApiError(40097, 'invalid args: media_type')
    if (body.version !== 2) throw new WxApiError(40097, 'invalid args: version must be 2')
    checkScene(body.scene)
    checkOpenid(body.openid)
    const traceId = newTraceId()
    // Returned to the clock too, so a manual advance waits for the push.
    this.o.clock.schedule(this.o.delayMs ?? 3_000, () => {
      const pushed = this.judgeAndPush(traceId, url, body.openid as string)
      this.track(pushed)
      return pushed
    })
    return { trace_id: traceId }
  }

  /** Resolves when no push is in flight. */
  async idle() {
    while (this.inFlight.size) await Promise.all([...this.inFlight])
  }

  private track(p: Promise<void>) {
    this.inFlight.add(p)
    void p.finally(() => this.inFlight.delete(p))
  }

  private async verdict(
    url: string,
  ): Promise<{ suggest: MediaPushRecord['suggest']; errcode: number }> {
    const byName = nameMarker(url)
    if (byName) return { suggest: byName, errcode: 0 }
    try {
      const bytes = this.o.fetchMedia
        ? await this.o.fetchMedia(url)
        : new Uint8Array(await (await (this.o.fetch ?? fetch)(url)).arrayBuffer())
      return { suggest: pngMarker(bytes) ?? 'pass', errcode: 0 }
    } catch {
      return { suggest: 'review', errcode: 1 }
    }
  }

  private async judgeAndPush(traceId: string, url: string, openid: string) {
    const push = this.push
    if (!push) return
    const { suggest, errcode } = await this.verdict(url)
    const message = {
      ToUserName: accountOf(this.o.appid),
      FromUserName: openid,
      CreateTime: Math.floor(this.o.clock.now() / 1000),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: this.o.appid,
      trace_id: traceId,
      version: 2,
      detail: [{ strategy: 'content_model', errcode, suggest, label: LABELS[suggest], prob: 90 }],
      errcode,
      errmsg: errcode === 0 ? 'ok' : 'media fetch failed',
      result: { suggest, label: LABELS[suggest] },
    }
    const badSignature = this.take('badSignaturePushes')
    const duplicate = this.take('duplicatePushes')
    await this.send(push, message, traceId, suggest, badSignature, false)
    if (duplicate) await this.send(push, message, traceId, suggest, false, true)
  }

  private take(fault: keyof MediaChecks['faults']) {
    if (this.faults[fault] <= 0) return false
    this.faults[fault]--
    return true
  }

  /** One push, retried up to 3 times as WeChat does when the answer is not "success". */
  private async send(
    push: MessagePushSettings,
    message: Json,
    traceId: string,
    suggest: MediaPushRecord['suggest'],
    badSignature: boolean,
    duplicate: boolean,
  ) {
    const record: MediaPushRecord = {
      traceId,
      url: push.url,
      suggest,
      statuses: [],
      answers: [],
      badSignature,
      duplicate,
    }
    this.log.push(record)
    const attempts = badSignature ? 1 : 3
    for (let i = 0; i < attempts; i++) {
      const { query, body } = this.sign(push, JSON.stringify(message), badSignature)
      try {
        const res = await (this.o.fetch ?? fetch)(
          `${push.url}${push.url.includes('?') ? '&' : '?'}${query}`,
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body,
            signal: AbortSignal.timeout(5_000),
          },
        )
        const text = await res.text()
        record.statuses.push(res.status)
        record.answers.push(text)
        if (res.status === 200 && (text === 'success' || text === '')) return
      } catch {
        record.statuses.push(0)
        record.answers.push('')
      }
    }
  }

  private sign(push: MessagePushSettings, plain: string, bad: boolean) {
    const token = bad ? `${push.token}-wrong` : push.token
    const timestamp = String(Math.floor(this.o.clock.now() / 1000))
    const nonce = String(randomBytes(4).readUInt32BE(0))
    const q = new URLSearchParams({
      signature: pushSignature(token, timestamp, nonce),
      timestamp,
      nonce,
    })
    if (!push.encodingAesKey) return { query: q.toString(), body: plain }
    const encrypted = encryptPush(plain, this.o.appid, push.encodingAesKey)
    q.set('encrypt_type', 'aes')
    q.set('msg_signature', pushSignature(token, timestamp, nonce, encrypted))
    return {
      query: q.toString(),
      body: JSON.stringify({ ToUserName: accountOf(this.o.appid), Encrypt: encrypted }),
    }
  }
}

/** The mini-program's original id (gh_…) as pushes name it; the sandbox derives one from the appid. */
const accountOf = (appid: string) => `gh_${appid.slice(2, 14)}`
