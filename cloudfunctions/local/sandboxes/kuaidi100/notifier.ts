import { pushSign } from '../../../src/adapters/courier/kuaidi100.protocol'
import { type DeliveryState, PushNotifier } from '../push-notifier'
import type { SandboxClock } from '../sandbox-clock'
import type { Faults, Kuaidi100Faults } from './faults'

/**
 * Re-push schedule after a failed delivery, in sandbox time. kuaidi100's docs say an unanswered
 * push is pushed again later without publishing the intervals; these are our assumption.
 */
export const PUSH_RETRY_MS = [30 * 60_000, 2 * 3600_000, 6 * 3600_000]

export interface PushRecord {
  id: number
  waybillNo: string
  url: string
  /** The kuaidi100 `status` of the push (polling, shutdown, abort). */
  monitor: string
  /** kuaidi100 state code of lastResult. */
  state: string
  attempts: number
  /** HTTP status of each attempt (0 network error, -1 answered without result=true). */
  statuses: number[]
  state_: 'pending' | 'delivered' | 'failed' | 'dropped' | 'held'
}

/** A push's message: the form fields and the salt of its subscription. */
interface PushMessage {
  param: string
  salt: string
  /** Form fields besides param and sign (商家寄件 callbacks carry taskId). */
  extra: Record<string, string>
}

/** Sends form-encoded pushes (param + sign) and re-pushes until the receiver answers result=true. */
export class Kuaidi100Notifier extends PushNotifier<
  PushRecord,
  PushMessage,
  keyof Kuaidi100Faults
> {
  private seq = 0

  constructor(
    clock: SandboxClock,
    faults: Faults,
    fetchImpl: typeof fetch = fetch,
    attemptTimeoutMs = 5000,
    /** Real timers: re-push delays are compressed like the rest of the world (1/timeFactor). */
    scale = 1,
  ) {
    const faultNames = {
      drop: 'dropPushes',
      duplicate: 'duplicatePushes',
      reorder: 'reorderPushes',
      wrongSign: 'wrongSignPushes',
    } as const
    const retryMs = PUSH_RETRY_MS.map((ms) => ms * scale)
    super(clock, {
      faults,
      faultNames,
      retryMs,
      okStatuses: [200],
      fetch: fetchImpl,
      attemptTimeoutMs,
    })
  }

  push(
    url: string,
    salt: string,
    waybillNo: string,
    monitor: string,
    state: string,
    param: string,
    extra: Record<string, string> = {},
  ): PushRecord {
    return this.enqueue(
      {
        id: ++this.seq,
        waybillNo,
        url,
        monitor,
        state,
        attempts: 0,
        statuses: [],
        state_: 'pending',
      },
      { param, salt, extra },
    )
  }

  // `state` is the parcel's kuaidi100 state code, so the delivery state is `state_`.
  protected mark(record: PushRecord, state: DeliveryState) {
    record.state_ = state
  }

  // A duplicate push is numbered as a push of its own.
  protected duplicate(record: PushRecord): PushRecord {
    return { ...record, id: ++this.seq, attempts: 0, statuses: [], state_: 'pending' }
  }

  protected sign(m: PushMessage, wrongSign: boolean) {
    const sign = pushSign(m.param, wrongSign ? `${m.salt}-not-yours` : m.salt)
    const body = new URLSearchParams({ ...m.extra, param: m.param, sign }).toString()
    return { headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8' }, body }
  }

  // result=true (subscription pushes) or returnCode 200 (商家寄件 callbacks).
  protected accepts(text: string) {
    try {
      const body = JSON.parse(text) as { result?: unknown; returnCode?: unknown }
      return body.result === true || String(body.returnCode) === '200'
    } catch {
      return false
    }
  }
}
