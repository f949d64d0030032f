/**
 * Fault injection as counters ("the next N notifications / pushes / API calls"), so tests are
 * deterministic: what the three sandboxes share. Each sandbox names its faults and their zero
 * settings; `set` merges a partial setting (from code or `POST .../control/faults`), rejecting
 * unknown keys and anything but non-negative integers; `take` spends one unit of a fault.
 */
export class CountedFaults<
  S extends { [K in keyof S]: number },
  Counted extends keyof S = keyof S,
> {
  private settings: S

  constructor(private readonly none: S) {
    this.settings = { ...none }
  }

  get(): S {
    return { ...this.settings }
  }

  set(patch: Partial<Record<keyof S, unknown>>): S {
    for (const [k, v] of Object.entries(patch)) {
      if (!(k in this.none)) throw new Error(`unknown fault ${k}`)
      if (!Number.isSafeInteger(v) || (v as number) < 0)
        throw new Error(`fault ${k} must be a non-negative integer`)
    }
    this.settings = { ...this.settings, ...(patch as Partial<S>) }
    return this.get()
  }

  reset(): void {
    this.settings = { ...this.none }
  }

  /** Consumes one unit of a fault; true when it applies. */
  take(fault: Counted): boolean {
    if (this.settings[fault] <= 0) return false
    this.settings[fault] = (this.settings[fault] - 1) as S[Counted]
    return true
  }
}
