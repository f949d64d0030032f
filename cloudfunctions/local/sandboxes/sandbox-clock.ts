import type { Clock } from '../../src/modules/core/ports/clock.port'

/**
 * The sandboxes' time: `now()` for timestamps and expiry, `schedule()` for push retries, refund
 * completion and parcel events. `ManualClock` moves only when told (tests: instant and deterministic);
 * `RealClock` uses real timers with delays divided by `timeFactor` (dev: 60 turns 15 s into 0.25 s).
 */
export interface SandboxClock {
  now(): number
  /** Runs `task` after `delayMs` of sandbox time; returns a cancel function. */
  schedule(delayMs: number, task: () => Promise<void> | void): () => void
  /** Manual clocks only: moves time forward, running (and awaiting) every task that falls due. */
  advance?(ms: number): Promise<void>
  /** Number of scheduled tasks not yet run. */
  pending(): number
  close(): void
}

interface Task {
  at: number
  seq: number
  run: () => Promise<void> | void
}

export class ManualClock implements SandboxClock {
  private tasks: Task[] = []
  private seq = 0
  constructor(private time = Date.UTC(2026, 0, 1)) {}

  now() {
    return this.time
  }

  schedule(delayMs: number, run: () => Promise<void> | void) {
    const task = { at: this.time + Math.max(0, delayMs), seq: this.seq++, run }
    this.tasks.push(task)
    return () => {
      this.tasks = this.tasks.filter((t) => t !== task)
    }
  }

  async advance(ms: number): Promise<void> {
    const target = this.time + ms
    for (;;) {
      const due = this.tasks
        .filter((t) => t.at <= target)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)[0]
      if (!due) break
      this.tasks = this.tasks.filter((t) => t !== due)
      this.time = Math.max(this.time, due.at)
      await due.run()
    }
    this.time = target
  }

  pending() {
    return this.tasks.length
  }

  close() {
    this.tasks = []
  }
}

export class RealClock implements SandboxClock {
  private timers = new Set<NodeJS.Timeout>()
  constructor(
    private readonly timeFactor = 1,
    private readonly base: { now(): number } = Date,
  ) {}

  now() {
    return this.base.now()
  }

  schedule(delayMs: number, run: () => Promise<void> | void) {
    const timer = setTimeout(
      () => {
        this.timers.delete(timer)
        void Promise.resolve()
          .then(run)
          .catch(() => undefined)
      },
      Math.max(0, delayMs / this.timeFactor),
    )
    timer.unref?.()
    this.timers.add(timer)
    return () => {
      clearTimeout(timer)
      this.timers.delete(timer)
    }
  }

  pending() {
    return this.timers.size
  }

  close() {
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
  }
}

/** The same clock, with `after()` run whenever a scheduled task finishes (it may have changed state). */
export const observedClock = (clock: SandboxClock, after: () => void): SandboxClock => ({
  now: () => clock.now(),
  schedule: (delayMs, task) =>
    clock.schedule(delayMs, async () => {
      try {
        await task()
      } finally {
        after()
      }
    }),
  ...(clock.advance ? { advance: (ms: number) => clock.advance!(ms) } : {}),
  pending: () => clock.pending(),
  close: () => clock.close(),
})

/** How a sandbox keeps time; each sandbox's options extend this. */
export interface SandboxTimerOptions {
  /**
   * 'manual' (tests): time moves only through `sandbox.clock.advance(ms)` or
   * `POST /control/advance`. 'real' (dev): real timers.
   */
  timers?: 'manual' | 'real'
  /** Real timers only: the source of "now" (e.g. the local cloud's movable clock). */
  clock?: Clock
  /** Manual timers only: the starting time (epoch ms). */
  startAt?: number
}

/** The clock `options` ask for; real timers divide their delays by `timeFactor`. */
export const createSandboxClock = (options: SandboxTimerOptions, timeFactor = 1): SandboxClock =>
  options.timers === 'manual'
    ? new ManualClock(options.startAt ?? Date.now())
    : new RealClock(timeFactor, options.clock)
