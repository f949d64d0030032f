/**
 * Fault injection, as counters ("the next N pushes / API calls"), so tests are deterministic. Set
 * with `faults.set({ dropPushes: 1 })` or `POST /sandbox/kuaidi100/control/faults` with the same JSON.
 */
export interface Kuaidi100Faults {
  /** The next N pushes are sent twice. */
  duplicatePushes: number
  /** The next N pushes are held back and sent after the push that follows them. */
  reorderPushes: number
  /** The next N pushes are never sent (the client must poll with query.do). */
  dropPushes: number
  /** The first attempt of the next N pushes carries a sign made with another salt. */
  wrongSignPushes: number
  /** The next N API calls answer HTTP 500 without doing anything. */
  apiErrors: number
}

export const NO_FAULTS: Kuaidi100Faults = { duplicatePushes: 0, reorderPushes: 0, dropPushes: 0, wrongSignPushes: 0, apiErrors: 0 }

export class Faults {
  private settings: Kuaidi100Faults = { ...NO_FAULTS }

  get(): Kuaidi100Faults {
    return { ...this.settings }
  }

  /** Merges a partial setting; unknown keys and non-integers are rejected. */
  set(patch: Record<string, unknown>): Kuaidi100Faults {
    for (const [k, v] of Object.entries(patch)) {
      if (!(k in NO_FAULTS)) throw new Error(`unknown fault ${k}`)
      if (!Number.isSafeInteger(v) || (v as number) < 0) throw new Error(`fault ${k} must be a non-negative integer`)
    }
    this.settings = { ...this.settings, ...(patch as Partial<Kuaidi100Faults>) }
    return this.get()
  }

  reset() {
    this.settings = { ...NO_FAULTS }
  }

  /** Consumes one unit of a fault; true when it applies. */
  take(fault: keyof Kuaidi100Faults): boolean {
    if (this.settings[fault] <= 0) return false
    this.settings[fault] -= 1
    return true
  }
}
