import { CountedFaults } from '../counted-faults'

/**
 * Fault injection. Each fault is a counter: "the next N notifications / API calls" get it, so
 * tests are deterministic. Set programmatically (`faults.set({ dropNotifications: 1 })`) or
 * through `POST /sandbox/wechat-pay/control/faults` with the same JSON.
 */
export interface FaultSettings {
  /** The next N notifications are sent twice. */
  duplicateNotifications: number
  /** The next N notifications are held back and sent after the one that follows them. */
  reorderNotifications: number
  /** The next N notifications wait `delayMs` extra before their first attempt. */
  delayNotifications: number
  delayMs: number
  /** The next N notifications are never delivered (the merchant must query). */
  dropNotifications: number
  /** The first attempt of the next N notifications is signed with a key that is not the platform's. */
  wrongKeyNotifications: number
  /** The next N API calls answer 500 SYSTEM_ERROR without doing anything. */
  apiErrors: number
  /** The next N API calls answer 429 FREQUENCY_LIMITED without doing anything. */
  apiRateLimited: number
  /** The next N authenticated API calls are processed (changes take effect), then the connection is cut without an answer. */
  apiTimeouts: number
}

export const NO_FAULTS: FaultSettings = {
  duplicateNotifications: 0,
  reorderNotifications: 0,
  delayNotifications: 0,
  delayMs: 60_000,
  dropNotifications: 0,
  wrongKeyNotifications: 0,
  apiErrors: 0,
  apiRateLimited: 0,
  apiTimeouts: 0,
}

export type CountedFault = Exclude<keyof FaultSettings, 'delayMs'>

/** `delayMs` is a setting, not a counter: only the others are taken. */
export class Faults extends CountedFaults<FaultSettings, CountedFault> {
  constructor() {
    super(NO_FAULTS)
  }
}
