import { pushSign } from '../../../src/adapters/courier/kuaidi100.protocol'
import type { SandboxClock } from '../wechat-pay/clock'
import type { Faults } from './faults'

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

interface Pending {
  record: PushRecord
  param: string
  salt: string
  wrongSignFirst: boolean
  /** Form fields besides param and sign (商家寄件 callbacks carry taskId). */
  extra: Record<string, string>
}

/** Sends form-encoded pushes (param + sign) and re-pushes until the receiver answers result=true. */
export class PushNotifier {
  readonly log: PushRecord[] = []
  private held: (() => void)[] = []
  private inFlight = new Set<Promise<void>>()
  private seq = 0

  constructor(
    private readonly clock: SandboxClock,
    private readonly faults: Faults,
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly attemptTimeoutMs = 5000,
    /** Real timers: re-push delays are compressed like the rest of the world (1/timeFactor). */
    private readonly scale = 1,
  ) {}

  push(url: string, salt: string, waybillNo: string, monitor: string, state: string, param: string, extra: Record<string, string> = {}): PushRecord {
    const record: PushRecord = { id: ++this.seq, waybillNo, url, monitor, state, attempts: 0, statuses: [], state_: 'pending' }
    this.log.push(record)
    if (this.faults.take('dropPushes')) {
      record.state_ = 'dropped'
      this.flushHeld()
      return record
    }
    const pending: Pending = { record, param, salt, wrongSignFirst: this.faults.take('wrongSignPushes'), extra }
    const duplicate = this.faults.take('duplicatePushes')
    const start = () => {
      if (record.state_ === 'held') record.state_ = 'pending'
      this.clock.schedule(0, () => this.attempt(pending, 0))
      if (duplicate) {
        const copy: PushRecord = { ...record, id: ++this.seq, attempts: 0, statuses: [], state_: 'pending' }
        this.log.push(copy)
        this.clock.schedule(0, () => this.attempt({ ...pending, record: copy }, 0))
      }
    }
    const release = this.held
    this.held = []
    if (this.faults.take('reorderPushes')) {
      record.state_ = 'held'
      this.held.push(start)
    } else start()
    for (const r of release) r()
    return record
  }

  /** Sends anything still held back for reordering. */
  flushHeld() {
    const release = this.held
    this.held = []
    for (const r of release) r()
  }

  /** Resolves when no attempt is in flight. */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight])
  }

  private attempt(p: Pending, retryIndex: number): Promise<void> {
    const run = this.send(p, retryIndex === 0 && p.wrongSignFirst).then((status) => {
      p.record.attempts += 1
      p.record.statuses.push(status)
      if (status === 200) {
        p.record.state_ = 'delivered'
        return
      }
      if (retryIndex >= PUSH_RETRY_MS.length) {
        p.record.state_ = 'failed'
        return
      }
      this.clock.schedule(PUSH_RETRY_MS[retryIndex] * this.scale, () => this.attempt(p, retryIndex + 1))
    })
    this.inFlight.add(run)
    return run.finally(() => this.inFlight.delete(run))
  }

  private async send(p: Pending, wrongSign: boolean): Promise<number> {
    const sign = pushSign(p.param, wrongSign ? `${p.salt}-not-yours` : p.salt)
    try {
      const res = await this.fetchImpl(p.record.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8' },
        body: new URLSearchParams({ ...p.extra, param: p.param, sign }).toString(),
        signal: AbortSignal.timeout(this.attemptTimeoutMs),
      })
      const text = await res.text()
      if (res.status !== 200) return res.status
      try {
        const body = JSON.parse(text) as { result?: unknown; returnCode?: unknown }
        return body.result === true || String(body.returnCode) === '200' ? 200 : -1
      } catch {
        return -1
      }
    } catch {
      return 0
    }
  }
}
