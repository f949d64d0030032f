import type { Clock } from '../../modules/core/ports/clock.port'

export const systemClock: Clock = { now: () => Date.now() }

/** A clock tests and the seeder move by hand. */
export class FakeClock implements Clock {
  constructor(private current = Date.UTC(2026, 10, 24, 4, 0, 0)) {}
  now() {
    return this.current
  }
  set(at: number) {
    this.current = at
  }
  advance(ms: number) {
    this.current += ms
  }
}
