import { CountedFaults } from '../counted-faults'

/**
 * Fault injection for the API calls (upload_shipping_info, notify_confirm_receive,
 * subscribe/send; not the token endpoint). Each fault is a counter: "the next N calls" get it, so
 * tests are deterministic. Set with `faults.set({ systemBusy: 1 })` or
 * `POST /sandbox/wechat-api/control/faults` with the same JSON. Token invalidation is an action,
 * not a counter: `POST /control/invalidate-tokens`.
 */
export interface FaultSettings {
  /** The next N calls answer errcode -1 (system error) without doing anything. */
  systemBusy: number
  /** The next N calls answer errcode 45009 (api freq out of limit) without doing anything. */
  rateLimited: number
  /** The next N calls answer HTTP 502 without doing anything. */
  httpErrors: number
  /** The next N calls are processed (the change takes effect), then the connection is cut without an answer. */
  timeouts: number
}

export const NO_FAULTS: FaultSettings = {
  systemBusy: 0,
  rateLimited: 0,
  httpErrors: 0,
  timeouts: 0,
}

export class Faults extends CountedFaults<FaultSettings> {
  constructor() {
    super(NO_FAULTS)
  }
}
