import type { SandboxClock } from './sandbox-clock'

/** Where a push stands in a vendor's delivery log. */
export type DeliveryState = 'pending' | 'delivered' | 'failed' | 'dropped' | 'held'

/** What the delivery loop keeps on every log entry, beside the vendor's own fields. */
export interface Delivery {
  url: string
  attempts: number
  /** HTTP status of each attempt (0 = network error, -1 = answered without acknowledging). */
  statuses: number[]
}

/** Which of a vendor's fault counters (counted-faults.ts) mean what to the delivery loop. */
export interface PushFaultNames<F> {
  /** Never sent (the receiver must query). */
  drop: F
  /** Sent twice. */
  duplicate: F
  /** Held back and sent after the push that follows it. */
  reorder: F
  /** The first attempt is signed with a key that is not the vendor's. */
  wrongSign: F
  /** The first attempt waits `ms()` longer. */
  delay?: { fault: F; ms: () => number }
}

export interface PushNotifierOptions<F> {
  faults: { take(fault: F): boolean }
  faultNames: PushFaultNames<F>
  /** The wait before each retry, in sandbox time; after the last retry fails the push has failed. */
  retryMs: readonly number[]
  /** The HTTP statuses that, with a body `accepts` takes, acknowledge a push. */
  okStatuses: readonly number[]
  fetch?: typeof fetch
  attemptTimeoutMs?: number
}

interface Pending<R, M> {
  record: R
  message: M
  wrongSignFirst: boolean
}

/**
 * The delivery loop the WeChat Pay and kuaidi100 sandboxes share: POSTs each push, retries it on
 * the vendor's schedule until the receiver acknowledges it, and applies the push faults. Vendors
 * differ in record shape (`mark`, `duplicate`) and signing (`sign`, `accepts`), nothing else.
 */
export abstract class PushNotifier<R extends Delivery, M, F> {
  readonly log: R[] = []
  private held: (() => void)[] = []
  private inFlight = new Set<Promise<void>>()
  private readonly fetchImpl: typeof fetch

  constructor(
    protected readonly clock: SandboxClock,
    private readonly options: PushNotifierOptions<F>,
  ) {
    this.fetchImpl = options.fetch ?? fetch
  }

  /** Record shape: writes the delivery state on a log entry. */
  protected abstract mark(record: R, state: DeliveryState): void
  /** Record shape: the log entry of the second send of a duplicated push. */
  protected abstract duplicate(record: R): R
  /** Signing: the headers and body of one attempt; `wrongSign` signs with a key that is not the vendor's. */
  protected abstract sign(
    message: M,
    wrongSign: boolean,
  ): { headers: Record<string, string>; body: string }
  /** Signing: whether the body of an answer with an ok status acknowledges the push. */
  protected abstract accepts(text: string): boolean

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

  /** Logs `record` and queues `message` for it, as the faults say. */
  protected enqueue(record: R, message: M): R {
    const { faults, faultNames: names } = this.options
    this.log.push(record)
    if (faults.take(names.drop)) {
      this.mark(record, 'dropped')
      this.flushHeld() // a push held for reordering still goes out after this one
      return record
    }
    const pending: Pending<R, M> = { record, message, wrongSignFirst: faults.take(names.wrongSign) }
    const duplicate = faults.take(names.duplicate)
    const delay = names.delay && faults.take(names.delay.fault) ? names.delay.ms() : 0
    const reorder = faults.take(names.reorder)
    const start = () => {
      if (reorder) this.mark(record, 'pending')
      this.clock.schedule(delay, () => this.attempt(pending, 0))
      if (!duplicate) return
      const copy = this.duplicate(record)
      this.log.push(copy)
      this.clock.schedule(delay, () => this.attempt({ ...pending, record: copy }, 0))
    }
    const release = this.held
    this.held = []
    if (reorder) {
      this.mark(record, 'held')
      this.held.push(start)
    } else start()
    for (const r of release) r()
    return record
  }

  private attempt(p: Pending<R, M>, retryIndex: number): Promise<void> {
    const { retryMs, okStatuses } = this.options
    const run = this.send(p, retryIndex === 0 && p.wrongSignFirst).then((status) => {
      p.record.attempts += 1
      p.record.statuses.push(status)
      if (okStatuses.includes(status)) return this.mark(p.record, 'delivered')
      if (retryIndex >= retryMs.length) return this.mark(p.record, 'failed')
      this.clock.schedule(retryMs[retryIndex], () => this.attempt(p, retryIndex + 1))
    })
    this.inFlight.add(run)
    return run.finally(() => this.inFlight.delete(run))
  }

  /** One POST; returns the status that counts (an ok status whose body is not accepted counts as -1). */
  private async send(p: Pending<R, M>, wrongSign: boolean): Promise<number> {
    const { headers, body } = this.sign(p.message, wrongSign)
    try {
      const res = await this.fetchImpl(p.record.url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(this.options.attemptTimeoutMs ?? 5000),
      })
      const text = await res.text()
      if (!this.options.okStatuses.includes(res.status)) return res.status
      return this.accepts(text) ? res.status : -1
    } catch {
      return 0
    }
  }
}
