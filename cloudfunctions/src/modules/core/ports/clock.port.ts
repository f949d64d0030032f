/** Clock: the only source of "now" (epoch ms), so tests can move time. */
export interface Clock {
  /** Current time in epoch milliseconds. */
  now(): number
}
