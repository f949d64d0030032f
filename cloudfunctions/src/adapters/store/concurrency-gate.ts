/**
 * At most `size` holders at a time; the rest wait in arrival order. For optimistic transactions:
 * many callers of one process racing for the same document mostly waste round trips on
 * conflicts, while a few at a time still overlap (and still conflict across instances).
 */
export class ConcurrencyGate {
  private active = 0
  private readonly waiting: (() => void)[] = []

  constructor(private readonly size: number) {}

  async run<R>(fn: () => Promise<R>): Promise<R> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve))
    else this.active++
    try {
      return await fn()
    } finally {
      // Hand the slot straight to the next waiter, so `active` never dips and lets a newcomer pass.
      const next = this.waiting.shift()
      if (next) next()
      else this.active--
    }
  }
}
