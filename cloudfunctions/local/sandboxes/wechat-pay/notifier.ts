import { gcmEncrypt, nonceStr, responseMessage, rsaSign } from './crypto'
import type { SandboxClock } from './clock'
import type { Faults } from './faults'

/** WeChat's retry schedule after a failed delivery (15 attempts after the first). */
export const RETRY_SCHEDULE_MS = [15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600].map(
  (s) => s * 1000,
)

export interface NotificationKeys {
  apiV3Key: string
  platformKey: string
  platformSerial: string
  wrongKey: string
}

export interface DeliveryRecord {
  id: string
  eventType: string
  url: string
  attempts: number
  /** HTTP status of each attempt (0 = network error). */
  statuses: number[]
  state: 'pending' | 'delivered' | 'failed' | 'dropped'
}

interface Pending {
  record: DeliveryRecord
  body: string
  wrongKeyFirst: boolean
}

/**
 * Sends encrypted, signed notifications and retries them on WeChat's schedule until the receiver
 * answers 200/204 with `{"code":"SUCCESS"}` or an empty body.
 */
export class Notifier {
  readonly log: DeliveryRecord[] = []
  private held: (() => void)[] = []
  private inFlight = new Set<Promise<void>>()
  private seq = 0

  constructor(
    private readonly clock: SandboxClock,
    private readonly faults: Faults,
    private readonly keys: NotificationKeys,
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly attemptTimeoutMs = 5000,
  ) {}

  /** Queues one notification whose resource is `payload` encrypted with the APIv3 key. */
  notify(url: string, eventType: string, summary: string, originalType: string, payload: object): DeliveryRecord {
    const id = `sandbox-${(++this.seq).toString().padStart(8, '0')}-${nonceStr(4)}`
    const nonce = nonceStr(6) // 12 characters, as WeChat's GCM nonce
    const body = JSON.stringify({
      id,
      create_time: rfc3339(this.clock.now()),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary,
      resource: {
        original_type: originalType,
        algorithm: 'AEAD_AES_256_GCM',
        ciphertext: gcmEncrypt(JSON.stringify(payload), this.keys.apiV3Key, nonce, originalType),
        associated_data: originalType,
        nonce,
      },
    })
    const record: DeliveryRecord = { id, eventType, url, attempts: 0, statuses: [], state: 'pending' }
    this.log.push(record)
    if (this.faults.take('dropNotifications')) {
      record.state = 'dropped'
      this.flushHeld() // a notification held for reordering still goes out after this one
      return record
    }
    const pending: Pending = { record, body, wrongKeyFirst: this.faults.take('wrongKeyNotifications') }
    const duplicate = this.faults.take('duplicateNotifications')
    const delay = this.faults.take('delayNotifications') ? this.faults.get().delayMs : 0
    const start = () => {
      this.clock.schedule(delay, () => this.attempt(pending, 0))
      if (duplicate) this.clock.schedule(delay, () => this.attempt({ ...pending, record: this.copyRecord(record) }, 0))
    }
    const release = this.held
    this.held = []
    if (this.faults.take('reorderNotifications')) this.held.push(start)
    else start()
    for (const r of release) r()
    return record
  }

  /** Sends anything still held back for reordering. */
  flushHeld() {
    const release = this.held
    this.held = []
    for (const r of release) r()
  }

  /** Resolves when no attempt is in flight (real clock). */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight])
  }

  private copyRecord(r: DeliveryRecord): DeliveryRecord {
    const copy: DeliveryRecord = { ...r, attempts: 0, statuses: [], state: 'pending' }
    this.log.push(copy)
    return copy
  }

  private attempt(p: Pending, retryIndex: number): Promise<void> {
    const run = this.send(p, retryIndex === 0 && p.wrongKeyFirst).then((status) => {
      p.record.attempts += 1
      p.record.statuses.push(status)
      if (status === 200 || status === 204) {
        p.record.state = 'delivered'
        return
      }
      if (retryIndex >= RETRY_SCHEDULE_MS.length) {
        p.record.state = 'failed'
        return
      }
      this.clock.schedule(RETRY_SCHEDULE_MS[retryIndex], () => this.attempt(p, retryIndex + 1))
    })
    this.inFlight.add(run)
    return run.finally(() => this.inFlight.delete(run))
  }

  /** One POST; returns the status that counts (non-SUCCESS bodies count as failure, -1). */
  private async send(p: Pending, wrongKey: boolean): Promise<number> {
    const timestamp = String(Math.floor(this.clock.now() / 1000))
    const nonce = nonceStr()
    const signature = rsaSign(responseMessage(timestamp, nonce, p.body), wrongKey ? this.keys.wrongKey : this.keys.platformKey)
    try {
      const res = await this.fetchImpl(p.record.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Wechatpay-Timestamp': timestamp,
          'Wechatpay-Nonce': nonce,
          'Wechatpay-Signature': signature,
          'Wechatpay-Serial': this.keys.platformSerial,
          'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
        },
        body: p.body,
        signal: AbortSignal.timeout(this.attemptTimeoutMs),
      })
      const text = await res.text()
      if (res.status !== 200 && res.status !== 204) return res.status
      if (text.trim() === '') return res.status
      try {
        const parsed = JSON.parse(text) as { code?: string }
        return parsed.code === undefined || parsed.code === 'SUCCESS' ? res.status : -1
      } catch {
        return -1
      }
    } catch {
      return 0
    }
  }
}

/** `2026-01-01T08:00:00+08:00`, as WeChat formats times. */
export const rfc3339 = (ms: number): string => {
  const d = new Date(ms + 8 * 3600_000)
  return `${d.toISOString().slice(0, 19)}+08:00`
}
