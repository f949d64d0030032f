import { type DeliveryState, PushNotifier } from '../push-notifier'
import type { SandboxClock } from '../sandbox-clock'
import { gcmEncrypt, nonceStr, responseMessage, rsaSign } from './crypto'
import type { CountedFault, Faults } from './faults'

/** WeChat's retry schedule after a failed delivery (15 attempts after the first). */
export const RETRY_SCHEDULE_MS = [
  15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600,
].map((s) => s * 1000)

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

/**
 * Sends encrypted, signed notifications and retries them on WeChat's schedule until the receiver
 * answers 200/204 with `{"code":"SUCCESS"}` or an empty body.
 */
export class Notifier extends PushNotifier<DeliveryRecord, string, CountedFault> {
  private seq = 0

  constructor(
    clock: SandboxClock,
    faults: Faults,
    private readonly keys: NotificationKeys,
    fetchImpl: typeof fetch = fetch,
    attemptTimeoutMs = 5000,
  ) {
    const faultNames = {
      drop: 'dropNotifications',
      duplicate: 'duplicateNotifications',
      reorder: 'reorderNotifications',
      wrongSign: 'wrongKeyNotifications',
      delay: { fault: 'delayNotifications', ms: () => faults.get().delayMs },
    } as const
    super(clock, {
      faults,
      faultNames,
      retryMs: RETRY_SCHEDULE_MS,
      okStatuses: [200, 204],
      fetch: fetchImpl,
      attemptTimeoutMs,
    })
  }

  /** Queues one notification whose resource is `payload` encrypted with the APIv3 key. */
  notify(
    url: string,
    eventType: string,
    summary: string,
    originalType: string,
    payload: object,
  ): DeliveryRecord {
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
    return this.enqueue({ id, eventType, url, attempts: 0, statuses: [], state: 'pending' }, body)
  }

  // WeChat's log has no held state: a notification held back for reordering reads pending.
  protected mark(record: DeliveryRecord, state: DeliveryState) {
    if (state !== 'held') record.state = state
  }

  // A duplicate is the same notification (same id) sent again.
  protected duplicate(record: DeliveryRecord): DeliveryRecord {
    return { ...record, attempts: 0, statuses: [], state: 'pending' }
  }

  protected sign(body: string, wrongKey: boolean) {
    const timestamp = String(Math.floor(this.clock.now() / 1000))
    const nonce = nonceStr()
    const signature = rsaSign(
      responseMessage(timestamp, nonce, body),
      wrongKey ? this.keys.wrongKey : this.keys.platformKey,
    )
    const headers = {
      'Content-Type': 'application/json',
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Signature': signature,
      'Wechatpay-Serial': this.keys.platformSerial,
      'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
    }
    return { headers, body }
  }

  // An empty body, or JSON without a code or with code SUCCESS; anything else is a failure.
  protected accepts(text: string) {
    if (text.trim() === '') return true
    try {
      const parsed = JSON.parse(text) as { code?: string }
      return parsed.code === undefined || parsed.code === 'SUCCESS'
    } catch {
      return false
    }
  }
}

/** `2026-01-01T08:00:00+08:00`, as WeChat formats times. */
export const rfc3339 = (ms: number): string => {
  const d = new Date(ms + 8 * 3600_000)
  return `${d.toISOString().slice(0, 19)}+08:00`
}
